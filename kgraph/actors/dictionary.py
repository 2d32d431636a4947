"""A user's actor dictionary: known actors, their names, identifiers and dated roles.

Event coders keep actor dictionaries (who is who, and who held which office
when); ``kgraph build --actors FILE`` reads one. Its actors win over what kgraph
infers: a mention of one of their names resolves to the dictionary's IRI, type
and Wikidata id, and a dated role lets an untitled mention resolve ("the
president" in a 2019 article about the United States → the holder of
``leader-of United States`` on that date).

Two formats, one actor a row:

* CSV with a header ``id,names,type,country,wikidata,roles``; ``names`` and
  ``roles`` hold several values separated by ``|`` and ``;``;
* JSON Lines with the same fields; ``names`` and ``roles`` may be lists.

Fields:
    id: a local id (``donald-trump``, minted into an IRI like kgraph's own) or an
        absolute ``http(s)://`` IRI. Required.
    names: every name the actor goes by; the first is its canonical label. Required.
    type: an actor type (``Person``, ``Country``, ``Territory``, ``PoliticalParty``,
        ``Alliance``, ``GovernmentBody``, ``InternationalOrganization``,
        ``ArmedGroup``, ``Company``, ``Media``, ``Organization``); case and spaces
        do not matter ("political party"). Required.
    country: ISO 3166 alpha-2 code or a country name. Optional.
    wikidata: a Wikidata id such as ``Q22686``. Optional.
    roles: ``<relation> <organisation> [from YYYY-MM-DD] [to YYYY-MM-DD]``, where
        relation is a role relation of spec/RELATIONS.md (leader-of, member-of,
        spokesperson-for, candidate-for, part-of) and organisation a dictionary id or
        a name the gazetteer or the dictionary knows. Optional.

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "actors.csv"
    >>> _ = path.write_text(
    ...     "id,names,type,country,wikidata,roles\\n"
    ...     "donald-trump,Donald Trump|Trump|Donald J. Trump,Person,US,Q22686,"
    ...     "leader-of United States from 2017-01-20 to 2021-01-20\\n", encoding="utf-8")
    >>> dictionary = load_dictionary(path)
    >>> trump = dictionary.actors[0]
    >>> trump.iri, trump.country, trump.roles[0].organisation
    ('https://w3id.org/kgraph/id/person/donald-trump', 'US', 'https://w3id.org/kgraph/id/country/us')
    >>> import datetime as dt
    >>> us = trump.roles[0].organisation
    >>> [a.label for a in dictionary.holders("leader-of", us, dt.date(2019, 5, 1))]
    ['Donald Trump']
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgraph.actors.gazetteer import Gazetteer, GazetteerEntry, entry_iri, load_gazetteer
from kgraph.errors import KgraphError
from kgraph.iris import actor_iri
from kgraph.model import ACTOR_TYPES
from kgraph.relation_types import RELATION_TYPES

__all__ = ["ActorDictionary", "DictionaryActor", "DictionaryError", "DictionaryRole"]
__all__ += ["load_dictionary"]

FIELDS = ("id", "names", "type", "country", "wikidata", "roles")
#: The relations a dictionary role may name: the standing facts of the vocabulary.
ROLE_NAMES = tuple(name for name, rtype in RELATION_TYPES.items() if rtype.quad == "role")
_TYPES = {t.casefold(): t for t in ACTOR_TYPES if t != "Topic"}
_ROLE = re.compile(
    r"^\s*(?P<relation>[a-z-]+)\s+(?P<organisation>.+?)"
    r"(?:\s+from\s+(?P<start>\S+))?(?:\s+to\s+(?P<end>\S+))?\s*$"
)
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_ABSOLUTE = re.compile(r"^https?://[^\s<>\"{}|^`\\]+$")


class DictionaryError(KgraphError):
    """A row of an actor dictionary cannot be used; the message names ``file:line``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DictionaryRole:
    """One dated role of a dictionary actor: ``leader-of United States from ... to ...``.

    Attributes:
        relation: a role relation name (``leader-of``).
        organisation: the IRI of the organisation or state.
        organisation_label: its canonical name.
        organisation_type: its actor type.
        start: the first day the role held, if known.
        end: the last day, if known (and past).
        text: the role as written, for provenance.
    """

    relation: str
    organisation: str
    organisation_label: str
    organisation_type: str
    start: dt.date | None = None
    end: dt.date | None = None
    text: str = ""

    def holds_on(self, date: dt.date) -> bool:
        """Whether the role held on ``date`` (an open end holds on)."""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class DictionaryActor:
    """One actor of the dictionary.

    Attributes:
        id: the id as written.
        iri: the actor's IRI.
        label: its canonical name (the first of ``names``).
        names: every name, label first.
        type: its actor type.
        country: ISO 3166 alpha-2 code of its country, if given.
        wikidata: its Wikidata id, if given.
        roles: its dated roles.
        source: ``file:line`` of its row.
    """

    id: str
    iri: str
    label: str
    names: tuple[str, ...]
    type: str
    country: str | None = None
    wikidata: str | None = None
    roles: tuple[DictionaryRole, ...] = ()
    source: str = ""

    def entry(self) -> GazetteerEntry:
        """The gazetteer entry that makes its names resolve to it."""
        return GazetteerEntry(
            key=f"dict:{self.id}",
            label=self.label,
            type=self.type,
            names=self.names,
            demonyms=(),
            metonyms=(),
            iso_code=self.country if self.type in ("Country", "Territory") else None,
            wikidata=self.wikidata,
            iri=self.iri,
            country=self.country,
        )


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """The actors of one or more dictionary files.

    Attributes:
        actors: every actor, in file order.
        name: where it was read from (for provenance).
    """

    actors: tuple[DictionaryActor, ...] = ()
    name: str = "actors"

    def entries(self) -> tuple[GazetteerEntry, ...]:
        """Gazetteer entries for its actors (pass them as ``override`` entries)."""
        return tuple(actor.entry() for actor in self.actors)

    def gazetteer(self) -> Gazetteer:
        """The shipped gazetteer with this dictionary's actors winning every conflict."""
        return load_gazetteer(override=self.entries())

    def holders(self, relation: str, organisation: str, date: dt.date) -> list[DictionaryActor]:
        """The actors that held ``relation`` towards the organisation IRI on ``date``."""
        return [
            actor
            for actor in self.actors
            if any(
                role.relation == relation
                and role.organisation == organisation
                and role.holds_on(date)
                for role in actor.roles
            )
        ]

    def by_iri(self, iri: str) -> DictionaryActor | None:
        """The dictionary actor with this IRI, if any."""
        return next((actor for actor in self.actors if actor.iri == iri), None)


