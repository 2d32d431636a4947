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

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kgraph.actors.gazetteer import Gazetteer, GazetteerEntry, is_acronym
from kgraph.iris import actor_iri
from kgraph.model import Actor, ArticleResult

#: Relations that say which organisation or state a person belongs to.
ROLE_RELATIONS = frozenset({"leader-of", "member-of", "spokesperson-for", "candidate-for"})
#: Words before a name that are not part of it.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mme", "mlle", "madam", "dr", "sir", "dame", "lady", "lord",
     "prof", "professor", "sen", "senator", "rep", "representative", "gov", "governor", "gen",
     "general", "first", "president", "minister", "prime", "chancellor", "king", "queen", "prince",
     "princess", "sheikh", "pope", "judge", "justice", "mayor", "speaker", "secretary",
     # Ranks of the forces and the police ("Sergeant Ratana" is Matt Ratana); not "major"
     # or "private", which are also names and words.
     "sergeant", "sgt", "constable", "detective", "inspector", "superintendent", "lieutenant",
     "lt", "colonel", "col", "corporal", "cpl", "admiral", "commander", "commissioner",
     "sheriff",
     # "Cde Mugabe": the comrade of southern African parties.
     "cde", "comrade"}
)  # fmt: skip
#: Marks around a nickname inside a name ('Jeremy "Spike" Cohen').
_QUOTES = frozenset('"“”')
#: Words after a surname that tell a father from his son ("Donald Trump Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_GENERIC = frozenset({"Organization", "Territory"})
#: How many times more articles the first candidate needs to take a bare surname alone.
DOMINANCE = 3


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(label: str) -> list[str]:
    return [w.strip(".,'’") for w in _fold(label).replace("-", " ").split() if w.strip(".,'’")]


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name cut into its parts, folded ("Donald J. Trump" → donald, {j}, trump)."""

    first: str | None
    middle: frozenset[str]
    last: str
    suffix: str | None
    nickname: str | None = None  # 'Jeremy "Spike" Cohen' goes by Spike

    @classmethod
    def parse(cls, label: str) -> PersonName | None:
        """The parts of a name, honorifics dropped; None when nothing is left."""
        words = _words(label)
        quoted = [w for w in words if len(w) > 2 and w[0] in _QUOTES and w[-1] in _QUOTES]
        words = [w for w in words if w not in quoted]
        nickname = quoted[0][1:-1] if len(quoted) == 1 else None
        while len(words) > 1 and words[0] in HONORIFICS:
            words = words[1:]
        suffix = words.pop() if len(words) > 1 and words[-1] in NAME_SUFFIXES else None
        if not words:
            return None
        if len(words) == 1:
            return cls(None, frozenset(), words[0], suffix)
        return cls(words[0], frozenset(words[1:-1]), words[-1], suffix, nickname)

    def compatible(self, other: PersonName) -> bool:
        """Whether two full names can be one person: same surname, suffix and first name.

        A first name matches its initial ("J. Smith" = "John Smith"); the middle names
        of one must all appear, or have their initial, among the other's.
        """
        if (self.last, self.suffix) != (other.last, other.suffix):
            return False
        if self.first is None or other.first is None:
            return True
        if self.first in (other.nickname,) or other.first in (self.nickname,):
            return True  # "Spike Cohen" is 'Jeremy "Spike" Cohen'
        if not _same_word(self.first, other.first):
            return False
        small, large = sorted((self.middle, other.middle), key=len)
        return all(any(_same_word(m, n) for n in large) for m in small)


#: Common English short forms of first names ("Jim Hedges" is "James Hedges").
NICKNAMES = {
    short: full
    for full, shorts in {
        "james": "jim jimmy jamie",
        "william": "bill billy will",
        "robert": "bob bobby rob",
        "richard": "dick rick rich",
        "michael": "mike mick",
        "nicholas": "nick nicky",
        "joseph": "joe joey",
        "thomas": "tom tommy",
        "charles": "chuck charlie",
        "anthony": "tony",
        "daniel": "dan danny",
        "david": "dave",
        "edward": "ed ted eddie",
        "ronald": "ron",
        "peter": "pete",
        "christopher": "chris",
        "matthew": "matt",
        "andrew": "andy drew",
        "alexander": "alex",
        "benjamin": "ben",
        "samuel": "sam",
        "elizabeth": "liz beth betsy",
        "katherine": "kate kathy",
        "jennifer": "jenny jen",
        "margaret": "maggie peggy",
        "patricia": "pat patty",
        "susan": "sue",
        "stephen": "steve",
        "steven": "steve",
        "gregory": "greg",
        "jonathan": "jon",
        "timothy": "tim",
        "kenneth": "ken",
        "lawrence": "larry",
        "gerald": "jerry",
    }.items()
    for short in shorts.split()
}


def _same_word(a: str, b: str) -> bool:
    a, b = NICKNAMES.get(a, a), NICKNAMES.get(b, b)
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


@dataclass(slots=True)
class _Node:
    """What the build saw of one actor IRI."""

    iri: str
    label: str
    type: str
    names: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: int = 0
    fixed: bool = False
    countries: Counter[str] = field(default_factory=Counter)  # weak: the articles' main country
    role_countries: set[str] = field(default_factory=set)  # strong: countries of its offices

    def rank(self) -> tuple[bool, int, int, str]:
        # Higher is a better merge target; the IRI breaks ties so the choice is order-free.
        full = self.type == "Person" and len(_words(self.label)) > 1
        return (self.fixed, int(full), self.mentions, self.iri)


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
        self._nodes: dict[str, _Node] = {}
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
                node = self._nodes[actor.id] = _Node(actor.id, actor.label, actor.type)
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
        self._organisations(nodes, target)

        moves = {source: _final(target, source) for source in target}
        moves = {source: dest for source, dest in moves.items() if source != dest}
        types = {dest: self._nodes[dest].type for dest in moves.values()}
        return MergePlan(moves=dict(sorted(moves.items())), types=dict(sorted(types.items())))

    # ----- people ----------------------------------------------------------------------------
    def _people(self, nodes: list[_Node], target: dict[str, str]) -> None:
        # Full names first, best-ranked first: each joins the first cluster it fits.
        clusters: list[tuple[_Node, list[PersonName]]] = []
        short: list[tuple[_Node, PersonName]] = []
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
        # Bare surnames: people, and organisations or places the NER named by a surname.
        for node in nodes:
            if node.fixed or node.iri in target:
                continue
            if node.type in _GENERIC and len(_words(node.label)) == 1 and node.label[:1].isupper():
                name = PersonName.parse(node.label)
                if name is not None and not is_acronym(node.label):
                    short.append((node, name))
        for node, name in short:
            candidates = [
                head
                for head, head_names in clusters
                if any((n.last, n.suffix) == (name.last, name.suffix) for n in head_names)
            ]
            chosen = self._choose(node, candidates, generic=node.type != "Person")
            if chosen is not None:
                target[node.iri] = chosen.iri

    def _compatible_people(
        self, node: _Node, own: PersonName, head: _Node, head_names: list[PersonName]
    ) -> bool:
        if not all(own.compatible(other) for other in head_names):
            return False
        # Two holders of offices of different states are two people, whatever their names.
        return not (
            node.role_countries
            and head.role_countries
            and not node.role_countries & head.role_countries
        )

    def _choose(self, node: _Node, candidates: list[_Node], *, generic: bool) -> _Node | None:
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
            def overlap(candidate: _Node) -> int:
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

    # ----- organisations ---------------------------------------------------------------------
    def _organisations(self, nodes: list[_Node], target: dict[str, str]) -> None:
        by_name: dict[str, list[_Node]] = {}
        by_acronym: dict[str, list[_Node]] = {}
        surnames = {
            words[-1]
            for node in nodes
            if node.type == "Person" and len(words := _words(node.label)) > 1
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
                    best.rank() > node.rank()
                    or _generic_guess(node, best)
                    or _spelled_out(node, best)
                ) and _final(target, best.iri) != node.iri:
                    target[node.iri] = best.iri
        self._country_qualified(nodes, target)
        self._person_after_words(nodes, target)
        # A "person" that is the name of an organisation ("Instagram"), and no one's
        # surname. Decided once the organisations are merged: an organisation the NER
        # also tagged as a place is still one organisation.
        for node in people:
            word = _name_key(node.label)
            same = {_final(target, n.iri) for n in by_name.get(word, ())}
            if word not in surnames and len(same) == 1:
                target[node.iri] = same.pop()

    def _person_after_words(self, nodes: list[_Node], target: dict[str, str]) -> None:
        """Join "House Nancy Pelosi" (an organisation to the NER) to the one Nancy Pelosi.

        The words before a person's full name are the office or place the article
        gave with it ("Speaker of the House Nancy Pelosi", "Whistleblower Julian Assange").
        """
        people: dict[str, set[str]] = {}
        for node in nodes:
            if node.type == "Person" and len(words := _words(node.label)) > 1:
                people.setdefault(" ".join(words), set()).add(_final(target, node.iri))
        for node in nodes:
            if node.fixed or node.iri in target or node.type in ("Person", "Country"):
                continue
            words = _words(node.label)
            for size in (3, 2):
                found = people.get(" ".join(words[-size:]), set()) if len(words) > size else set()
                if len(found) == 1:
                    target[node.iri] = found.pop()
                    break

    def _country_qualified(self, nodes: list[_Node], target: dict[str, str]) -> None:
        """Join "X" to the one "X of C" or "C's-demonym X" when X is seen only about C.

        "Unity Party" in articles about the United States only is the "Unity Party of
        America"; "Supreme Court" seen about the United States and India is neither the
        "Supreme Court of India" nor anything else.
        """
        qualified: dict[str, list[tuple[_Node, str]]] = {}
        for node in nodes:
            if node.type in ("Person", "Country") or is_acronym(node.label):
                continue
            split = self._country_split(node.label)
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
                and (other.type == node.type or node.type in _GENERIC)
                and _final(target, other.iri) != node.iri
            }
            if len(fits) == 1:
                target[node.iri] = next(iter(fits))

    def _country_split(self, label: str) -> tuple[str, str] | None:
        """The key of a name without its country, and the country's IRI, if it has one."""
        if self._gazetteer is None:
            return None
        words = label.split()
        splits = []
        if " of " in label:
            base, _, place = label.rpartition(" of ")
            splits.append((base, place))
        if len(words) > 2:
            splits.append((" ".join(words[1:]), words[0]))  # "Australian Liberal Party"
        for base, place in splits:
            hit = self._gazetteer.lookup(place)
            if hit is not None and hit[0].type == "Country" and hit[1] in ("name", "demonym"):
                return _name_key(base), entry_iri(hit[0])
        return None


