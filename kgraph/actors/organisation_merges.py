"""Which organisation nodes of a build are one organisation.

An acronym joins the one node whose names or initials give it ("SDF"); a generic
guess (type ``Organization``) joins the one typed node of the same name; two
spellings that share a name join ("The Telegraph", "telegraph"); "X" joins the one
"X of C" when it is seen only in articles about C; "House Nancy Pelosi" joins
Nancy Pelosi. Part of :meth:`kgraph.actors.registry.ActorRegistry.plan`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.actors.gazetteer import Gazetteer, entry_iri, is_acronym
from kgraph.actors.person_names import name_words
from kgraph.actors.summaries import GENERIC_TYPES, final_target

if TYPE_CHECKING:
    from kgraph.actors.summaries import ActorSummary

#: Words before the name of a weather system, which articles use or leave out as the
#: storm grows or fades ("Tropical Storm Humberto", "Hurricane Humberto", "Humberto").
_STORM_KINDS = ("tropical storm", "tropical depression", "super typhoon", "hurricane", "storm",
                "typhoon", "cyclone")  # fmt: skip
#: Words after the name of a publication that articles use or leave out ("Time magazine").
_PUBLICATION_KINDS = ("magazine", "newspaper")
#: Fewest letters of an acronym that also matches its name in another case ("PLoS"):
#: shorter ones are too often words ("US" and "Us").
_CASE_VARIANT_LETTERS = 4
#: Fewest letters of an acronym whose initials alone tell which name it stands for.
_TELLING_ACRONYM_LETTERS = 4


def merge_organisations(
    nodes: list[ActorSummary], target: dict[str, str], gazetteer: Gazetteer | None
) -> None:
    """Decide which organisation nodes are one: ``target`` gets each source IRI → its target.

    Args:
        nodes: every node of the build, best-ranked first.
        target: the merges decided so far (the people's), added to.
        gazetteer: the gazetteer, whose countries qualify names ("Unity Party of America").
    """
    by_name: dict[str, list[ActorSummary]] = {}
    by_acronym: dict[str, list[ActorSummary]] = {}
    surnames = {
        words[-1]
        for node in nodes
        if node.type == "Person" and len(words := name_words(node.label)) > 1
    }
    for node in nodes:
        if node.type in ("Person", "Country"):
            continue
        for name in {node.label, *node.names}:
            for key in _name_keys(name):
                by_name.setdefault(key, []).append(node)
            if is_acronym(name):
                by_acronym.setdefault(name, []).append(node)
        letters = _initials(node.label)
        if len(letters) >= 2:
            by_acronym.setdefault(letters, []).append(node)
    people = []
    for node in nodes:
        if node.fixed or node.iri in target or node.type == "Country":
            continue
        if node.type == "Person":
            people.append(node)
            continue
        found = _same_organisation(node, by_name, by_acronym)
        others = sorted(found, key=lambda n: n.rank(), reverse=True)
        if len(others) == 1 or (len(others) > 1 and others[0].fixed and not others[1].fixed):
            best = others[0]
            # Towards a better node, or from a generic guess or an acronym to what it
            # names; never back to the node itself, so that merges do not run in a circle.
            if (
                best.rank() > node.rank() or _generic_guess(node, best) or _spelled_out(node, best)
            ) and final_target(target, best.iri) != node.iri:
                target[node.iri] = best.iri
    _country_qualified(nodes, target, gazetteer)
    _person_after_words(nodes, target)
    # A "person" that is the name of an organisation ("Instagram"), and no one's
    # surname. Decided once the organisations are merged: an organisation the NER
    # also tagged as a place is still one organisation.
    for node in people:
        word = _name_key(node.label)
        same = {final_target(target, n.iri) for n in by_name.get(word, ())}
        if word not in surnames and len(same) == 1:
            target[node.iri] = same.pop()


def _person_after_words(nodes: list[ActorSummary], target: dict[str, str]) -> None:
    """Join "House Nancy Pelosi" (an organisation to the NER) to the one Nancy Pelosi.

    The words before a person's full name are the office or place the article
    gave with it ("Speaker of the House Nancy Pelosi", "Whistleblower Julian Assange").
    """
    people: dict[str, set[str]] = {}
    for node in nodes:
        if node.type == "Person" and len(words := name_words(node.label)) > 1:
            people.setdefault(" ".join(words), set()).add(final_target(target, node.iri))
    for node in nodes:
        if node.fixed or node.iri in target or node.type in ("Person", "Country"):
            continue
        words = name_words(node.label)
        for size in (3, 2):
            found = people.get(" ".join(words[-size:]), set()) if len(words) > size else set()
            if len(found) == 1:
                target[node.iri] = found.pop()
                break


def _country_qualified(
    nodes: list[ActorSummary], target: dict[str, str], gazetteer: Gazetteer | None
) -> None:
    """Join "X" to the one "X of C" or "C's-demonym X" when X is seen only about C.

    "Unity Party" in articles about the United States only is the "Unity Party of
    America"; "Supreme Court" seen about the United States and India is neither the
    "Supreme Court of India" nor anything else.
    """
    qualified: dict[str, list[tuple[ActorSummary, str]]] = {}
    for node in nodes:
        if node.type in ("Person", "Country") or is_acronym(node.label):
            continue
        split = _country_split(node.label, gazetteer)
        if split is not None:
            qualified.setdefault(split[0], []).append((node, split[1]))
    for node in nodes:
        if node.fixed or node.iri in target or node.type in ("Person", "Country"):
            continue
        places = set(node.countries)
        fits = {
            other.iri: other
            for other, country in qualified.get(_name_key(node.label), ())
            if places == {country}
            and (other.type == node.type or node.type in GENERIC_TYPES)
            and final_target(target, other.iri) != node.iri
        }
        if len(fits) == 1:
            target[node.iri] = next(iter(fits))


def _country_split(label: str, gazetteer: Gazetteer | None) -> tuple[str, str] | None:
    """The key of a name without its country, and the country's IRI, if it has one."""
    if gazetteer is None:
        return None
    words = label.split()
    splits = []
    if " of " in label:
        base, _, place = label.rpartition(" of ")
        splits.append((base, place))
    if len(words) > 2:
        splits.append((" ".join(words[1:]), words[0]))  # "Australian Liberal Party"
    for base, place in splits:
        hit = gazetteer.lookup(place)
        if hit is not None and hit[0].type == "Country" and hit[1] in ("name", "demonym"):
            return _name_key(base), entry_iri(hit[0])
    return None


def _same_organisation(
    node: ActorSummary,
    by_name: dict[str, list[ActorSummary]],
    by_acronym: dict[str, list[ActorSummary]],
) -> list[ActorSummary]:
    """The other organisations that the node's name, its acronym or its other names give."""

    def fits(other: ActorSummary) -> bool:
        return other is not node and (node.type in GENERIC_TYPES or other.type == node.type)

    if is_acronym(node.label):
        found = {n.iri: n for n in by_acronym.get(node.label, ()) if n is not node}
        # The same letters in another case ("PLOS" and "PLoS"): one name.
        for key in _name_keys(node.label)[1:]:
            found.update((n.iri, n) for n in by_name.get(key, ()) if fits(n))
        return list(found.values())
    found = {
        n.iri: n
        for n in by_name.get(_name_key(node.label), ())
        if fits(n) and not _spelled_out(n, node)
    }
    if not found:
        # Two spellings that share another name ("Pacific Gas and Electric
        # Company" and "Pacific Gas and Electric", both "PG&E"). Not a node known only
        # by that acronym in articles about other countries ("DRM" in American
        # articles is not an Indian article's "Divisional Railway Manager").
        found = {
            n.iri: n
            for name in node.names - {node.label}
            for key in _name_keys(name)
            for n in by_name.get(key, ())
            if n is not node
            and (n.type == node.type or {n.type, node.type} & GENERIC_TYPES)
            and n.rank() > node.rank()
            and not (is_acronym(n.label) and _elsewhere(n, node))
            and not _spelled_out(n, node)
        }
    return list(found.values())


def _elsewhere(one: ActorSummary, other: ActorSummary) -> bool:
    """Whether the two were seen only in articles about different countries."""
    return bool(
        one.countries and other.countries and not one.countries.keys() & other.countries.keys()
    )


def _name_key(name: str) -> str:
    """The key under which two names are one: folded, without "the" and kind words.

    "The Telegraph" and "telegraph", "Hurricane Dorian" and "Dorian", "Time Magazine"
    and "Time" share a key; an acronym is its own key, matched as written.
    """
    if is_acronym(name):
        return name
    # "U.S. embassy" and "US Embassy": the dots of an abbreviation do not count.
    words = " ".join(word.replace(".", "") for word in name_words(name))
    words = words.removeprefix("the ")
    for kind in _STORM_KINDS:
        if words.startswith(kind + " ") and len(words) > len(kind) + 1:
            words = words.removeprefix(kind + " ")
            break
    for kind in _PUBLICATION_KINDS:
        if words.endswith(" " + kind):
            words = words.removesuffix(" " + kind)
            break
    return words


def _name_keys(name: str) -> list[str]:
    """The keys a name is found under: its own, and for a long acronym its folded letters."""
    keys = [_name_key(name)]
    if is_acronym(name) and sum(c.isalpha() for c in name) >= _CASE_VARIANT_LETTERS:
        keys.append(" ".join(name_words(name)))
    return keys


def _spelled_out(acronym: ActorSummary, name: ActorSummary) -> bool:
    """Whether the acronym joins the name it stands for, even when it is mentioned more.

    The written-out name is the better label ("Proceedings of the National Academy of
    Sciences", not "PNAS"), as long as it is seen in as many articles (a much-used
    acronym is not taken over by a rare name with the same initials) and the name
    was given with the acronym, or the acronym is long enough to be telling: two or
    three letters ("CT", "IRL") are the initials of too many names.
    """
    return (
        is_acronym(acronym.label)
        and not is_acronym(name.label)
        and len(name.label.split()) > 1
        and acronym.articles <= name.articles
        and (
            acronym.label in name.names
            or sum(c.isalpha() for c in acronym.label) >= _TELLING_ACRONYM_LETTERS
        )
    )


def _generic_guess(node: ActorSummary, namesake: ActorSummary) -> bool:
    """Whether the node's type is a guess that joins a typed namesake, whatever their ranks.

    Not for an acronym seen in more articles than the namesake: "ABC" in Australian
    and American articles is not just the one article's American Broadcasting Company.
    """
    return (
        node.type in GENERIC_TYPES
        and namesake.type not in GENERIC_TYPES
        and not (is_acronym(node.label) and node.articles > namesake.articles)
    )


def _initials(label: str) -> str:
    skip = {"of", "the", "and", "for", "&", "de", "in", "on"}
    return "".join(
        w[0] for w in label.replace("-", " ").split() if w[0].isupper() and w not in skip
    )
