"""How long setting a pose on its contacts takes, against drawing it.

Every built-in stretch's still picture is laid out with its contacts solved
(the figure's first drawing pays for it; later ones come from the cache) and
then drawn as SVG. The baseline is drawing alone, measured in the same run on
the same poses, so the ratio says what the solver adds to a first picture.
Run: python benchmarks/pose_contacts.py
"""

from __future__ import annotations

import json
import time

from stretchapp.core.loading.library import load_library
from stretchapp.core.palette import figure_palette
from stretchapp.core.pose.model import Pose
from stretchapp.core.pose.scene import layout
from stretchapp.core.pose.solver import solve
from stretchapp.core.pose.svg import draw, frame_of

# The solver may cost what drawing 20 pictures costs (about 4 ms a pose here,
# 20 at worst): a first thumbnail stays well under a frame.
BUDGET_RATIO = 20.0


def poses() -> list[Pose]:
    found = []
    for stretch in load_library(user_dir=None).stretches.values():
        if stretch.pose is not None:
            spec = stretch.pose
            found.append(spec.at(spec.hold) if spec.is_movement else spec.start)
    return found


def main() -> None:
    every = poses()
    solve_ms: list[float] = []
    draw_ms: list[float] = []
    for pose in every:
        solve.cache_clear()
        start = time.perf_counter()
        drawn = layout(pose)
        solve_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        draw(drawn, figure_palette("light"), False, 256, frame_of(drawn))
        draw_ms.append((time.perf_counter() - start) * 1000)
    mean_solve = sum(solve_ms) / len(solve_ms)
    mean_draw = sum(draw_ms) / len(draw_ms)
    worst = max(solve_ms)
    ratio = mean_solve / mean_draw
    print(f"{len(every)} built-in poses")
    print(f"layout with contacts solved: mean {mean_solve:.1f} ms, worst {worst:.1f} ms")
    print(f"drawing the SVG (baseline):  mean {mean_draw:.2f} ms")
    ok = ratio <= BUDGET_RATIO
    print(json.dumps({"solve_mean_ms": round(mean_solve, 2), "solve_worst_ms": round(worst, 2),
                      "baseline_ms": round(mean_draw, 3), "ratio": round(ratio, 2),
                      "budget_ratio": BUDGET_RATIO, "ok": ok}))


if __name__ == "__main__":
    main()
