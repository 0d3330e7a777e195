"""Atomic file writes: write beside the target, then rename, so an existing file is never
half-written. A path that cannot be written is a GankitError that says why, in one line."""

from __future__ import annotations

import errno
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gankit.core.errors import GankitError
from gankit.core.paths import exists, is_dir

CHUNK = 1 << 20


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


def write_text_atomic(target: Path | str, text: str, durable: bool = False) -> None:
    """Replace `target` with `text`; `durable` also flushes it to disk (see write_bytes_durably)."""
    if durable:
        write_bytes_durably(Path(target), text.encode("utf-8"))
        return
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_bytes_durably(target: Path, data: bytes, chunk_pause: float = 0.0) -> None:
    """Replace `target` with `data` so that a crash or power loss at any instant leaves either the
    old file or the new one, whole: write a temporary file, fsync it, rename it over the target,
    fsync the folder. `chunk_pause` (tests only) sleeps between 1 MiB chunks, to be killed
    during a write."""
    with atomic_path(target) as tmp:
        try:
            with tmp.open("wb") as handle:
                for start in range(0, max(len(data), 1), CHUNK):
                    handle.write(data[start:start + CHUNK])
                    if chunk_pause:
                        time.sleep(chunk_pause)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise GankitError(f"cannot write {target}: {write_problem(target.parent, error)}") \
            from None
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """fsync a folder, so a rename inside it survives a crash (a no-op where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
