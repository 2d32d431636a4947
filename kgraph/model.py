"""The plain data passed between pipeline stages.

``Article`` → (parse, resolve) → ``Actor`` and ``Mention`` → ``Relation``;
``ArticleResult`` bundles what one article gave. All are frozen dataclasses
with only standard-library types, so every stage can be tested without spaCy
or rdflib.

``Relation.to_json`` / ``Relation.from_json`` own the JSON Lines form of
``spec/RELATIONS.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

#: The actor types of the vocabulary (types may be refined, never renamed).
ACTOR_TYPES = (
    "Person",
    "Country",
    "Territory",
    "Organization",
    "PoliticalParty",
    "Alliance",
    "GovernmentBody",
    "InternationalOrganization",
    "ArmedGroup",
    "Company",
    "Media",
    "Topic",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article as read from disk.

    Attributes:
        id: the file stem, or the ``id`` field of a JSON Lines record.
        date: the publication date, if the input gives one.
        title: the headline ("" when the input has none).
        text: the body, without the header line.
        source: where it was read from (``path`` or ``path:line``).
    """

    id: str
    date: dt.date | None
    title: str
    text: str
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A real-world actor (or a topic) that relations connect.

    Attributes:
        id: a stable IRI minted from the actor's identity (see ``kgraph.actors.iri``).
        label: the canonical name: the fullest the article gives, diacritics kept.
        type: one of ``ACTOR_TYPES``.
        names: every surface form seen for this actor, label included.
        iso_code: ISO 3166-1 alpha-2 code, for countries and territories.
        wikidata: a Wikidata entity id such as ``Q43``, where known.
    """

    id: str
    label: str
    type: str
    names: tuple[str, ...] = ()
    iso_code: str | None = None
    wikidata: str | None = None

    def brief(self) -> dict[str, str]:
        """The ``{"id", "label", "type"}`` form used in JSON output."""
        return {"id": self.id, "label": self.label, "type": self.type}


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One place in an article's text that names an actor.

    Attributes:
        start: character offset of the first character in ``Article.text``.
        end: character offset just past the last character.
        text: the words as written.
        actor: the actor the mention was resolved to.
    """

    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """One extracted relation with its provenance, as in ``spec/RELATIONS.md``.

    Attributes:
        doc: the article id.
        subject: the actor that acts or holds the role.
        relation: the relation name (kebab-case, e.g. ``"friends-with"``).
        object: the other actor, or a ``Topic`` actor.
        date: when the relation held or the event happened.
        attributed_to: who said so, for reported speech.
        negated: the text says it did not happen or does not hold.
        hypothetical: conditional, future-only, requested, questioned or possible.
        confidence: in [0, 1]; how sure the extractor is.
        evidence: the sentence the relation rests on.
        span: character offsets of the evidence in ``Article.text``; ``(0, 0)`` for the headline.
        cue: the word or pattern that triggered the relation (for error analysis).
    """

    doc: str
    subject: Actor
    relation: str
    object: Actor
    date: dt.date | None = None
    attributed_to: Actor | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    evidence: str = ""
    span: tuple[int, int] = (0, 0)
    cue: str = ""

    def to_json(self) -> dict[str, Any]:
        """The JSON Lines object of ``spec/RELATIONS.md`` (plus ``cue``)."""
        return {
            "doc": self.doc,
            "subject": self.subject.brief(),
            "relation": self.relation,
            "object": self.object.brief(),
            "date": self.date.isoformat() if self.date else None,
            "attributed_to": self.attributed_to.brief() if self.attributed_to else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
            "span": list(self.span),
            "cue": self.cue,
        }

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Relation:
        """Read back what ``to_json`` wrote (extra fields are ignored)."""

        def actor(side: dict[str, Any] | None) -> Actor | None:
            if not side:
                return None
            return Actor(id=side["id"], label=side["label"], type=side["type"])

        date = record.get("date")
        subject, obj = actor(record["subject"]), actor(record["object"])
        if subject is None or obj is None:
            raise ValueError("a relation needs both a subject and an object")
        return cls(
            doc=record["doc"],
            subject=subject,
            relation=record["relation"],
            object=obj,
            date=dt.date.fromisoformat(date) if date else None,
            attributed_to=actor(record.get("attributed_to")),
            negated=bool(record.get("negated", False)),
            hypothetical=bool(record.get("hypothetical", False)),
            confidence=float(record.get("confidence", 0.5)),
            evidence=record.get("evidence", ""),
            span=tuple(record.get("span", (0, 0))),  # type: ignore[arg-type]
            cue=record.get("cue", ""),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleResult:
    """What one article gave: its actors (with mention counts) and its relations."""

    article: Article
    actors: tuple[Actor, ...] = ()
    mention_counts: dict[str, int] = field(default_factory=dict)
    relations: tuple[Relation, ...] = ()
