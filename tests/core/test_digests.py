"""Digests without OpenSSL: the same as hashlib's, and no libcrypto imported for them."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from stretchapp.core.storage.digests import sha1, sha256
from tests.helpers.child_python import run_python


@given(st.binary(max_size=4096), st.binary(max_size=512))
def test_digests_equal_hashlibs(first: bytes, more: bytes) -> None:
    """Any bytes, in one or two parts, give hashlib's SHA-256 and SHA-1 hex digests."""
    running = sha256(first)
    running.update(more)
    assert running.hexdigest() == hashlib.sha256(first + more).hexdigest()
    assert sha1(first).hexdigest() == hashlib.sha1(first).hexdigest()


def test_digests_import_no_openssl() -> None:
    """Importing and using the digests leaves hashlib and _hashlib (libcrypto) out."""
    script = ("import sys\n"
              "from stretchapp.core.storage.digests import sha256\n"
              "sha256(b'x').hexdigest()\n"
              "print(sorted(m for m in ('hashlib', '_hashlib') if m in sys.modules))\n")
    done = run_python(script)
    assert done.stdout.strip() == "[]"
