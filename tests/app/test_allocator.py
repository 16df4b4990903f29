"""Big blocks get their own mappings, so memory freed after play is handed back."""

from __future__ import annotations

from stretchapp.app.main import map_big_blocks_apart


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def test_freed_frames_leave_the_resident_memory() -> None:
    """Frame-sized blocks freed between blocks still in use do not stay resident."""
    assert map_big_blocks_apart()
    big = bytes(1) * (1 << 21)
    del big  # freed: glibc alone would now put blocks up to 2 MB in the heap
    before = _rss_kb()
    frames, kept = [], []
    for index in range(40):
        frames.append(bytes([index % 251]) * (1 << 20))
        kept.append(bytes([index % 251]) * 2000)  # a small block after each frame, kept
    held = _rss_kb()
    del frames
    after = _rss_kb()
    assert held - before > 30_000 and len(kept) == 40
    assert after - before < 4_000
