"""What the app keeps in its home: paths, atomic writes and backups, settings, history."""
