"""Atomic file output: readers see the old file or the new one, never half of one.

Every file kgraph writes (graphs, relation lists, plots) goes through
``atomic_write``: the data is written to a temporary file next to the target,
synced, and renamed over it. A failure anywhere removes the temporary file and
leaves an existing target as it was.

Example:
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "a.txt"
    >>> with atomic_write(target, encoding="utf-8") as stream:
    ...     _ = stream.write("done")
    >>> target.read_text(encoding="utf-8")
    'done'
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from kgraph.errors import StoreError


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], *, encoding: str | None = None, what: str = "file"
) -> Iterator[IO[Any]]:
    """Open a stream whose content replaces ``path`` only when the block succeeds.

    Args:
        path: the file to write; missing parent folders are created.
        encoding: give one for a text stream; binary otherwise.
        what: how the error message names the output ("graph", "plot").

    Raises:
        StoreError: the file cannot be written (the message names it and the remedy).
    """
    path = Path(path)
    # Next to the target (os.replace is atomic only within one file system), created with
    # 0o666 so that the umask sets the final permissions (mkstemp would give 0o600).
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "w" if encoding else "wb", encoding=encoding) as stream:
                yield stream
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot write the {what}: {exc.strerror or exc}; "
            "check the folder exists and is writable"
        ) from exc
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; best effort, as not every OS can open a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
