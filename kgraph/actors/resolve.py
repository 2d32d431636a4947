"""Mentions → actors within one article: gazetteer entries, people, organisations.

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
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from kgraph.actors.descriptions import describe
from kgraph.actors.dictionary import ActorDictionary
from kgraph.actors.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from kgraph.actors.registry import HONORIFICS, entry_iri
from kgraph.iris import actor_iri
from kgraph.model import Actor, Article, Mention
from kgraph.relations.lexicon import Lexicon, load_lexicon

#: NER labels that can name an actor.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})

#: Nouns that, modified by an actor, stand for it ("Turkish officials", "the US government").
GROUP_NOUNS = frozenset(
    {
        "government", "administration", "authority", "official", "officer", "diplomat",
        "force", "troop", "military", "army", "navy", "police", "regime", "leadership",
        "state", "ministry", "cabinet", "delegation", "embassy", "parliament", "soldier",
    }
)  # fmt: skip

_ORG_TYPES = (
    (re.compile(r"\bPart(y|ies)\b", re.IGNORECASE), "PoliticalParty"),
    (re.compile(r"\b(Alliance|Coalition)\b"), "Alliance"),
    # Non-state fighters; a state's army ("Syrian Arab Army") is a government body below.
    (
        re.compile(
            r"\b(Militias?|Rebels|Insurgents|Brigades?|Mujahideen|Jihad|Liberation Army|"
            r"Liberation Front|Liberation Movement|Resistance Movement|Guerrillas?|Cartel)\b"
        ),
        "ArmedGroup",
    ),
    (re.compile(r"\b(Central Bank|Reserve Bank|National Bank of)\b"), "GovernmentBody"),
    (
        re.compile(
            r"\b(News|Times|Herald|Tribune|Gazette|Journal|TV|Television|Broadcasting|"
            r"Broadcaster|Radio|Daily|Telegraph|News Agency|Magazine|Newspaper)\b"
        ),
        "Media",
    ),
    (
        re.compile(
            r"(\b(Inc|Corp|Corporation|Ltd|LLC|PLC|plc|GmbH|Co)\b\.?$)|"
            r"\b(Airlines|Airways|Motors|Holdings|Technologies|Pharmaceuticals|Petroleum|"
            r"Bank|Industries|Enterprises)\b"
        ),
        "Company",
    ),
    (
        re.compile(
            r"\b(Ministry|Department|Parliament|Congress|Senate|House|Court|Police|Army|Navy|"
            r"Air Force|Government|Cabinet|Council|Commission|Agency|Office|Assembly|Bureau|"
            r"Duma|Majlis|Knesset|Bundestag|Guard|Judiciary)\b"
        ),
        "GovernmentBody",
    ),
)
_CAPTION_WORDS = frozenset({"Image", "Photo", "File", "Video"})
_GLUED_CAPTION = re.compile(r"(?<=[a-z])(?:Image|Photo)$")
_CONNECTORS = frozenset({"of", "the", "and", "for", "&", "de", "in", "on"})


def org_type(label: str) -> str:
    """The actor type an organisation's name suggests.

    >>> org_type("Republican People's Party"), org_type("Nation Alliance"), org_type("Acme")
    ('PoliticalParty', 'Alliance', 'Organization')
    >>> org_type("Sinaloa Cartel"), org_type("Boeing Corp."), org_type("Press TV")
    ('ArmedGroup', 'Company', 'Media')
    >>> org_type("Syrian Arab Army"), org_type("Central Bank of Iran")
    ('GovernmentBody', 'GovernmentBody')
    """
    for pattern, actor_type in _ORG_TYPES:
        if pattern.search(label):
            return actor_type
    return "Organization"


def initials(label: str) -> str:
    """The acronym a name's capitalised words make ("Syrian Democratic Forces" → "SDF")."""
    return "".join(
        w[0]
        for w in label.replace("-", " ").split()
        if w[0].isupper() and w.lower() not in _CONNECTORS
    )


