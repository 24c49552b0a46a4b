"""Outputs are written to a temporary file beside the target, then renamed into place."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import UsageError


def check_suffix(path: Path, suffix: str, option: str) -> None:
    """An output's name must say what it is (Excel will not open an .xlsx written as .xlsm)."""
    if Path(path).suffix.lower() != suffix:
        raise UsageError("bad_suffix", option=option, suffix=suffix, path=str(path))


def check_output_path(out: Path, *, inputs: tuple[Path, ...] = (), overwrite: bool = False) -> None:
    """Refuse to write over an input file, and over an existing file unless asked."""
    out = Path(out)
    for src in inputs:
        try:
            if src is not None and out.exists() and Path(src).exists() and os.path.samefile(out, src):
                raise UsageError("refuse_overwrite_input", path=str(out))
        except OSError:
            pass
        if src is not None and out.resolve() == Path(src).resolve():
            raise UsageError("refuse_overwrite_input", path=str(out))
    if out.exists() and not overwrite:
        raise UsageError("output_exists", path=str(out))
    if out.parent and not out.parent.exists():
        raise UsageError("output_dir_missing", path=str(out.parent))


@contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``out`` in one rename."""
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent or Path("."))
    os.close(fd)
    try:
        yield Path(tmp)
        umask = os.umask(0)  # mkstemp makes the file private (0600); give it the usual mode
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
