"""The child process of core.loading.child_load: load the library, hand it back.

Run as `python -m stretchapp.core.loading.library_child USER_DIR CACHE`: the
ordinary `load_library` (which stores the start-up cache), then the library's
pickle on stdout. Nothing else may reach stdout, so prints go to stderr.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from stretchapp.core.loading.library import load_library


def main(argv: list[str]) -> int:
    """Load from the user's folder (empty: none) with the cache file; write the pickle."""
    user, cache = argv
    out = sys.stdout.buffer
    sys.stdout = sys.stderr
    library = load_library(user_dir=Path(user) if user else None, cache=Path(cache))
    out.write(pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
