#!/bin/bash
# End to end, by hand, under Xvfb: the real app with a rule due in about a minute,
# a second launch handing over, the nudge window appearing, Start clicked with
# xdotool, and screenshots before and after (the player should show).
#   xvfb-run -a -s "-screen 0 1440x900x24" tests/app/nudge_e2e_xvfb.sh [PYTHON]
# Needs xdotool, x11-utils (xwininfo) and imagemagick (import). Takes about 90 s.
set -u
cd "$(dirname "$0")/../.."
PYTHON=${1:-python3}
OUT=$(mktemp -d)
H=$OUT/home; mkdir -p "$H/routines"
AT=$(date -d '+70 seconds' +%H:%M)
printf '{"reminders": ["at %s: Calf cramp relief"], "reminders_on": true}\n' "$AT" \
  > "$H/settings.json"
echo "rule: at $AT (now $(date +%H:%M:%S)); output in $OUT"
export QT_QPA_PLATFORM=xcb PYTHONPATH=$PWD
"$PYTHON" -m stretchapp --home "$H" > "$OUT/app.out" 2>&1 &
APP=$!
sleep 8
timeout 30 "$PYTHON" -m stretchapp --home "$H"; echo "second launch exit $?"
W=""
for _ in $(seq 1 120); do
  W=$(xdotool search --name "stretchapp reminder" 2>/dev/null | head -1)
  [ -n "$W" ] && xwininfo -id "$W" | grep -q IsViewable && break
  W=""; sleep 1
done
[ -n "$W" ] || { echo "FAIL: no nudge"; kill $APP; exit 1; }
echo "nudge shown at $(date +%H:%M:%S)"
import -window root "$OUT/nudge.png"
eval "$(xdotool getwindowgeometry --shell "$W")"
xdotool mousemove $((X + 60)) $((Y + HEIGHT - 40)) click 1  # Start: first button
sleep 3
import -window root "$OUT/after-start.png"
kill $APP; wait $APP
echo "screenshots: $OUT/nudge.png $OUT/after-start.png"
