"""Read news articles from files and folders: the seed text format, plain text, JSON Lines.

Formats:
    * seed text: first line `` date YYYY-MM-DD Title``, then the body;
    * plain text: the whole file is the body, the id is the file stem, no date;
    * JSON Lines (``.jsonl`` / ``.ndjson``): one ``{"id", "date", "title", "text"}`` object a line.

A bad article (not UTF-8, binary, empty, bad date, broken JSON line) is
reported through ``on_error`` with its file name and skipped: one bad file
never stops the batch.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> text = " date 2023-05-12 A title\\n\\nBody text."
    >>> _ = (folder / "a.txt").write_text(text, encoding="utf-8")
    >>> [(a.id, str(a.date), a.title, a.text) for a in read_articles([folder])]
    [('a', '2023-05-12', 'A title', 'Body text.')]
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kgraph.errors import ArticleError
from kgraph.model import Article

log = logging.getLogger(__name__)

#: File suffixes read as JSON Lines; every other file is read as text.
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: File suffixes picked up when a folder is given (explicit files are read whatever their suffix).
FOLDER_SUFFIXES = frozenset({".txt", ".text", ".md", *JSONL_SUFFIXES})

_SEED_HEADER = re.compile(r"^\s*date\s+(\S+)\s*(.*)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

ErrorHandler = Callable[[ArticleError], None]


def log_skipped(error: ArticleError) -> None:
    """The default ``on_error``: the skipped article is logged as a warning."""
    log.warning("skipped %s", error)


def read_articles(
    paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Yield every article found in ``paths`` (files or folders, recursive, sorted).

    Args:
        paths: files or folders.
        on_error: called with an ``ArticleError`` for each article that is skipped;
            by default the error is logged as a warning.

    Raises:
        ArticleError: a path that does not exist (a usage error, not a bad article).
    """
    report = on_error or log_skipped
    for path in _expand(paths):
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _read_jsonl(path, report)
        else:
            try:
                yield _read_text(path)
            except ArticleError as error:
                report(error)


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in FOLDER_SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
        else:
            raise ArticleError(str(path), "no such file or folder; check the path")


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise ArticleError(str(path), "binary file (NUL bytes); give text or JSON Lines articles")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            str(path), f"not UTF-8 (byte {error.start}); re-encode it as UTF-8"
        ) from None


def _parse_date(source: str, value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    # Accept a full timestamp by its date part: feeds often give "2019-10-08T12:00:00Z".
    candidate = text[:10]
    if not _ISO_DATE.match(candidate):
        raise ArticleError(source, f"bad date {text!r}; write it as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(candidate)
    except ValueError:
        raise ArticleError(
            source, f"bad date {text!r}: no such day; write it as YYYY-MM-DD"
        ) from None


def _read_text(path: Path) -> Article:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(
            source, f"cannot be read ({error.strerror}); check permissions"
        ) from None
    text = _decode(path, data).replace("\r\n", "\n")
    if not text.strip():
        raise ArticleError(source, "empty file; remove it or add the article text")
    first, _, rest = text.partition("\n")
    header = _SEED_HEADER.match(first)
    if header:
        date = _parse_date(source, header.group(1))
        title, body = header.group(2).strip(), rest.strip("\n")
    else:
        date, title, body = None, "", text.strip("\n")
    if not body.strip():
        raise ArticleError(source, "the article has a header but no body text")
    return Article(id=path.stem, date=date, title=title, text=body, source=source)


def _read_jsonl(path: Path, report: ErrorHandler) -> Iterator[Article]:
    try:
        handle = path.open("rb")
    except OSError as error:
        report(ArticleError(str(path), f"cannot be read ({error.strerror}); check permissions"))
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            source = f"{path}:{number}"
            try:
                yield _article_from_record(source, _decode(Path(source), raw))
            except ArticleError as error:
                report(error)


def _article_from_record(source: str, line: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ArticleError(
            source, f"not valid JSON ({error.msg}); fix or remove the line"
        ) from None
    if not isinstance(record, dict):
        raise ArticleError(source, "a JSON Lines article must be an object with id and text")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(source, "no text; every record needs a non-empty 'text'")
    doc_id = record.get("id")
    if not isinstance(doc_id, str | int) or not str(doc_id).strip():
        raise ArticleError(source, "no id; every record needs an 'id'")
    title = record.get("title") or ""
    return Article(
        id=str(doc_id),
        date=_parse_date(source, record.get("date")),
        title=str(title),
        text=text.replace("\r\n", "\n"),
        source=source,
    )
