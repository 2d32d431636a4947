"""Every output goes through atomic_write: the old file or the new one, never half of one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.atomic import atomic_write
from kgraph.errors import StoreError


def test_a_failure_midway_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target, encoding="utf-8") as stream:
        stream.write("half of the new")
        raise RuntimeError("the serialiser broke")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_binary_output_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "net.png"
    with atomic_write(target) as stream:
        stream.write(b"\x89PNG")
    assert target.read_bytes() == b"\x89PNG"


def test_an_unwritable_place_is_a_store_error_naming_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    with (
        pytest.raises(StoreError, match="not-a-folder/out.jsonl: cannot write the relations"),
        atomic_write(blocker / "out.jsonl", encoding="utf-8", what="relations") as stream,
    ):
        stream.write("x")
