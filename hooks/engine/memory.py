"""The build's memory handed back to the system before the search indexing starts Pagefind.

By the end of a build, MkDocs and the hooks have let go of most of what they held (every page's HTML,
engine/build.py ``finish_page``), but the C library keeps freed memory for the process that freed it:
the system counts it as the build's while Pagefind, a second process, needs its own (at 10,000 case
studies, both together: benchmarks/results/scale_10000.md). :func:`hand_back` collects what Python
still holds without reason (reference cycles) and asks the C library to return its free pages
(glibc's ``malloc_trim``); where there is no glibc (macOS, Windows) it does nothing more.

And :func:`lasting` / :func:`release`: what the core makes when it reads every page (records, links,
prepared blocks: some 780,000 objects at 10,000 case studies) lasts the whole build. Python's cyclic
collector, left alone, walks all of them again and again while they are made (nine full passes, 2.3 s,
that find nothing) and after. So the collector is paused while they are made, then they are set aside
(``gc.freeze``: no collection walks them) until the build is done or stops (:func:`release`, once the
search index is written, from ``on_build_error``, and when the next build starts; :func:`hand_back`'s
collection before Pagefind walks only what is not set aside). What MkDocs then keeps
of each page until every page is written (its table of contents, its anchors: some 290,000 objects at
10,000 case studies) is set aside the same way, as it survives full collections: after each one, its
survivors, which are no garbage, join what is set aside, and the next full pass walks only what came
since. Reference counting frees what is let go meanwhile, as always. Measured in
benchmarks/results/scale_10000.md.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
from typing import Iterator


@contextlib.contextmanager
def lasting() -> Iterator[None]:
    """The cyclic collector paused inside the block; what exists when the block ends is set aside for the
    collector until :func:`release`, and so is, from then on, what survives each full collection. The
    collector is then on again as it was, even when the block raises (nothing is set aside then: a build
    that stops keeps nothing)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
        if _set_aside_survivors not in gc.callbacks:
            gc.callbacks.append(_set_aside_survivors)
    finally:
        if was_enabled:
            gc.enable()


def _set_aside_survivors(phase: str, info: dict[str, int]) -> None:
    """After a full collection (generation 2), what it left is no garbage: set aside."""
    if phase == "stop" and info.get("generation") == 2:
        gc.freeze()


def release() -> None:
    """What :func:`lasting` set aside is the collector's again, and the survivors of full collections are
    no longer set aside (harmless when nothing was)."""
    if _set_aside_survivors in gc.callbacks:  # lasting() adds it once
        gc.callbacks.remove(_set_aside_survivors)
    gc.unfreeze()


def fresh() -> None:
    """Before a build: :func:`release`, then collect what an earlier build of this process left (``serve``,
    tests), so that none of it is set aside with this build's objects."""
    release()
    gc.collect()


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
