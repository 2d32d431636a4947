"""The cue lexicon and the role titles, read from data files a user can extend.

``data/cues.tsv`` says which words signal which relation and where the object
stands; ``data/titles.tsv`` which titles make a role. Both are validated
against the relation vocabulary when loaded, so a typo in a user's file is
reported with its line instead of silently never matching.

Example:
    >>> lexicon = load_lexicon()
    >>> [cue.relation for cue in lexicon.cues("VERB", "accuse")]
    ['accuses']
    >>> lexicon.titles["spokesman"]
    'spokesperson-for'
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from importlib.resources import files

from kgraph.errors import OntologyError
from kgraph.relation_types import RELATION_TYPES


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """One lexicon line: a word that signals a relation.

    Attributes:
        pos: ``VERB``, ``NOUN`` or ``ADJ``.
        lemma: the lemma that triggers the cue.
        relation: the relation it signals.
        objects: where the object stands (``dobj``, ``prep:with``, ``poss``).
        particle: a particle the verb must have ("call *on*").
        prep: a preposition that must be attached ("charge *with*").
        light: verbs a noun cue must be the object of ("*hold* talks").
        mods: modifiers a noun cue needs ("*good* relations").
        mod_governors: verbs that license the noun without a modifier ("*value* ties").
        takes_topic: whether a non-actor noun phrase can be the object.
        needs_xcomp: the verb must have an infinitive complement ("ask X *to* ...").
        needs_passive: the verb counts only in the passive ("X was disappointed by Y").
        object_lemmas: a topic object must have one of these head lemmas ("run for *office*").
        intransitive: the verb must have no direct object ("called for talks", not "called
            the election for Biden").
        sense: a word-sense rule to apply (``attack``, ``military``, ``proposal``, ``claim``).
        confidence: base confidence of a match.
    """

    pos: str
    lemma: str
    relation: str
    objects: tuple[str, ...]
    particle: str | None = None
    prep: str | None = None
    light: frozenset[str] = frozenset()
    mods: frozenset[str] = frozenset()
    mod_governors: frozenset[str] = frozenset()
    takes_topic: bool = False
    needs_xcomp: bool = False
    needs_passive: bool = False
    object_lemmas: frozenset[str] = frozenset()
    intransitive: bool = False
    sense: str | None = None
    confidence: float = 0.7


@dataclass(frozen=True, slots=True, kw_only=True)
class Affiliation:
    """One line of ``affiliations.tsv``: a word that makes a person a member of a party or chamber.

    Attributes:
        country: ISO 3166-1 alpha-2 code of the country where the word means this.
        word: the lowercase word or phrase ("republican", "senator", "tory").
        kind: ``party`` (an adjective of membership), ``chamber`` (a legislator's title),
            ``office`` (a state office only some countries have: "foreign secretary") or
            ``absent`` (a state office this country does not have: the United States has no
            prime minister, the United Kingdom no president).
        name: the canonical name of the party or chamber.
        type: its actor type.
    """

    country: str
    word: str
    kind: str
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cues by ``(pos, lemma)``, titles by their lowercase words, affiliations by word, and
    the disparaging words whose use as a predicate criticizes ("X is a liar") or, for words
    of wrongdoing, accuses ("called his conduct a breach of the law")."""

    by_word: dict[tuple[str, str], tuple[Cue, ...]]
    titles: dict[str, str]
    state_titles: frozenset[str] = frozenset()
    affiliations: dict[str, tuple[Affiliation, ...]] = field(default_factory=dict)
    disparaging: dict[str, str] = field(default_factory=dict)
    #: Titles keyed as read with hyphens as spaces ("secretary general" → "secretary-general"),
    #: and every word of a title: worked out once here, not for every name in every sentence.
    titles_as_read: dict[str, str] = field(init=False)
    title_words: frozenset[str] = field(init=False)
    #: How many words the longest title has.
    longest_title: int = field(init=False)

    def __post_init__(self) -> None:
        as_read = {title.replace("-", " "): title for title in self.titles}
        object.__setattr__(self, "titles_as_read", as_read)
        words = frozenset(word for title in as_read for word in title.split())
        object.__setattr__(self, "title_words", words)
        longest = max((len(title.split()) for title in as_read), default=0)
        object.__setattr__(self, "longest_title", longest)

    def cues(self, pos: str, lemma: str) -> tuple[Cue, ...]:
        """The cues for a word, or ``()``."""
        return self.by_word.get((pos, lemma), ())

    def has_office(self, iso_code: str | None, title: str) -> bool:
        """Whether a country can hold a state title: not one ``affiliations.tsv`` says it lacks.

        Example:
            >>> lexicon = load_lexicon()
            >>> [lexicon.has_office(iso, "prime minister") for iso in ("US", "GB")]
            [False, True]
        """
        return not any(
            a.kind == "absent" and a.country == iso_code for a in self.affiliations.get(title, ())
        )


def _rows(name: str) -> list[tuple[int, dict[str, str]]]:
    text = (files("kgraph.data") / name).read_text(encoding="utf-8")
    numbered = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")
    ]
    reader = csv.DictReader((line for _, line in numbered), delimiter="\t")
    return [(numbered[i + 1][0], row) for i, row in enumerate(reader)]


def _check_relation(name: str, line: int, relation: str) -> None:
    if relation not in RELATION_TYPES:
        raise OntologyError(f"{name}:{line}: unknown relation {relation!r}; see spec/RELATIONS.md")


def _parse_cue(line: int, row: dict[str, str]) -> Cue:
    _check_relation("cues.tsv", line, row["relation"])
    needs: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in (row.get("needs") or "").split(";"))):
        key, _, value = item.partition("=")
        needs[key] = value
    words = lambda key: frozenset(filter(None, needs.get(key, "").split("|")))  # noqa: E731
    return Cue(
        pos=row["pos"],
        lemma=row["lemma"],
        relation=row["relation"],
        objects=tuple(row["objects"].split(",")),
        particle=needs.get("prt"),
        prep=needs.get("prep"),
        light=words("light"),
        mods=words("mod"),
        mod_governors=words("modgov"),
        takes_topic="topic" in needs,
        needs_xcomp="xcomp" in needs,
        needs_passive="passive" in needs,
        object_lemmas=words("obj"),
        intransitive="nodobj" in needs,
        sense=needs.get("sense"),
        confidence=float(row["confidence"]),
    )


