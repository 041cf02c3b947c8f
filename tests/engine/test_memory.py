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
