"""Changing routines: round-trip drafts, saving and deleting, copies, import and export archives."""
