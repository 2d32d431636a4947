"""Actor identity across the articles of one build: which per-article actors are one actor.

Within an article ``kgraph.actors.resolve`` already joins "Trump", "President
Trump" and "Donald J. Trump". Across articles the same person may come out as
``person/donald-trump`` in one and ``person/trump`` in another, an acronym as
``organization/sdf`` next to ``armed-group/syrian-democratic-forces``. The build
streams, so the registry sees each ``ArticleResult`` once, as it passes on the
driver, and keeps only a summary per actor IRI (names, mentions, the countries and
roles it was seen with): memory grows with the actors, not the articles.

At the end, :meth:`ActorRegistry.plan` decides the merges, from-IRI → to-IRI.
The decision uses only order-free aggregates (sums, sets, counters) and breaks ties
by IRI, so 1-process, n-process and distributed builds, which see the articles in
any order, merge alike. ``kgraph.merge`` turns the plan into SPARQL updates.

The rules, most specific first:

* people: full names merge when they agree on surname (and suffix: "Jr.") and on
  the first name, the middle names of one being a subset of the other's
  ("Donald J. Trump" = "Donald Trump"; "Boris Johnson" ≠ "Andrew Johnson"). A node
  known only by a surname ("Trump", or an organisation "Trump" the NER got wrong)
  joins the full name with that surname when there is one, when the countries
  it was seen with single one out, or when one is named in three times as many
  articles as the next; when countries of their offices conflict, it stays apart;
* organisations: an acronym joins the one node whose names or initials give it;
  a generic guess (type ``Organization``) joins the one typed node of the same name;
* dictionary and gazetteer actors are never merged away: others join them.

Example:
    >>> from kgraph.model import Actor, Article, ArticleResult
    >>> def person(label):
    ...     return Actor(id=f"p/{label}", label=label, type="Person", names=(label,))
    >>> registry = ActorRegistry()
    >>> for n, label in enumerate(["Donald Trump", "Trump", "Donald J. Trump"]):
    ...     article = Article(id=str(n), date=None, title="", text="", source="")
    ...     registry.add(ArticleResult(article=article, actors=(person(label),),
    ...                                mention_counts={f"p/{label}": 3 - n}))
    >>> sorted(registry.plan().moves.items())
    [('p/Donald J. Trump', 'p/Donald Trump'), ('p/Trump', 'p/Donald Trump')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kgraph.actors.gazetteer import Gazetteer, GazetteerEntry, entry_iri, is_acronym
from kgraph.actors.organisation_merges import merge_organisations
from kgraph.actors.organisations import ORG_KIND_WORDS, org_type
from kgraph.actors.person_names import PersonName, name_words
from kgraph.actors.summaries import GENERIC_TYPES, ActorSummary, final_target
from kgraph.model import Actor, ArticleResult

#: Relations that say which organisation or state a person belongs to.
ROLE_RELATIONS = frozenset({"leader-of", "member-of", "spokesperson-for", "candidate-for"})
#: How many times more articles the first candidate needs to take a bare surname alone.
DOMINANCE = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class MergePlan:
    """The merges a build needs: each source IRI → the IRI of the actor it is.

    Attributes:
        moves: source IRI → target IRI (never a chain: targets are not sources).
        types: target IRI → the actor type the merged node keeps.
    """

    moves: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)


def main_country(actors: Iterable[Actor], mention_counts: dict[str, int]) -> str | None:
    """The IRI of the country an article is mostly about: mentioned at least twice, most of all."""
    counts = Counter({a.id: mention_counts.get(a.id, 0) for a in actors if a.type == "Country"})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0]


#: One role an article gives a person: (person IRI, relation, organisation IRI, its type).
RoleFact = tuple[str, str, str, str]


def roles_of(result: ArticleResult) -> tuple[RoleFact, ...]:
    """The roles of people an article states (what the registry needs of its relations)."""
    return tuple(
        sorted(
            {
                (r.subject.id, r.relation, r.object.id, r.object.type)
                for r in result.relations
                if r.relation in ROLE_RELATIONS
                and r.subject.type == "Person"
                and not (r.negated or r.hypothetical)
            }
        )
    )


class ActorRegistry:
    """Collects the actors of each article of a build and plans their merges.

    Args:
        gazetteer: the gazetteer the articles were resolved with; its actors (and a
            user dictionary's, passed as override entries) are never merged away, and
            their ``part_of`` gives the country of a party or ministry.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._nodes: dict[str, ActorSummary] = {}
        # Actors known only as a relation side or speaker ("the president" → a dictionary
        # person): no summary to merge, but the build met them.
        self._touched: set[str] = set()
        self._fixed: set[str] = set()
        self._country_of: dict[str, str] = {}  # organisation IRI → its country's IRI
        self._gazetteer = gazetteer
        if gazetteer is not None:
            iris = {entry.key: entry_iri(entry) for entry in gazetteer.entries}
            self._fixed = set(iris.values())
            for entry in gazetteer.entries:
                country = entry.country or entry.part_of
                if country is not None and country in iris:
                    self._country_of[iris[entry.key]] = iris[country]

    def __len__(self) -> int:
        return len(self._nodes)

    def add(self, result: ArticleResult) -> None:
        """Register one article's actors, mention counts and roles."""
        actors = {a.id: a for a in result.actors}
        for relation in result.relations:
            for side in (relation.subject, relation.object, relation.attributed_to):
                if side is not None:
                    actors.setdefault(side.id, side)
        self.add_article(tuple(actors.values()), result.mention_counts, roles_of(result))

    def add_article(
        self,
        actors: Iterable[Actor],
        mention_counts: dict[str, int],
        roles: Iterable[RoleFact] = (),
    ) -> None:
        """Register what one article gave: its actors, their mentions, the roles it states.

        Args:
            actors: the article's actors (each once).
            mention_counts: actor IRI → mentions in the article.
            roles: ``roles_of(result)``.
        """
        actors = [a for a in actors if a.type != "Topic"]
        self._touched.update(mention_counts)
        country = main_country(actors, mention_counts)
        for actor in actors:
            node = self._nodes.get(actor.id)
            if node is None:
                node = self._nodes[actor.id] = ActorSummary(actor.id, actor.label, actor.type)
                node.fixed = actor.id in self._fixed or actor.iso_code is not None
            # The longest label, then the smallest text: the same whatever the order.
            if (len(actor.label), node.label) > (len(node.label), actor.label):
                node.label = actor.label
            node.names.update(actor.names or (actor.label,))
            node.mentions += mention_counts.get(actor.id, 0)
            node.articles += 1
            if country is not None:
                node.countries[country] += 1
        for person, _, organisation, organisation_type in roles:
            place = (
                organisation
                if organisation_type == "Country"
                else self._country_of.get(organisation)
            )
            if place is not None and person in self._nodes:
                self._nodes[person].role_countries.add(place)

    def seen(self, iri: str) -> bool:
        """Whether an article of the build named the actor or made it a relation's side."""
        return iri in self._nodes or iri in self._touched

    def plan(self) -> MergePlan:
        """Decide the merges (deterministic, whatever order the articles came in)."""
        nodes = sorted(self._nodes.values(), key=lambda n: n.rank(), reverse=True)
        target: dict[str, str] = {}
        self._people(nodes, target)
        merge_organisations(nodes, target, self._gazetteer)

        moves = {source: final_target(target, source) for source in target}
        moves = {source: dest for source, dest in moves.items() if source != dest}
        types = {dest: self._nodes[dest].type for dest in moves.values()}
        return MergePlan(moves=dict(sorted(moves.items())), types=dict(sorted(types.items())))

    # ----- people (organisations: kgraph.actors.organisation_merges) -----------------------
    def _people(self, nodes: list[ActorSummary], target: dict[str, str]) -> None:
        # Full names first, best-ranked first: each joins the first cluster it fits.
        clusters: list[tuple[ActorSummary, list[PersonName]]] = []
        short: list[tuple[ActorSummary, PersonName]] = []
        for node in nodes:
            if node.type != "Person":
                continue
            names = [n for n in map(PersonName.parse, {node.label, *node.names}) if n]
            full = [n for n in names if n.first is not None]
            if not full:
                if names:
                    short.append((node, names[0]))
                continue
            own = PersonName.parse(node.label) or full[0]
            # A dictionary person heads its own cluster; the others join the first that fits.
            fits = (
                (head, names)
                for head, names in clusters
                if not node.fixed and self._compatible_people(node, own, head, names)
            )
            match = next(fits, None)
            if match is None:
                clusters.append((node, full))
            else:
                target[node.iri] = match[0].iri
                match[1].append(own)
        self._people_tagged_as_organisations(nodes, clusters, target)
        # Bare surnames: people, and organisations or places the NER named by a surname.
        for node in nodes:
            if node.fixed or node.iri in target:
                continue
            if (
                node.type in GENERIC_TYPES
                and len(name_words(node.label)) == 1
                and node.label[:1].isupper()
            ):
                name = PersonName.parse(node.label)
                if name is not None and not is_acronym(node.label):
                    short.append((node, name))
        first_names = {n.first for _, head_names in clusters for n in head_names}
        surnames = {n.last for _, head_names in clusters for n in head_names}
        for node, name in short:
            candidates = [
                head
                for head, head_names in clusters
                if any((n.last, n.suffix) == (name.last, name.suffix) for n in head_names)
            ]
            if not candidates and node.type == "Person":
                # "Rosselló" of "Ricardo Rosselló Nevares", the father's surname before the
                # mother's: only the one such name seen about the same country, and not a
                # word that is anyone's first name ("James" of "John James Conyers").
                candidates = [
                    head
                    for head, head_names in clusters
                    if any(n.second_last == name.last and not n.suffix for n in head_names)
                    and node.countries.keys() & head.countries.keys()
                    and name.last not in first_names
                ]
                candidates = candidates if len(candidates) == 1 else []
            if (
                not candidates
                and node.type == "Person"
                and node.label.istitle()
                and name.last not in surnames
            ):
                # "his wife Melania": the one person an article called by that first name
                # alone, whose first name nobody else has, seen about the same country.
                candidates = [
                    head
                    for head, head_names in clusters
                    if any(n.first == name.last for n in head_names)
                    and any(name_words(other) == [name.last] for other in head.names)
                    and node.countries.keys() & head.countries.keys()
                ]
                owners = [
                    head for head, names in clusters if any(n.first == name.last for n in names)
                ]
                candidates = candidates if len(candidates) == len(owners) == 1 else []
            chosen = self._choose(node, candidates, generic=node.type != "Person")
            if chosen is not None:
                target[node.iri] = chosen.iri

    def _people_tagged_as_organisations(
        self,
        nodes: list[ActorSummary],
        clusters: list[tuple[ActorSummary, list[PersonName]]],
        target: dict[str, str],
    ) -> None:
        """A person's full name the NER tagged as an organisation ("Elijah Cummings" in one
        article) joins the one person of that first name and surname whom some article
        calls by the surname alone, as only people are called, and names more often.
        Not a name with a word of an organisation's kind ("Indian Railways", "Ford Motor").
        So does an acronym an article gave as the one person's initials ("WSS")."""
        acronyms: dict[str, list[ActorSummary]] = {}
        for head, _ in clusters:
            for name in head.names:
                if is_acronym(name):
                    acronyms.setdefault(name, []).append(head)
        for node in nodes:
            words = node.label.split()
            if node.fixed or node.iri in target or node.type != "Organization":
                continue
            if len(acronyms.get(node.label, ())) == 1:
                # "WSS", which another article gave as William S. Saturn's initials.
                target[node.iri] = acronyms[node.label][0].iri
                continue
            if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
                continue
            if org_type(node.label) != "Organization" or any(
                word.lower() in ORG_KIND_WORDS for word in words
            ):
                continue
            name = PersonName.parse(node.label)
            if name is None or name.first is None:
                continue
            people = [
                head
                for head, head_names in clusters
                if head.mentions >= node.mentions
                and any(
                    n.first == name.first and (n.compatible(name) or _without_mother(name, n))
                    for n in head_names
                )
                and all(n.compatible(name) or _without_mother(name, n) for n in head_names)
                and any(
                    name_words(other) in ([name.last], [name.second_last]) for other in head.names
                )
            ]
            if len(people) == 1:
                target[node.iri] = people[0].iri

    def _compatible_people(
        self, node: ActorSummary, own: PersonName, head: ActorSummary, head_names: list[PersonName]
    ) -> bool:
        if not all(own.compatible(other) or _without_mother(other, own) for other in head_names):
            return False
        # Two holders of offices of different states are two people, whatever their names.
        return not (
            node.role_countries
            and head.role_countries
            and not node.role_countries & head.role_countries
        )

    def _choose(
        self, node: ActorSummary, candidates: list[ActorSummary], *, generic: bool
    ) -> ActorSummary | None:
        """The one candidate a bare surname stands for, or None when that is not clear."""
        if node.role_countries:
            candidates = [
                c
                for c in candidates
                if not c.role_countries or c.role_countries & node.role_countries
            ]
        if not candidates:
            return None
        if len(candidates) > 1:
            # The countries the surname was seen with, then the mentions, single one out.
            def overlap(candidate: ActorSummary) -> int:
                shared = (node.countries.keys() | node.role_countries) & (
                    candidate.countries.keys() | candidate.role_countries
                )
                return sum(min(node.countries[c] + 1, candidate.countries[c] + 1) for c in shared)

            scored = sorted(
                candidates, key=lambda c: (overlap(c), c.articles, c.rank()), reverse=True
            )
            best, second = scored[0], scored[1]
            # Articles rather than mentions: one long profile of a namesake does not count.
            tied = overlap(best) <= overlap(second)
            if tied and best.articles < DOMINANCE * max(second.articles, 1):
                return None
        else:
            best = candidates[0]
        # An organisation "Biden" is a person only when the person is named more often.
        if generic and best.mentions < max(node.mentions, 2):
            return None
        return best


def _without_mother(long: PersonName, short: PersonName) -> bool:
    """Whether the short name is the long one without its last surname, the mother's of a
    Spanish name ("Pedro Pierluisi" of "Pedro R. Pierluisi Urrutia")."""
    if long.first is None or short.first is None or long.suffix or short.suffix:
        return False
    if short.last == long.last or short.last != long.second_last or len(short.last) < 3:
        return False
    rest = PersonName(long.first, long.middle - {short.last}, short.last, None)
    return rest.compatible(short)


def fixed_iris(entries: Iterable[GazetteerEntry]) -> set[str]:
    """The IRIs of the given entries (they are never merged into another actor)."""
    return {entry_iri(entry) for entry in entries}