def _same_organisation(
    node: _Node, by_name: dict[str, list[_Node]], by_acronym: dict[str, list[_Node]]
) -> list[_Node]:
    """The other organisations that the node's name, its acronym or its other names give."""

    def fits(other: _Node) -> bool:
        return other is not node and (node.type in _GENERIC or other.type == node.type)

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
            and (n.type == node.type or {n.type, node.type} & _GENERIC)
            and n.rank() > node.rank()
            and not (is_acronym(n.label) and _elsewhere(n, node))
            and not _spelled_out(n, node)
        }
    return list(found.values())


def _elsewhere(one: _Node, other: _Node) -> bool:
    """Whether the two were seen only in articles about different countries."""
    return bool(
        one.countries and other.countries and not one.countries.keys() & other.countries.keys()
    )


def _final(target: dict[str, str], iri: str) -> str:
    """Where an IRI ends up after the merges decided so far."""
    seen = set()
    while iri in target and iri not in seen:
        seen.add(iri)
        iri = target[iri]
    return iri


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


def _name_key(name: str) -> str:
    """The key under which two names are one: folded, without "the" and kind words.

    "The Telegraph" and "telegraph", "Hurricane Dorian" and "Dorian", "Time Magazine"
    and "Time" share a key; an acronym is its own key, matched as written.
    """
    if is_acronym(name):
        return name
    # "U.S. embassy" and "US Embassy": the dots of an abbreviation do not count.
    words = " ".join(word.replace(".", "") for word in _words(name))
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
        keys.append(" ".join(_words(name)))
    return keys


