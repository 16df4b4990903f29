"""The source lines PySide's import hook left in linecache are dropped before the window."""

from __future__ import annotations

import json

from tests.helpers.child_python import run_python

SCRIPT = """\
import json, linecache, threading
from stretchapp.app import main
before = sum(1 for name in linecache.cache if 'stretchapp' in name)
main.forget_module_sources()
alone = sum(1 for name in linecache.cache if 'stretchapp' in name)
import stretchapp.app.editor_bridge  # reads more sources
stop = threading.Event()
other = threading.Thread(target=stop.wait)
other.start()
main.forget_module_sources()
with_thread = sum(1 for name in linecache.cache if 'stretchapp' in name)
stop.set()
other.join()
print(json.dumps([before, alone, with_thread]))
"""


def test_sources_are_dropped_only_while_no_other_thread_runs() -> None:
    """Alone, the app's module sources leave linecache; with another thread they stay."""
    done = run_python(SCRIPT, env={"QT_QPA_PLATFORM": "offscreen"})
    before, alone, with_thread = json.loads(done.stdout.strip().splitlines()[-1])
    assert before > 20 and alone == 0 and with_thread > 0
