"""`python -m stretchapp`: the same as the `stretchapp` command."""

import sys

from stretchapp.cli import main

sys.exit(main())
