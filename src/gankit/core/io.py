"""Atomic file writes: write beside the target, then rename, so an existing file is never
half-written. A path that cannot be written is a GankitError that says why, in one line."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gankit.core.errors import GankitError
from gankit.core.paths import exists, is_dir


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces the target."""
    target = Path(target)
    tmp = _temporary_beside(target)
    try:
        yield tmp
        _replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path | str, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def make_folder(folder: Path, failure: str) -> None:
    """`mkdir -p folder`; when that fails, a GankitError `<failure>: <what is in the way>`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as error:
        raise GankitError(f"{failure}: {write_problem(folder, error)}") from None


def write_problem(folder: Path, error: Exception) -> str:
    """Why nothing can be written in `folder`, in words."""
    blocker = next((p for p in (folder, *folder.parents) if _is_non_folder(p)), None)
    if blocker is not None:
        return f"{blocker} is a file, not a folder"
    existing = next((p for p in (folder, *folder.parents) if is_dir(p)), folder)
    if isinstance(error, PermissionError):
        return f"no permission to write in {existing}"
    if isinstance(error, OSError) and error.errno == errno.EROFS:
        return f"{existing} is on a read-only file system"
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return reason or type(error).__name__


def _is_non_folder(path: Path) -> bool:
    return exists(path) and not is_dir(path)


def _temporary_beside(target: Path) -> Path:
    make_folder(target.parent, f"cannot write {target}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise GankitError(f"cannot write {target}: {write_problem(target.parent, error)}") from None
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
    return Path(tmp)


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except OSError as error:
        problem = (f"{target} is a folder" if is_dir(target)
                   else write_problem(target.parent, error))
        raise GankitError(f"cannot write {target}: {problem}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