def clean_name(span: Span) -> str:
    """The span's text without a leading "the", a trailing possessive or punctuation."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "a", "an", "(", "[") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].lower_ in ("'s", "’s")
    ):
        tokens = tokens[:-1]
    # An editor's bracket inside a name ("Vladimir) Putin") still separates two words.
    text = "".join(" " if t.text in ("(", ")", "[", "]") else t.text_with_ws for t in tokens)
    return re.sub(r"\s+", " ", text).strip()


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


def _spans(doc: Doc) -> list[Span]:
    """Actor-bearing entity spans; a name split by an editor's bracket is joined again."""
    ents = [ent for ent in doc.ents if ent.label_ in ACTOR_LABELS]
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and ent.label_ == previous.label_ == "PERSON"
            and ent.start - previous.end == 1
            and doc[previous.end].text in (")", "]")
        ):
            joined[-1] = Span(doc, previous.start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    return joined


def _gazetteer_hit(span: Span, gazetteer: Gazetteer) -> tuple[GazetteerEntry, str] | None:
    if span.ent_id_ and "|" in span.ent_id_:
        key, kind = span.ent_id_.split("|", 1)
        return gazetteer.by_key(key), kind
    hit = gazetteer.lookup(clean_name(span))
    if hit is not None and hit[0].type == "Person" and span.label_ != "PERSON":
        return None  # a dictionary person's name inside an organisation's ("Trump Organization")
    return hit


def _fold(text: str) -> str:
    """Case and diacritics folded, so "Erdogan" and "Erdoğan" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _person_key(name: str, clusters: list[list[str]]) -> int:
    """Index of the cluster a person's name joins (a new one when none fits)."""
    words = _fold(name).split()
    for index, cluster in enumerate(clusters):
        full = _fold(cluster[0]).split()
        if words[-1] == full[-1] and set(words) <= set(full):
            return index
    if len(words) == 1:
        # "Park" after "Park Won-soon", "Osama" after "Osama bin Laden": the one name it starts.
        starts = [
            index
            for index, cluster in enumerate(clusters)
            if len(cluster[0].split()) > 1 and _fold(cluster[0]).split()[0] == words[0]
        ]
        if len(starts) == 1:
            return starts[0]
    clusters.append([name])
    return len(clusters) - 1


def _strip_titles(name: str) -> str:
    """The name without the titles and honorifics before it ("First Lady Melania Trump")."""
    titles = load_lexicon().titles
    words = name.split()
    while len(words) > 1 and (
        words[0].lower().rstrip(".") in titles or words[0].lower().rstrip(".") in HONORIFICS
    ):
        words = words[1:]
    # A photo caption run into the name ("Gary Johnson Image: ...", "Howie HawkinsImage").
    while len(words) > 2 and words[-1] in _CAPTION_WORDS:
        words = words[:-1]
    if len(words) > 1:
        words[-1] = _GLUED_CAPTION.sub("", words[-1])
    return " ".join(words)


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
    for span in _spans(doc):
        hit = _gazetteer_hit(span, gazetteer)
        # A dictionary person is found through the cluster of names the article gives.
        hits.append((span, None if hit is not None and hit[0].type == "Person" else hit))

    # Longest first, then by text: the same clusters whatever the order of the spans.
    people = sorted(
        {_strip_titles(clean_name(s)) for s, hit in hits if s.label_ == "PERSON" and hit is None},
        key=lambda n: (-len(n.split()), n),
    )
    clusters: list[list[str]] = []
    person_cluster = {name: _person_key(name, clusters) for name in people if name}
    cluster_entry: dict[int, GazetteerEntry] = {}
    for name, number in sorted(person_cluster.items(), key=lambda item: item[1]):
        hit = gazetteer.lookup(name)
        if hit is not None and hit[0].type == "Person":
            cluster_entry.setdefault(number, hit[0])
    # A surname the NER took for an organisation or a place ("Trump said" tagged ORG).
    surnames: dict[str, int | None] = {}
    for name, number in person_cluster.items():
        words = name.split()
        if len(words) > 1:
            last = words[-1]
            surnames[last] = number if surnames.get(last, number) == number else None

    organisations = {clean_name(s) for s, hit in hits if s.label_ == "ORG" and hit is None}
    acronyms = {initials(label): label for label in organisations if len(initials(label)) >= 2}

    for span, hit in hits:
        surface = clean_name(span)
        if not surface:
            continue
        person = (
            person_cluster.get(_strip_titles(surface))
            if span.label_ == "PERSON"
            else (surnames[surface] if surface in surnames else person_cluster.get(surface))
            if span.label_ in ("ORG", "GPE") and hit is None
            else None
        )
        if hit is not None:
            entry, kind = hit
            key = f"gaz:{entry.key}"
            info[key] = (entry.label, entry.type, entry)
            if kind == "demonym":
                demonym_keys.update(range(span.start, span.end))
        elif person is not None:
            cluster = clusters[person]
            if person in cluster_entry:
                entry = cluster_entry[person]
                key = f"gaz:{entry.key}"
                info[key] = (entry.label, entry.type, entry)
            else:
                key = f"person:{cluster[0]}"
                info[key] = (cluster[0], "Person", None)
            surface = _strip_titles(surface)
        elif span.label_ == "PERSON":
            continue
        elif span.label_ == "ORG":
            label = acronyms.get(surface, surface) if surface.isupper() else surface
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
        if not (hit is not None and hit[1] == "demonym"):
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