def _split(value: Any, separator: str) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(separator)
    return [str(item).strip() for item in items if str(item).strip()]


def _rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read the actor dictionary: {exc}") from exc
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        for line, raw in enumerate(text.splitlines(), 1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise DictionaryError(f"{path}:{line}: not a JSON object: {exc.msg}") from None
            if not isinstance(record, dict):
                raise DictionaryError(f"{path}:{line}: write one JSON object a line")
            yield line, record
        return
    reader = csv.DictReader(text.splitlines())
    missing = [name for name in ("id", "names", "type") if name not in (reader.fieldnames or [])]
    if missing:
        raise DictionaryError(
            f"{path}:1: the CSV header lacks {', '.join(missing)}; "
            f"write a header line with {','.join(FIELDS)}"
        )
    for record in reader:
        # The reader counts physical lines; a row's own line is the last it read.
        if any((value or "").strip() for value in record.values() if isinstance(value, str)):
            yield reader.line_num, record


def _date(text: str | None, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DictionaryError(f"{where}: {text!r} is not a date; write YYYY-MM-DD") from None


def _actor_type(value: str, where: str) -> str:
    key = re.sub(r"[\s_-]+", "", value).casefold().replace("organisation", "organization")
    if key not in _TYPES:
        raise DictionaryError(
            f"{where}: unknown actor type {value!r}; use one of {', '.join(_TYPES.values())}"
        )
    return _TYPES[key]


def _country(value: str, where: str, gazetteer: Gazetteer) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"[A-Za-z]{2}", value):
        code = value.upper()
        try:
            entry = gazetteer.by_key(code)
        except KeyError:
            entry = None
        if entry is not None and entry.iso_code:
            return code
    hit = gazetteer.lookup(value)
    if hit is None or not hit[0].iso_code:
        raise DictionaryError(
            f"{where}: unknown country {value!r}; write its ISO 3166 alpha-2 code (US, TR, GB)"
        )
    return hit[0].iso_code


def _iri(identifier: str, actor_type: str, where: str) -> str:
    if identifier.startswith(("http://", "https://")):
        if not _ABSOLUTE.match(identifier):
            raise DictionaryError(
                f'{where}: {identifier!r} is not a usable IRI (spaces or <>"{{}}|^`\\)'
            )
        return identifier
    return actor_iri(label=identifier, type=actor_type)


def load_dictionary(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> ActorDictionary:
    """Read one or more actor dictionaries (CSV or JSON Lines, by suffix).

    Raises:
        DictionaryError: a file cannot be read, or a row is bad (the message names
            ``file:line`` and what to write instead).
    """
    files = [Path(paths)] if isinstance(paths, (str, os.PathLike)) else [Path(p) for p in paths]
    gazetteer = load_gazetteer()
    pending: list[tuple[DictionaryActor, list[tuple[str, str, str | None, str | None, str]]]] = []
    for path in files:
        for line, record in _rows(path):
            where = f"{path}:{line}"
            identifier = str(record.get("id") or "").strip()
            names = list(dict.fromkeys(_split(record.get("names"), "|")))
            if not identifier:
                raise DictionaryError(f"{where}: the id is empty; give each actor an id")
            if not names:
                raise DictionaryError(f"{where}: {identifier}: no names; write them as A|B|C")
            actor_type = _actor_type(str(record.get("type") or ""), where)
            wikidata = str(record.get("wikidata") or "").strip() or None
            if wikidata is not None and not _WIKIDATA.match(wikidata):
                raise DictionaryError(f"{where}: {wikidata!r} is not a Wikidata id such as Q22686")
            roles = []
            for text in _split(record.get("roles"), ";"):
                match = _ROLE.match(text)
                if match is None or match["relation"] not in ROLE_NAMES:
                    raise DictionaryError(
                        f"{where}: role {text!r}: write '<relation> <organisation> "
                        f"[from YYYY-MM-DD] [to YYYY-MM-DD]' with a relation among "
                        f"{', '.join(ROLE_NAMES)}"
                    )
                roles.append(
                    (match["relation"], match["organisation"], match["start"], match["end"], text)
                )
            actor = DictionaryActor(
                id=identifier,
                iri=_iri(identifier, actor_type, where),
                label=names[0],
                names=tuple(names),
                type=actor_type,
                country=_country(str(record.get("country") or "").strip(), where, gazetteer),
                wikidata=wikidata,
                source=where,
            )
            pending.append((actor, roles))
    # Roles name organisations by dictionary id or by name: resolve once every actor is known.
    dictionary = ActorDictionary(tuple(actor for actor, _ in pending))
    known = dictionary.gazetteer()
    by_id = {actor.id: actor for actor in dictionary.actors}
    actors = []
    for actor, roles in pending:
        resolved = []
        for relation, organisation, start, end, text in roles:
            where = f"{actor.source}: role {text!r}"
            target = by_id.get(organisation)
            if target is not None:
                iri, label, kind = target.iri, target.label, target.type
            else:
                hit = known.lookup(organisation)
                if hit is None:
                    raise DictionaryError(
                        f"{where}: unknown organisation {organisation!r}; "
                        "add it to the dictionary or use a name kgraph knows"
                    )
                iri, label, kind = entry_iri(hit[0]), hit[0].label, hit[0].type
            begin, finish = _date(start, where), _date(end, where)
            if begin and finish and finish < begin:
                raise DictionaryError(f"{where}: it ends before it starts")
            resolved.append(
                DictionaryRole(
                    relation=relation,
                    organisation=iri,
                    organisation_label=label,
                    organisation_type=kind,
                    start=begin,
                    end=finish,
                    text=text,
                )  # fmt: skip
            )
        actors.append(
            DictionaryActor(
                id=actor.id,
                iri=actor.iri,
                label=actor.label,
                names=actor.names,
                type=actor.type,
                country=actor.country,
                wikidata=actor.wikidata,
                roles=tuple(resolved),
                source=actor.source,
            )  # fmt: skip
        )
    iris = [actor.iri for actor in actors]
    duplicates = sorted({iri for iri in iris if iris.count(iri) > 1})
    if duplicates:
        raise DictionaryError(f"{files[0]}: two actors share the id of {duplicates[0]}")
    name = ", ".join(path.name for path in files)
    return ActorDictionary(tuple(actors), name=name)
