"""Mentions → actors within one article: gazetteer entries, people, organisations.

:func:`resolve_actors` is the stage's boundary: a parsed article in, an
:class:`ActorIndex` out, which the relation extractors ask which actor a token is.
The spans come from ``kgraph.actors.spans`` and ``kgraph.actors.span_names``; people's
names are grouped by ``kgraph.actors.people``, organisations' by
``kgraph.actors.organisations``.

What it resolves:
    * gazetteer names, demonyms and capital metonyms (from the entity ruler's
      ``ent_id_``, or looked up when the NER found the span itself);
    * people: every short form joins the fullest name it is part of
      ("Erdoğan" → "Recep Tayyip Erdoğan"); the canonical label is the fullest;
    * organisations: "the Syrian Democratic Forces (SDF)" makes "SDF" the same
      actor, and so does an acronym of the initials seen later;
    * group nouns that stand for their actor: "Turkish officials", "the
      Iranian government", "Russia's foreign ministry" → the country;
    * a surname the NER tagged as an organisation or place ("Trump said", tagged ORG)
      → the person of that surname named in the article;
    * actors of a user's dictionary (``kgraph.actors.dictionary``), which win;
    * definite descriptions, through :meth:`ActorIndex.actor_at`: "the president",
      "the US president", "the Kremlin spokesman", "the party", "the ministry" → the
      one actor the article named earlier with that title or of that kind, or the
      holder of a dated dictionary role for the article's date and country. Only when
      exactly one candidate fits; otherwise the description stays unresolved.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, IS_UPPER, LENGTH, ORTH
from spacy.tokens import Doc, Span, Token

from kgraph.actors.descriptions import describe
from kgraph.actors.dictionary import ActorDictionary
from kgraph.actors.gazetteer import Gazetteer, GazetteerEntry, entry_iri, load_gazetteer
from kgraph.actors.organisations import (
    POST_NOUNS,
    Wording,
    before_a_post,
    company_short_names,
    initials,
    longer_forms_of,
    org_type,
    short_for_an_institution,
    spelled_before,
    spelling_key,
    spelling_rank,
)
from kgraph.actors.people import group_people, person_named, places_by_use, strip_titles
from kgraph.actors.span_names import (
    a_persons_name,
    a_speakers_name,
    apposed_to_a_title,
    before_comma,
    gazetteer_hit,
    holds_a_persons_surname,
    named_pair,
    names_given,
    spelled_by_an_acronym,
    without_region,
)
from kgraph.actors.spans import actor_spans, clean_name
from kgraph.iris import actor_iri
from kgraph.model import Actor, Article, Mention
from kgraph.relations.lexicon import Lexicon, load_lexicon

#: Nouns that, modified by an actor, stand for it ("Turkish officials", "the US government").
GROUP_NOUNS = frozenset(
    {
        "government", "administration", "authority", "official", "officer", "diplomat",
        "force", "troop", "military", "army", "navy", "police", "regime", "leadership",
        "state", "ministry", "cabinet", "delegation", "embassy", "parliament", "soldier",
    }
)  # fmt: skip


@dataclass(slots=True)
class ActorIndex:
    """The actors of one article and which tokens mention them.

    Attributes:
        mentions: every mention in text order (names, not definite descriptions).
        part_of: actor id → the actor it belongs to (the Kremlin → Russia).
        descriptions: token position of a description's head ("president" in "the
            president said") → the actor it refers to.
    """

    mentions: list[Mention] = field(default_factory=list)
    part_of: dict[str, Actor] = field(default_factory=dict)
    descriptions: dict[int, Actor] = field(default_factory=dict)
    _by_token: dict[int, Actor] = field(default_factory=dict)
    _demonym_tokens: set[int] = field(default_factory=set)

    def actor_at(self, token: Token) -> Actor | None:
        """The actor a token is part of a mention of, or that a description it heads names."""
        actor = self._by_token.get(token.i)
        return actor if actor is not None else self.descriptions.get(token.i)

    def is_demonym(self, token: Token) -> bool:
        """Whether the token is part of a demonym ("Turkish") rather than a name."""
        return token.i in self._demonym_tokens

    def actor_of_phrase(self, token: Token) -> Actor | None:
        """The actor a noun phrase headed by ``token`` stands for.

        The token's own mention first; then group nouns modified by an actor
        ("Turkish officials" → Türkiye), demonyms only in that role.
        """
        actor = self.actor_at(token)
        if actor is not None and not (self.is_demonym(token) and token.pos_ == "ADJ"):
            return actor
        if token.lemma_.lower() in GROUP_NOUNS:
            for child in token.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod"):
                    owner = self.actor_at(child)
                    if owner is not None and owner.type != "Person":
                        return owner
        return None

    def country_of(self, actor: Actor | None) -> Actor | None:
        """The country an actor is or belongs to: the Kremlin's is Russia."""
        if actor is None or actor.type == "Country":
            return actor
        container = self.part_of.get(actor.id)
        return container if container is not None and container.type == "Country" else None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions that start at a character offset in ``[start, end)``, in text order."""
        first = bisect.bisect_left(self.mentions, start, key=_mention_start)
        last = bisect.bisect_left(self.mentions, end, lo=first, key=_mention_start)
        return self.mentions[first:last]

    def actors(self) -> tuple[Actor, ...]:
        """Each actor once, in order of first mention."""
        return tuple({m.actor.id: m.actor for m in self.mentions}.values())

    def mention_counts(self) -> dict[str, int]:
        """How many times each actor id is mentioned."""
        counts: dict[str, int] = defaultdict(int)
        for mention in self.mentions:
            counts[mention.actor.id] += 1
        return dict(counts)

    def last_person_before(self, position: int) -> Actor | None:
        """The person mentioned last before a token position (for "he" / "she")."""
        for mention in reversed(self.mentions):
            if mention.actor.type == "Person" and mention.end <= position:
                return mention.actor
        return None


def _mention_start(mention: Mention) -> int:
    return mention.start


def resolve_actors(
    doc: Doc,
    *,
    gazetteer: Gazetteer | None = None,
    article: Article | None = None,
    dictionary: ActorDictionary | None = None,
    lexicon: Lexicon | None = None,
) -> ActorIndex:
    """Resolve the entity mentions of one parsed article to actors.

    Args:
        doc: the parsed article.
        gazetteer: the gazetteer (with a dictionary's entries as override entries, see
            ``ActorDictionary.gazetteer``); the shipped one by default.
        article: the article, whose date picks the holder of a dated dictionary role.
        dictionary: the user's actor dictionary, for dated roles.
        lexicon: the titles; ``load_lexicon()`` by default.
    """
    gazetteer = gazetteer or load_gazetteer()
    lexicon = lexicon or load_lexicon()
    # First pass: give each span a key; actors are built once all their names are known.
    keyed: list[tuple[Span, str, str]] = []  # (span, key, surface name)
    info: dict[str, tuple[str, str, GazetteerEntry | None]] = {}  # key → (label, type, entry)
    names: dict[str, list[str]] = defaultdict(list)
    demonym_keys: set[int] = set()
    hits = []
    spans = actor_spans(doc)
    known = names_given(spans)
    spans = [part for span in spans for part in named_pair(span, known)]
    words = _word_flags(doc)
    acronyms_used = {text for text, upper, alpha, _ in words if upper and alpha and len(text) > 1}
    called_by_one_word = {
        name for s in spans if s.label_ == "PERSON" and " " not in (name := clean_name(s))
    }
    for span in spans:
        span = before_comma(without_region(span, gazetteer), known)
        hit = gazetteer_hit(span, gazetteer)
        if hit is None and (
            apposed_to_a_title(span, lexicon)
            or a_persons_name(span, lexicon)
            or a_speakers_name(span, lexicon)
            or holds_a_persons_surname(span, called_by_one_word, lexicon)
        ):
            span = Span(doc, span.start, span.end, label="PERSON")
        elif spelled_by_an_acronym(span, acronyms_used, called_by_one_word):
            span = Span(doc, span.start, span.end, label="ORG")
        # A dictionary person is found through the cluster of names the article gives.
        hits.append((span, None if hit is not None and hit[0].type == "Person" else hit))

    places = places_by_use(hits)
    people = group_people(hits, gazetteer, places)

    organisations = {clean_name(s) for s, hit in hits if s.label_ == "ORG" and hit is None}
    # In a fixed order, so that two names with the same initials give the acronym to the
    # same one in every process (a set's order changes with the process's hash seed).
    acronyms: dict[str, str] = {}
    for label in sorted(organisations):
        if len(letters := initials(label)) >= 2:
            acronyms.setdefault(letters, label)
    companies = company_short_names(organisations)
    # "the League of Women voters", completed in the case it goes on in, is the article's
    # "League of Women Voters": one spelling, the one with the most capitals; so is "the
    # Indian Railway" its "Indian Railways".
    spellings = {spelling_key(o): o for o in sorted(organisations, key=spelling_rank)}
    wording = Wording(
        places=frozenset(clean_name(s) for s, hit in hits if s.label_ == "GPE"),
        lowercase=frozenset(text for text, _, _, lower in words if lower),
        gazetteer=gazetteer,
    )
    longer_forms = longer_forms_of(organisations, wording)
    for span, hit in hits:
        # "... Allergy and Infectious Diseases (NIAID)": the NER found the acronym alone.
        surface = clean_name(span)
        if hit is None and span.label_ == "ORG" and surface.isupper() and surface not in acronyms:
            spelled = spelled_before(span, surface)
            if spelled is not None:
                acronyms[surface] = spelled

    people_by_initials = _initials_of_people(people.clusters)
    for span, hit in hits:
        surface = clean_name(span)
        if not surface:
            continue
        person, naming = None, True
        if span.label_ == "PERSON":
            person = people.cluster_of.get(strip_titles(surface))
            if person is not None and short_for_an_institution(
                surface, longer_forms, people.clusters[person]
            ):
                person, span = None, Span(span.doc, span.start, span.end, label="ORG")
        elif span.label_ in ("ORG", "GPE") and hit is None:
            if strip_titles(surface) in people.cluster_of:
                surface = strip_titles(surface)  # "Keisha Lance Bottoms Image" (a caption)
            person, surface = person_named(
                surface,
                span.label_ == "GPE" and surface in places,
                people.cluster_of,
                people.surnames,
                people.clusters,
            )
            if person is None and surface.isupper() and surface not in acronyms:
                person = people_by_initials.get(surface)  # "WSS" for William S. Saturn
        if hit is not None:
            entry, kind = hit
            key = f"gaz:{entry.key}"
            info[key] = (entry.label, entry.type, entry)
            if kind == "demonym":
                demonym_keys.update(range(span.start, span.end))
        elif person is not None:
            # A birth name stands for the person, but is no name to find them by elsewhere:
            # "Doris Day" in other articles is not to be matched against "Kappelhoff".
            naming = strip_titles(surface) not in people.birth_names
            cluster = people.clusters[person]
            if person in people.entries:
                entry = people.entries[person]
                key = f"gaz:{entry.key}"
                info[key] = (entry.label, entry.type, entry)
            else:
                key = f"person:{cluster[0]}"
                info[key] = (cluster[0], "Person", None)
            surface = strip_titles(surface)
        elif span.label_ == "PERSON":
            continue
        elif span.label_ == "ORG":
            longer, naming = longer_forms.get(surface, (None, True))
            label = (
                acronyms.get(surface) or longer or surface
                if surface.isupper()
                else companies.get(surface)
                or longer
                or spellings.get(spelling_key(surface), surface)
            )
            post = span.doc[span.end] if span.end < len(span.doc) else None
            if (
                post is not None
                and post.is_title
                and (post.lower_ in POST_NOUNS or post.lower_ in lexicon.titles)
            ):
                # "the Mysore Division Railway Manager": the title takes in the last words.
                label = before_a_post(surface, organisations) or label
            # "Court" for the "Wisconsin Supreme Court" is no name of it that another
            # article's "Court" could be matched by.
            naming = naming or label != longer
            key = f"org:{label}"
            info[key] = (label, org_type(label), None)
            following = span.doc[span.end : span.end + 3]
            if len(following) == 3 and following[0].text == "(" and following[2].text == ")":
                acronyms.setdefault(following[1].text, label)
        elif span.label_ == "GPE":
            key = f"territory:{surface}"
            info[key] = (surface, "Territory", None)
        else:
            continue  # NORP, FAC and LOC name actors only through the gazetteer
        keyed.append((span, key, surface))
        if naming and not (hit is not None and hit[1] == "demonym"):
            names[key].append(surface)

    keyed += _unrecognised_repeats(doc, keyed)
    keyed.sort(key=lambda entry: entry[0].start)
    actors = {key: _make_actor(key, info[key], names[key]) for key in info}
    index = ActorIndex()
    for span, key, surface in keyed:
        actor = actors[key]
        index.mentions.append(
            Mention(start=span.start_char, end=span.end_char, text=surface, actor=actor)
        )
        for i in range(span.start, span.end):
            index._by_token[i] = actor
    index._demonym_tokens = demonym_keys
    for key, (_, _, entry) in info.items():
        if entry is not None and entry.part_of:
            container = gazetteer.by_key(entry.part_of)
            index.part_of[actors[key].id] = _entry_actor(container, ())
    index.descriptions = describe(
        doc, index, lexicon=lexicon, article=article, dictionary=dictionary
    )
    return index


def _initials_of_people(clusters: list[list[str]]) -> dict[str, int]:
    """A person's initials → the person, for names of three words or more ("William S.
    Saturn" is "WSS" in the transcript of the interview he gave); not initials two share."""
    found: dict[str, int | None] = {}
    for person, cluster in enumerate(clusters):
        words = cluster[0].split()
        letters = initials(cluster[0])
        if len(words) == len(letters) >= 3:
            found[letters] = person if found.get(letters, person) == person else None
    return {letters: person for letters, person in found.items() if person is not None}