def _spelled_out(acronym: _Node, name: _Node) -> bool:
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


def _generic_guess(node: _Node, namesake: _Node) -> bool:
    """Whether the node's type is a guess that joins a typed namesake, whatever their ranks.

    Not for an acronym seen in more articles than the namesake: "ABC" in Australian
    and American articles is not just the one article's American Broadcasting Company.
    """
    return (
        node.type in _GENERIC
        and namesake.type not in _GENERIC
        and not (is_acronym(node.label) and node.articles > namesake.articles)
    )


def _initials(label: str) -> str:
    skip = {"of", "the", "and", "for", "&", "de", "in", "on"}
    return "".join(
        w[0] for w in label.replace("-", " ").split() if w[0].isupper() and w not in skip
    )


def entry_iri(entry: GazetteerEntry) -> str:
    """The IRI an actor resolved from a gazetteer or dictionary entry gets."""
    if entry.iri:
        return entry.iri
    iso = entry.iso_code if entry.type in ("Country", "Territory") else None
    return actor_iri(label=entry.label, type=entry.type, iso_code=iso)


def fixed_iris(entries: Iterable[GazetteerEntry]) -> set[str]:
    """The IRIs of the given entries (they are never merged into another actor)."""
    return {entry_iri(entry) for entry in entries}
