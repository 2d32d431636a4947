"""Reading articles: the seed text format, plain text, JSON Lines, folders, and bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kgraph.articles import read_articles
from kgraph.errors import ArticleError


def read_all(*paths: Path) -> tuple[list, list[ArticleError]]:
    """Every article of ``paths`` and every error reported on the way."""
    errors: list[ArticleError] = []
    return list(read_articles(paths, on_error=errors.append)), errors


def write_jsonl(path: Path, *records: object) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


# --- formats ------------------------------------------------------------------------------


def test_seed_header_gives_date_and_title(tmp_path: Path) -> None:
    path = tmp_path / "000_abc.txt"
    path.write_text(" date 2023-05-12 Turkish president speaks\n\nBody one.\n\nBody two.", "utf-8")

    [article] = read_articles([path])

    assert article.id == "000_abc"
    assert article.date == dt.date(2023, 5, 12)
    assert article.title == "Turkish president speaks"
    assert article.text == "Body one.\n\nBody two."
    assert article.source == str(path)


def test_plain_text_has_no_date_and_the_stem_as_id(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Russia accused Ukraine.\nUkraine denied it.\n", encoding="utf-8")

    [article] = read_articles([path])

    assert (article.id, article.date, article.title) == ("story", None, "")
    assert article.text == "Russia accused Ukraine.\nUkraine denied it."


def test_windows_line_endings_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b" date 2023-05-12 Title\r\n\r\nLine one.\r\nLine two.")

    [article] = read_articles([path])

    assert article.title == "Title"
    assert article.text == "Line one.\nLine two."


def test_json_lines_records_become_articles(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        {"id": "a1", "date": "2023-05-12", "title": "First", "text": "Russia met Iran."},
        {"id": 42, "text": "No date, no title."},
    )

    first, second = read_articles([path])

    assert (first.id, first.date, first.title, first.text) == (
        "a1", dt.date(2023, 5, 12), "First", "Russia met Iran.",
    )  # fmt: skip
    assert (second.id, second.date, second.title) == ("42", None, "")
    assert first.source == f"{path}:1"
    assert second.source == f"{path}:2"


def test_json_lines_timestamp_is_read_by_its_date_part(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed.ndjson", {"id": "a", "date": "2019-10-08T12:00:00Z", "text": "x"}
    )

    [article] = read_articles([path])

    assert article.date == dt.date(2019, 10, 8)


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c.txt").write_text("C.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b" / "a.md").write_text("B/A.", encoding="utf-8")
    write_jsonl(tmp_path / "z.jsonl", {"id": "z1", "text": "Z."})

    ids = [article.id for article in read_articles([tmp_path])]

    assert ids == ["a", "a", "c", "z1"]


def test_folders_skip_hidden_files_and_other_suffixes(tmp_path: Path) -> None:
    (tmp_path / "kept.txt").write_text("Kept.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "inside.txt").write_text("Hidden folder.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")

    articles, errors = read_all(tmp_path)

    assert [a.id for a in articles] == ["kept"]
    assert errors == []


def test_an_explicit_file_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_text("Body.", encoding="utf-8")

    assert [a.id for a in read_articles([path])] == ["story"]


def test_a_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="nowhere"):
        list(read_articles([tmp_path / "nowhere"]))


# --- bad input is reported by name and skipped --------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Caf\xe9 in Ankara.".encode("latin-1"), "not UTF-8"),
        (b"Body\x00with a NUL byte", "binary"),
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b" date 2023-05-12 Title only\n\n", "no body"),
        (b" date 2023-13-45 Title\n\nBody.", "bad date"),
        (b" date yesterday Title\n\nBody.", "bad date"),
    ],
    ids=["latin-1", "binary", "empty", "blank", "header-only", "impossible-date", "word-date"],
)
def test_a_bad_file_is_reported_and_the_batch_goes_on(
    tmp_path: Path, content: bytes, message: str
) -> None:
    (tmp_path / "a_good.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "b_bad.txt").write_bytes(content)
    (tmp_path / "c_good.txt").write_text("Last.", encoding="utf-8")

    articles, errors = read_all(tmp_path)

    assert [a.id for a in articles] == ["a_good", "c_good"]
    [error] = errors
    assert "b_bad.txt" in str(error)
    assert message in str(error)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "text": "unterminated', "not valid JSON"),
        ('["a", "list"]', "object"),
        ('{"id": "x"}', "no text"),
        ('{"id": "x", "text": "   "}', "no text"),
        ('{"text": "No id."}', "no id"),
        ('{"id": "x", "date": "2023-13-45", "text": "Bad date."}', "bad date"),
    ],
    ids=["broken-json", "not-an-object", "no-text", "blank-text", "no-id", "bad-date"],
)
def test_a_bad_json_line_is_reported_by_file_and_line(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "ok", "text": "Fine."})
    path.write_text(f"{good}\n{line}\n\n{good.replace('ok', 'ok2')}\n", encoding="utf-8")

    articles, errors = read_all(path)

    assert [a.id for a in articles] == ["ok", "ok2"]
    [error] = errors
    assert f"{path}:2" in str(error)
    assert message in str(error)


def test_a_json_line_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        '{"id": "a", "text": "Caf\xe9"}\n{"id": "b", "text": "ok"}\n'.encode("latin-1")
    )

    articles, errors = read_all(path)

    assert [a.id for a in articles] == ["b"]
    [error] = errors
    assert f"{path}:1" in str(error) and "not UTF-8" in str(error)


def test_errors_are_logged_when_no_handler_is_given(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")

    assert list(read_articles([tmp_path])) == []
    assert "empty.txt" in caplog.text
