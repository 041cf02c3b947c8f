"""The build's memory handed back to the system before the search indexing starts Pagefind.

By the end of a build, MkDocs and the hooks have let go of most of what they held (every page's HTML,
engine/build.py ``finish_page``), but the C library keeps freed memory for the process that freed it:
the system counts it as the build's while Pagefind, a second process, needs its own (at 10,000 case
studies, both together: benchmarks/results/scale_10000.md). :func:`hand_back` collects what Python
still holds without reason (reference cycles) and asks the C library to return its free pages
(glibc's ``malloc_trim``); where there is no glibc (macOS, Windows) it does nothing more.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc


def hand_back() -> bool:
    """Collect, then return free memory to the system; whether the C library could be asked."""
    gc.collect()
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        trim = None
    if trim is None:
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim(0)
    return True
