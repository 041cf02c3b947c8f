"""The build's memory handed back to the system before the search indexing starts Pagefind.

By the end of a build, MkDocs and the hooks have let go of most of what they held (every page's HTML,
engine/build.py ``finish_page``), but the C library keeps freed memory for the process that freed it:
the system counts it as the build's while Pagefind, a second process, needs its own (at 10,000 case
studies, both together: benchmarks/results/scale_10000.md). :func:`hand_back` collects what Python
still holds without reason (reference cycles) and asks the C library to return its free pages
(glibc's ``malloc_trim``); where there is no glibc (macOS, Windows) it does nothing more.

And :func:`lasting`: Python's cyclic garbage collector paused while the core reads every page and makes
what the build keeps (records, links, blocks: some 780,000 objects at 10,000 case studies). While the
heap grows that way, the collector walks every object again and again (9 full passes out of a build's 13,
1.9 s of 10,000 cases' hooks) to find almost no garbage; after the pause, the objects are walked once or
twice as they age. Measured in benchmarks/results/scale_10000.md.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
from typing import Iterator


@contextlib.contextmanager
def lasting() -> Iterator[None]:
    """The cyclic collector paused inside the block (reference counting still frees what is let go), then
    as it was: a build inside ``serve`` or a test leaves no state behind, even when the block raises."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
