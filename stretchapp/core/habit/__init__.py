"""Making stretching a habit: history statistics and streaks, reminder rules and their
scheduler on a given clock, desktop and autostart entries."""
