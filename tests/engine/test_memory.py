"""engine/memory.py: the memory a build freed goes back to the system before Pagefind starts."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"

# In a fresh process: 20 kB strings (a page's HTML), one in ten kept, the rest freed; resident memory
# after the strings are freed, then after hand_back.
_PROGRAM = f"""
import sys
sys.path.insert(0, {str(HOOKS)!r})
from engine import memory

def resident_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) // 1024

pages = [("é" + str(i)) * 10_000 for i in range(6_000)]
kept = pages[::10]
del pages
freed = resident_mb()
asked = memory.hand_back()
print(freed, resident_mb(), asked, len(kept))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists() or not sys.platform.startswith("linux"),
                    reason="resident memory read from /proc (Linux)")
def test_freed_pages_go_back_to_the_system() -> None:
    out = subprocess.run([sys.executable, "-c", _PROGRAM], capture_output=True, text=True, check=True).stdout.split()
    freed, after, asked = int(out[0]), int(out[1]), out[2]
    assert asked == "True"
    assert freed > 100, out  # the freed strings still count as the process's memory...
    assert after < freed / 2, out  # ... until hand_back returns them


def test_lasting_pauses_the_collector_then_sets_aside_what_was_made_until_release() -> None:
    import gc

    from engine import memory

    memory.release()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with memory.lasting():
        assert not gc.isenabled()
        made = [[i] for i in range(1_000)]  # tracked objects: lists
    assert gc.isenabled() and gc.get_freeze_count() >= 1_000
    frozen = gc.get_freeze_count()
    later = [[i] for i in range(1_000)]  # made after the block: set aside once a full collection keeps them
    gc.collect(1)
    assert gc.get_freeze_count() == frozen
    gc.collect()
    assert gc.get_freeze_count() >= frozen + 1_000
    assert made[0] == [0] and later[0] == [0]  # alive: set aside, not collected
    memory.release()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gc.get_freeze_count() == 0  # released: a full collection sets nothing aside any more
    with pytest.raises(ValueError), memory.lasting():
        raise ValueError("a content error")
    assert gc.isenabled() and gc.get_freeze_count() == 0  # a block that raises sets nothing aside
    gc.disable()  # a caller that had paused the collector keeps it paused
    try:
        with memory.lasting():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        memory.release()


def test_a_new_build_first_collects_what_an_earlier_one_left() -> None:
    """Left to the next collection, an earlier build's cycles would be set aside with the new build's objects
    (``serve`` rebuilds, in-process tests): the build starts with memory.fresh()."""
    import gc
    import weakref

    from engine import memory

    class Node:
        other: object = None

    gc.disable()
    try:
        first, second = Node(), Node()
        first.other, second.other = second, first  # a cycle, which only the collector frees
        left = weakref.ref(first)
        del first, second
        assert left() is not None
        memory.fresh()
        assert left() is None and gc.get_freeze_count() == 0
    finally:
        gc.enable()
