"""SHA-256 and SHA-1 without OpenSSL, for the names of cached files and sockets.

`import hashlib` imports `_hashlib`, which maps OpenSSL's libcrypto: about
3.5 MB of resident memory for digests CPython also builds in (`_sha256` and
`_sha1`; `_sha2` from Python 3.12). Those give the very same digests, so no
cached file changes its name; hashlib is the fallback where they are missing.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, cast


class Digest(Protocol):
    """A running digest (hashlib's interface, the part used here)."""

    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


class _Maker(Protocol):
    def __call__(self, data: bytes = ..., /) -> Digest: ...


def _built_in(modules: Sequence[str], name: str) -> _Maker:
    """The first of modules that has the digest `name` (hashlib last: it has them all)."""
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        maker = getattr(module, name, None)
        if callable(maker):
            return cast(_Maker, maker)
    raise ImportError(f"no {name} digest in {', '.join(modules)}")


_SHA256 = _built_in(("_sha256", "_sha2", "hashlib"), "sha256")
_SHA1 = _built_in(("_sha1", "hashlib"), "sha1")


def sha256(data: bytes = b"") -> Digest:
    """hashlib.sha256(data), without OpenSSL."""
    return _SHA256(data)


def sha1(data: bytes = b"") -> Digest:
    """hashlib.sha1(data), without OpenSSL."""
    return _SHA1(data)
