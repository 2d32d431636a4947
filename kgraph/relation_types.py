"""The relation vocabulary of ``spec/RELATIONS.md``, read from ``data/relations.tsv``.

Standard library only: extraction, RDF and evaluation all share this one table.

Example:
    >>> RELATION_TYPES["accuses"].weight
    -2.0
    >>> RELATION_TYPES["meets"].symmetric
    True
    >>> RELATION_TYPES["leader-of"].quad
    'role'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib.resources import files


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationType:
    """One row of the vocabulary.

    Attributes:
        name: the kebab-case name used in JSON and gold files.
        symmetric: stored once per unordered pair.
        object_kind: ``actor``, ``topic`` or ``actor-or-topic``.
        cameo: CAMEO code(s) as written in the spec (``role`` for standing facts).
        plover: the PLOVER event type ("" for roles).
        quad: verbal-coop, material-coop, verbal-conflict, material-conflict or role.
        weight: signed intensity in [-10, 10], Goldstein-like.
        label: an English label.
        comment: what the relation means.
    """

    name: str
    symmetric: bool
    object_kind: str
    cameo: str
    plover: str
    quad: str
    weight: float
    label: str
    comment: str

    @property
    def property_name(self) -> str:
        """The camelCase local name of the RDF property (``friends-with`` → ``friendsWith``)."""
        head, *rest = self.name.split("-")
        return head + "".join(part.capitalize() for part in rest)

    @property
    def takes_topic(self) -> bool:
        """Whether the object may be a Topic rather than an actor."""
        return "topic" in self.object_kind


def _load() -> dict[str, RelationType]:
    text = (files("kgraph.data") / "relations.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return {
        row["name"]: RelationType(
            name=row["name"],
            symmetric=row["symmetric"] == "yes",
            object_kind=row["object"],
            cameo=row["cameo"],
            plover=row["plover"],
            quad=row["quad"],
            weight=float(row["weight"]),
            label=row["label"],
            comment=row["comment"],
        )
        for row in rows
    }


#: Every relation of the vocabulary, by name, in the order of the spec.
RELATION_TYPES: dict[str, RelationType] = _load()

#: The names of the symmetric relations.
SYMMETRIC: frozenset[str] = frozenset(n for n, t in RELATION_TYPES.items() if t.symmetric)

QUADS: tuple[str, ...] = (
    "verbal-coop",
    "material-coop",
    "verbal-conflict",
    "material-conflict",
    "role",
)