@functools.cache
def load_lexicon() -> Lexicon:
    """Load ``cues.tsv``, ``titles.tsv``, ``affiliations.tsv`` and ``disparaging.txt`` (cached).

    Raises:
        OntologyError: a line names a relation the vocabulary does not have.
    """
    by_word: dict[tuple[str, str], list[Cue]] = {}
    for line, row in _rows("cues.tsv"):
        try:
            cue = _parse_cue(line, row)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise OntologyError(
                f"cues.tsv:{line}: malformed line ({error}); it needs the tab-separated "
                "columns pos, lemma, relation, objects, needs, confidence"
            ) from None
        by_word.setdefault((cue.pos, cue.lemma), []).append(cue)
    titles, state_titles = {}, set()
    for line, row in _rows("titles.tsv"):
        _check_relation("titles.tsv", line, row["relation"])
        titles[row["title"]] = row["relation"]
        if (row.get("state") or "").strip() == "yes":
            state_titles.add(row["title"])
    return Lexicon(
        {key: tuple(cues) for key, cues in by_word.items()},
        titles,
        frozenset(state_titles),
        _affiliations(),
        _disparaging(),
    )


def _disparaging() -> dict[str, str]:
    """``disparaging.txt``: a lowercase lemma a line, then optionally the relation it makes
    (``criticizes`` when none is given); ``#`` starts a comment."""
    name = "disparaging.txt"
    text = (files("kgraph.data") / name).read_text(encoding="utf-8")
    words: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.split("#")[0].lower().split()
        if not parts:
            continue
        relation = parts[1] if len(parts) > 1 else "criticizes"
        if len(parts) > 2 or relation not in ("criticizes", "accuses"):
            raise OntologyError(
                f"{name}:{number}: malformed line; write a word, optionally followed by "
                "criticizes or accuses"
            )
        words[parts[0]] = relation
    return words


_AFFILIATION_KINDS = ("party", "chamber", "office", "absent")
_AFFILIATION_TYPES = ("PoliticalParty", "GovernmentBody", "Alliance", "Country")


def _affiliations() -> dict[str, tuple[Affiliation, ...]]:
    by_word: dict[str, list[Affiliation]] = {}
    for line, row in _rows("affiliations.tsv"):
        try:
            affiliation = Affiliation(
                country=row["country"].strip().upper(),
                word=row["word"].strip().lower(),
                kind=row["kind"].strip(),
                name=row["name"].strip(),
                type=row["type"].strip(),
            )
        except (KeyError, AttributeError):
            affiliation = None
        if (
            affiliation is None
            or len(affiliation.country) != 2
            or affiliation.kind not in _AFFILIATION_KINDS
            or affiliation.type not in _AFFILIATION_TYPES
            or not affiliation.word
            or not affiliation.name
        ):
            raise OntologyError(
                f"affiliations.tsv:{line}: malformed line; it needs the tab-separated columns "
                f"country (ISO alpha-2), word, kind ({' or '.join(_AFFILIATION_KINDS)}), name, "
                f"type ({', '.join(_AFFILIATION_TYPES)})"
            )
        # Keyed as the tokens read it: "pro-Beijing" is three tokens, joined without the hyphen.
        by_word.setdefault(affiliation.word.replace("-", " "), []).append(affiliation)
    return {word: tuple(found) for word, found in by_word.items()}
