"""People's names within one article: which of them name one person.

Every short form joins the fullest name it is part of ("Erdoğan" → "Recep Tayyip
Erdoğan"); a surname two people share goes to the one the article is about
(:func:`_surname_holder`); a birth name joins the name the person is known by; a
surname the NER tagged as an organisation or a place finds its person
(:func:`person_named`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span

from kgraph.actors.gazetteer import Gazetteer, GazetteerEntry
from kgraph.actors.person_names import HONORIFICS, NAME_SUFFIXES
from kgraph.actors.spans import clean_name
from kgraph.relations.lexicon import load_lexicon

#: Words of a photo caption the text runs into a person's name ("Gary Johnson Image: ...",
#: "Howie HawkinsImage").
_CAPTION_WORDS = frozenset({"Image", "Photo", "File", "Video"})
_GLUED_CAPTION = re.compile(r"(?<=[a-z])(?:Image|Photo)$")
#: Prepositions after which a name stands for a place ("in Melbourne"); not those a
#: person's name follows too ("tributes to Cummings", "a letter from Biden").
_LOCATIVES = frozenset(
    {"in", "at", "near", "across", "throughout", "outside", "around", "inside", "within"}
)
#: Where an article names each person's name: how many times, and the first token's index.
Sightings = dict[str, tuple[int, int]]
#: How many times more often a later-named person must be named in full to take a
#: surname they share from the person named first.
SURNAME_DOMINANCE = 2


@dataclass(frozen=True, slots=True)
class People:
    """Which of the names an article gives to people are one person.

    Attributes:
        clusters: each person's names, the one of most words first; a person is the
            index of their cluster.
        cluster_of: person's name → the index of its cluster.
        birth_names: birth name → the name the person is known by.
        entries: cluster index → the gazetteer's (or a dictionary's) person it is.
        surnames: a full name's last word → the person a bare use of it stands for
            (None when that is not clear).
    """

    clusters: list[list[str]]
    cluster_of: dict[str, int]
    birth_names: dict[str, str]
    entries: dict[int, GazetteerEntry]
    surnames: dict[str, int | None]


def group_people(
    hits: list[tuple[Span, tuple[GazetteerEntry, str] | None]],
    gazetteer: Gazetteer,
    places: set[str],
) -> People:
    """Group the names of the people an article names, each short form with its full name.

    Args:
        hits: the article's spans, each with its gazetteer hit (None for a person's).
        gazetteer: where a person's name finds a known person.
        places: the names the article uses for places (:func:`places_by_use`), which
            are no one's bare surname.
    """
    # Longest first, then by text: the same clusters whatever the order of the spans.
    people = sorted(
        {strip_titles(clean_name(s)) for s, hit in hits if s.label_ == "PERSON" and hit is None},
        key=lambda n: (-len(n.split()), n),
    )
    clusters: list[list[str]] = []
    seen = _sightings([s for s, hit in hits if s.label_ == "PERSON" and hit is None])
    person_cluster = {name: _person_key(name, clusters, seen) for name in people if name}
    birth_names = _birth_names([s for s, hit in hits if s.label_ == "PERSON"])
    for birth_name, name in birth_names.items():
        _join_clusters(person_cluster, person_cluster.get(birth_name), person_cluster.get(name))
    cluster_entry: dict[int, GazetteerEntry] = {}
    for name, number in sorted(person_cluster.items(), key=lambda item: item[1]):
        hit = gazetteer.lookup(name)
        if hit is not None and hit[0].type == "Person":
            cluster_entry.setdefault(number, hit[0])
    # A surname the NER took for an organisation or a place ("Trump said" tagged ORG).
    surnames: dict[str, int | None] = {}
    suffixed: dict[str, int | None] = {}  # "Downey" of "Robert Downey Jr."
    for name, number in person_cluster.items():
        words = name.split()
        if len(words) > 2 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
            last = words[-2]
            suffixed[last] = number if suffixed.get(last, number) == number else None
        elif len(words) > 1:
            last = words[-1]
            surnames[last] = number if surnames.get(last, number) == number else None
    for last, number in suffixed.items():
        surnames.setdefault(last, number)  # a plain "Trump" is Donald Trump, not his son
    # A surname two full names share ("Biden", "Cummings" tagged ORG or GPE): whom its bare
    # use as a person's name stands for, else the one the article gives it to, unless the
    # article uses the word for a place ("in Melbourne").
    for last, number in surnames.items():
        if number is None and last not in places:
            surnames[last] = person_cluster.get(
                last, _fitting_cluster([_fold(last)], clusters, seen)
            )
    return People(
        clusters=clusters,
        cluster_of=person_cluster,
        birth_names=birth_names,
        entries=cluster_entry,
        surnames=surnames,
    )


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Case and diacritics folded, so "Erdogan" and "Erdoğan" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _person_key(name: str, clusters: list[list[str]], seen: Sightings | None = None) -> int:
    """Index of the cluster a person's name joins (a new one when none fits).

    The name is added to the cluster's names. A surname two full names share ("Biden"
    after "Joe Biden" and "Hunter Biden") joins the one :func:`_surname_holder` picks.
    """
    index = _fitting_cluster(_fold(name).split(), clusters, seen or {})
    if index is None:
        clusters.append([name])
        return len(clusters) - 1
    clusters[index].append(name)
    return index


def _fitting_cluster(words: list[str], clusters: list[list[str]], seen: Sightings) -> int | None:
    # Any of a cluster's names: "Pierluisi" fits "Pedro Pierluisi", which joined "Pedro R.
    # Pierluisi Urrutia".
    fitting = [
        index
        for index, cluster in enumerate(clusters)
        if any(
            words[-1] == (full := _fold(name).split())[-1] and set(words) <= set(full)
            for name in cluster
        )
    ]
    if fitting:
        return _surname_holder(fitting, clusters, seen)
    # Each test below reads a cluster's first (fullest) name, as folded words and as
    # written; a test that fits exactly one cluster picks it.
    firsts = [_fold(cluster[0]).split() for cluster in clusters]
    if len(words) > 1:
        tests = [
            # "Pedro Pierluisi" after "Pedro R. Pierluisi Urrutia": a Spanish name without
            # the mother's surname (not "Donald Trump" after "Donald Trump Jr.").
            lambda full, name: (
                len(full) > len(words)
                and (full[0], full[-2]) == (words[0], words[-1])
                and not _suffixed(full)
            ),
            # "John Luk" after "John Luk Jok": the one longer name it begins (not a father's
            # name before his son's "Jr.").
            lambda full, name: (
                len(full) > len(words) and full[: len(words)] == words and not _suffixed(full)
            ),
        ]
    else:
        tests = [
            # "DeBartolo" after "Edward J. DeBartolo Jr.": the one name whose surname, before
            # its suffix, it is (a plain "Trump" joined "Donald Trump" in the loop above).
            lambda full, name: len(full) > 2 and _suffixed(full) and full[-2] == words[0],
            # "Rosselló" after "Ricardo Rosselló Nevares": the father's surname of the one
            # Spanish name of three words or more it stands before the mother's in.
            lambda full, name: (
                len(full) > 2 and full[-2] == words[0] and len(words[0]) > 2 and not _suffixed(full)
            ),
            # "Park" after "Park Won-soon", "Osama" after "Osama bin Laden": the one name
            # it starts.
            lambda full, name: len(name.split()) > 1 and full[0] == words[0],
        ]
    for test in tests:
        matching = [
            index
            for index, (full, cluster) in enumerate(zip(firsts, clusters, strict=True))
            if test(full, cluster[0])
        ]
        if len(matching) == 1:
            return matching[0]
    return None


def _suffixed(words: list[str]) -> bool:
    """Whether a folded name ends in a suffix such as "Jr." or "III"."""
    return words[-1].rstrip(".") in NAME_SUFFIXES


def _surname_holder(fitting: list[int], clusters: list[list[str]], seen: Sightings) -> int:
    """The one of several people sharing a surname whom the bare surname stands for.

    News writing gives the bare surname to the article's main person, named first, and
    keeps naming a relative in full ("Joe Biden ... Hunter Biden, his son ... Biden
    said"): the person named first, unless another is named in full far more often.
    """

    def times(index: int) -> int:
        return sum(seen.get(name, (0, 0))[0] for name in clusters[index])

    def first(index: int) -> int:
        return min((seen[name][1] for name in clusters[index] if name in seen), default=1 << 30)

    opener = min(fitting, key=lambda index: (first(index), index))
    most = max(fitting, key=lambda index: (times(index), -first(index), -index))
    return most if times(most) >= SURNAME_DOMINANCE * times(opener) else opener


def places_by_use(hits: Iterable[tuple[Span, object]]) -> set[str]:
    """Names the article tags as places and uses as places, after a locative preposition."""
    return {
        clean_name(span)
        for span, _ in hits
        if span.label_ == "GPE" and span.start > 0 and span.doc[span.start - 1].lower_ in _LOCATIVES
    }


def _birth_names(people: list[Span]) -> dict[str, str]:
    """Birth name → the name the person is known by: "Ginger Baker was born Peter Edward
    Baker", "Doris Day, born Doris Mary Ann Kappelhoff, ..."."""
    names = {span.root.i: span for span in people}
    found: dict[str, str] = {}
    for span in people:
        root = span.root
        born = root.head if root.dep_ in ("dobj", "oprd", "attr") else None
        if born is not None and born.lower_ == "born":
            known = next((names.get(c.i) for c in born.children if c.dep_ == "nsubjpass"), None)
        elif root.dep_ == "appos" and any(c.lower_ == "born" for c in root.children):
            known = names.get(root.head.i)
        else:
            known = None
        if known is not None and known is not span:
            found[strip_titles(clean_name(span))] = strip_titles(clean_name(known))
    return found


def _join_clusters(person_cluster: dict[str, int], source: int | None, target: int | None) -> None:
    """Every name of the source cluster joins the target cluster instead."""
    if source is None or target is None or source == target:
        return
    for name, number in person_cluster.items():
        if number == source:
            person_cluster[name] = target


def _sightings(people: list[Span]) -> Sightings:
    """How many times, and from which token on, the article names each person's name."""
    times: Counter[str] = Counter()
    first: dict[str, int] = {}
    for span in people:
        name = strip_titles(clean_name(span))
        times[name] += 1
        first.setdefault(name, span.start)
    return {name: (count, first[name]) for name, count in times.items()}


def strip_titles(name: str) -> str:
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


def person_named(
    surface: str,
    a_place: bool,
    person_cluster: dict[str, int],
    surnames: dict[str, int | None],
    clusters: list[list[str]],
) -> tuple[int | None, str]:
    """The article's person an organisation- or place-tagged name is, and the name itself.

    A surname ("Trump said", tagged ORG) or a person's name; the one full name a first
    name starts ("Hamza" after "Hamza bin Ladin", "Rocky" after "Rocky De La Fuente"),
    unless the article uses the word for a place (``a_place``: "in Virginia" after
    "Virginia Foxx"); a person's name after the place the person represents ("Senator
    from Vermont Bernie Sanders"); the last words of one full name ("De La Fuente").
    """
    if surface in surnames:
        return surnames[surface], surface
    if surface in person_cluster:
        return person_cluster[surface], surface
    # "Al-Quaety, who ..." opening a sentence: the "al-Quaety" of "Nabil Hasan al-Quaety".
    lowered = surface[:1].lower() + surface[1:]
    if lowered != surface and surnames.get(lowered) is not None:
        return surnames[lowered], lowered
    words = surface.split()
    if not a_place and len(words) == 1:
        starts = [
            index
            for index, cluster in enumerate(clusters)
            if len(names := cluster[0].split()) > 1 and names[0] == surface
        ]
        if len(starts) == 1:
            return starts[0], surface
    for size in range(len(words) - 1, 1, -1):
        tail = " ".join(words[-size:])
        if tail in person_cluster:
            return person_cluster[tail], tail
    if len(words) > 1 and all(word[:1].isupper() for word in words):
        # "De La Fuente" after "Rocky De La Fuente": a surname of several words.
        ends = [
            index
            for index, cluster in enumerate(clusters)
            if any(
                len(name.split()) > len(words) and name.split()[-len(words) :] == words
                for name in cluster
            )
        ]
        if len(ends) == 1:
            return ends[0], surface
    return None, surface
