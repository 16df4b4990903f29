"""stretchapp: timed, guided stretching routines."""

__version__ = "0.1.0"