def _word_flags(doc: Doc) -> list[tuple[str, bool, bool, bool]]:
    """(text, is_upper, is_alpha, is_lower) of every token, read from one array: spaCy makes
    a Token object at every step over a Doc, the largest single cost of resolution."""
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IS_UPPER, IS_ALPHA, IS_LOWER]).tolist() if len(doc) else []
    return [(strings[orth], bool(u), bool(a), bool(lo)) for orth, u, a, lo in rows]


def _unrecognised_repeats(
    doc: Doc, keyed: list[tuple[Span, str, str]]
) -> list[tuple[Span, str, str]]:
    """Later mentions the NER missed: a name, or a person's surname, already resolved elsewhere.

    The small English model tags "Kılıçdaroğlu" as a person once and misses it
    twice; a surface form that names one actor in the article names it everywhere.
    """
    surfaces: dict[str, str | None] = {}
    for _, key, surface in keyed:
        forms = [surface]
        if key.startswith("person:"):
            forms.append(key.split(":", 1)[1].split()[-1])
        for form in forms:
            # A form claimed by two actors (two Johnsons) is left alone.
            surfaces[form] = key if surfaces.get(form, key) == key else None
    covered = {i for span, _, _ in keyed for i in range(span.start, span.end)}
    longest = max((len(form.split()) for form in surfaces), default=0)
    # Candidate spans are compared as slices of the text (what Span.text gives), with
    # offsets from one array, so that no Token or Span is made for the many non-matches.
    starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
    whole = doc.text  # built anew from the tokens on every access
    found: list[tuple[Span, str, str]] = []
    i = 0
    while i < len(doc):
        if i in covered or not whole[starts[i]].isupper():
            i += 1
            continue
        for length in range(min(longest, len(doc) - i), 0, -1):
            end = i + length
            if any(j in covered for j in range(i, end)):
                continue
            text = whole[starts[i] : starts[end - 1] + lengths[end - 1]]
            key = surfaces.get(text)
            if key:
                found.append((doc[i:end], key, text))
                i = end
                break
        else:
            i += 1
    return found


def _entry_actor(entry: GazetteerEntry, seen: Iterable[str]) -> Actor:
    iso = entry.iso_code if entry.type in ("Country", "Territory") else None
    return Actor(
        id=entry_iri(entry),
        label=entry.label,
        type=entry.type,
        names=tuple(dict.fromkeys([entry.label, *seen])),
        iso_code=iso,
        wikidata=entry.wikidata,
    )


def _make_actor(key: str, info: tuple[str, str, GazetteerEntry | None], seen: list[str]) -> Actor:
    label, actor_type, entry = info
    if entry is not None:
        return _entry_actor(entry, seen)
    return Actor(
        id=actor_iri(label=label, type=actor_type),
        label=label,
        type=actor_type,
        names=tuple(dict.fromkeys([label, *seen])),
    )
