"""A window that shows the editor page alone, with the real bridges (no app shell)."""
