"""Role relations from titles: "Turkish President X", "X, the Kremlin spokesman", "X of Y".

A title before a name, in an apposition, or "of"-attached after the name
gives ``leader-of`` / ``member-of`` / ``spokesperson-for`` / ``candidate-for``
(by ``data/titles.tsv``) towards the actor that the title's words name.
A former office-holder ("former President X", "then-minister X") holds no office.

Where titles are is found by ``titles.py``, which party or chamber a word names by
``affiliations.py``; this module decides the roles they give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kgraph.actors.resolve import ActorIndex
from kgraph.model import Actor, Mention
from kgraph.relations.affiliations import (
    affiliation_actor,
    country_actor,
    in_country,
    lowercase_words,
    party_of_words,
)
from kgraph.relations.lexicon import Affiliation, Lexicon
from kgraph.relations.titles import (
    find_title,
    hyphenated_end,
    left_window,
    modifies_another_noun,
    of_objects,
    organisations_in,
    run_for_by_another,
    title_phrases,
    whose_owner,
)

__all__ = [
    "ELECTION_WORDS",
    "FORMER",
    "Role",
    "country_actor",
    "party_of_words",
    "roles_in_sentence",
]

#: Words that say the office is no longer held.
FORMER = frozenset(
    {"former", "ex", "ex-", "then", "then-", "late", "ousted", "deposed", "exiled", "erstwhile"}
)
#: Words that make a sentence about an election, where "X of <party>" lists a candidate.
ELECTION_WORDS = frozenset(
    {
        "ballot",
        "candidate",
        "candidates",
        "race",
        "election",
        "elections",
        "nominee",
        "primary",
        "runoff",
    }
)


#: Offices of cities, regions and chambers, which no country holds as such: "the mayor of
#: London" is London's, "US Speaker Pelosi" presides over the House.
_LOCAL_TITLES = frozenset(
    {"mayor", "lord mayor", "governor", "chief constable", "police director", "speaker"}
)
#: What a candidate can stand for: a party's nomination, a seat, an office of a state.
_ELECTING = frozenset({"PoliticalParty", "Alliance", "GovernmentBody"})
#: Titles that, right after a party word, lead the party itself.
_PARTY_OFFICES = frozenset({"leader", "party leader", "chairman", "chairwoman", "chairperson"})


@dataclass(frozen=True, slots=True)
class Role:
    """A role found for a person.

    ``default`` marks a state office whose organisation the text does not name
    and that was given to the article's main country.
    """

    person: Actor
    relation: str
    organisation: Actor
    confidence: float
    cue: str
    default: bool = False


@dataclass(frozen=True, slots=True)
class _Article:
    """What the whole article says that a role in one sentence depends on."""

    index: ActorIndex
    lexicon: Lexicon
    main_country: Actor | None
    countries: Sequence[Actor]
    served_states: Mapping[str, Actor]


def roles_in_sentence(
    sent: Span,
    index: ActorIndex,
    lexicon: Lexicon,
    *,
    main_country: Actor | None = None,
    countries: Sequence[Actor] = (),
    past: AbstractSet[int] = frozenset(),
    served_states: Mapping[str, Actor] | None = None,
) -> Iterator[Role]:
    """Every role the sentence gives a person, by title, apposition or "X of Y".

    Args:
        main_country: the country the article is mostly about; a state office with no
            organisation named ("Prime Minister X") is taken to be its office.
        countries: the countries the article names, most mentioned first; they decide
            which country's party a word such as "Conservative" means.
        past: positions of tokens in clauses dated to an earlier time ("in 1905"): the
            titles of people named there are not theirs now.
        served_states: person id → the state whose organ the article names the person in
            ("the Syrian Army, whose commander-in-chief is X"): that person's untitled state
            office ("President X") is that state's.
    """
    article = _Article(index, lexicon, main_country, countries, served_states or {})
    in_sentence = index.mentions_between(sent.start_char, sent.end_char)
    mentions: list[Mention] = [m for m in in_sentence if m.actor.type == "Person"]
    found = list(_titled_roles(sent, mentions, article, past))
    yield from found
    yield from _one_more_of_those_listed(sent, mentions, found)


def _titled_roles(
    sent: Span, mentions: list[Mention], article: _Article, past: AbstractSet[int]
) -> Iterator[Role]:
    index, lexicon = article.index, article.lexicon
    for mention in mentions:
        span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        person, head = mention.actor, span.root
        if head.i in past:
            continue
        window = left_window(span.start, sent, index)
        found = find_title(window, lexicon)
        former = any(t.lower_.rstrip("-") in FORMER or t.lower_.startswith("ex-") for t in window)
        if found and modifies_another_noun(found[1], window, index):
            found = None  # "the head chef Andrea Zamperoni": "head" describes the chef
        if found and run_for_by_another(min(found[1]), sent, index):
            found = None  # "X for president and Y for vice president": offices run for
        if found and not former:
            title, covered = found
            # "US Special Representative for Iran X": the organisation before the title holds
            # the office.
            before = [t for t in window if t.i < min(covered)]
            after = [t for t in window if t.i > max(covered)]
            # The organisation nearest the title holds the office: "Republican Senate Majority
            # Leader" leads the Senate (the party word is a membership, read below).
            organisations = organisations_in(before, index, person)[-1:] or organisations_in(
                after, index, person
            )
            affiliations = list(
                _affiliations(window, title, covered, person, article, 0.85, bool(organisations))
            )
            if not organisations and not affiliations:
                # "Senator X of Georgia" names a legislator's home state, not an office.
                organisations = of_objects(head, index)
            organisations = _besides_the_chamber(organisations, affiliations)
            if organisations or not _names_a_state(affiliations):
                yield from _with_default(person, title, organisations, article, 0.9)
            yield from affiliations
        yield from _appositions(head, person, article)
        if not found:
            yield from _of_party(head, person, sent, article)


def _one_more_of_those_listed(
    sent: Span, mentions: list[Mention], found: list[Role]
) -> Iterator[Role]:
    """ "Two Democratic Representatives, X and Y, opposed it, and a third, Z, voted for it":
    Z is one more of what X and Y are listed as, and holds the roles the list gave them."""
    doc = sent.doc
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "appos":
            continue
        ordinal = span.root.head
        if ordinal.ent_type_ != "ORDINAL" or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in ordinal.children
        ):
            continue
        listed = _listed_before(ordinal, mentions)
        given = {
            (r.relation, r.organisation.id): r
            for r in found
            if r.person.id in listed and r.person.id != mention.actor.id
        }
        for role in given.values():
            yield Role(mention.actor, role.relation, role.organisation, role.confidence * 0.9,
                       role.cue)  # fmt: skip


def _listed_before(ordinal: Token, mentions: list[Mention]) -> set[str]:
    """Ids of the people listed under a counted plural title before an ordinal: "Two
    Democratic Representatives, X and Y"."""
    doc = ordinal.doc
    groups = [
        t
        for t in doc[ordinal.sent.start : ordinal.i]
        if t.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" for c in t.children)
    ]
    listed: set[str] = set()
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start >= ordinal.i:
            continue
        node = span.root
        while node.dep_ in ("conj", "appos") and node.head.i != node.i:
            node = node.head
            if node in groups:
                listed.add(mention.actor.id)
                break
    return listed


def _with_default(
    person: Actor, title: str, organisations: list[Actor], article: _Article, confidence: float
) -> Iterator[Role]:
    """Roles towards the organisations named, else the article's state for a state office."""
    lexicon = article.lexicon
    if not organisations and title in lexicon.state_titles:
        served = article.served_states.get(person.id)
        if served is not None and lexicon.has_office(served.iso_code, title):
            yield Role(person, lexicon.titles[title], served, confidence * 0.8, title)
            return
        state = _state_of_office(title, article)
        if state is not None:
            yield Role(person, lexicon.titles[title], state, confidence * 0.7, title, default=True)
        return
    relation = lexicon.titles[title]
    for organisation in {a.id: a for a in organisations}.values():
        if title in _LOCAL_TITLES and organisation.type == "Country":
            continue  # "the mayor of London": a city's office, though London stands for the UK
        if relation == "candidate-for" and organisation.type not in _ELECTING:
            continue  # "a PhD candidate at the University of Florida"
        yield Role(person, relation, organisation, confidence, title)


def _state_of_office(title: str, article: _Article) -> Actor | None:
    """The state whose office a state title with no organisation named is.

    The country the article is mostly about, if it has such an office. Else, when a
    country the article names lacks the office, the one named at least twice that has
    it: in an article about the United States and the United Kingdom, "Prime Minister X"
    can only be the British one, "President Y" only the American.
    """
    lexicon, main = article.lexicon, article.main_country
    if main is not None and lexicon.has_office(main.iso_code, title):
        return main
    lacking = main is not None or any(
        not lexicon.has_office(c.iso_code, title) for c in article.countries
    )
    if not lacking:
        return None  # no country dominates, and any of them could hold the office
    mentions = Counter(m.actor.id for m in article.index.mentions)
    holders = [
        country
        for country in article.countries
        if country.type == "Country"
        and mentions[country.id] >= 2
        and lexicon.has_office(country.iso_code, title)
    ]
    return holders[0] if len(holders) == 1 else None


def _appositions(head: Token, person: Actor, article: _Article) -> Iterator[Role]:
    """ "X, the Kremlin spokesman" and "the Kremlin spokesman, X"."""
    index, lexicon = article.index, article.lexicon
    phrases = title_phrases(head, index)
    person_tokens = {t.i for t in head.subtree}
    for phrase in phrases:
        other = index.actor_at(phrase)
        if other is not None and other.type == "Person":
            continue  # "Trump and Turkish President Erdoğan" read as apposition: another's title
        subtree = list(phrase.subtree)
        if phrase.i < head.i:  # reverse apposition: the person is inside the title's phrase
            end = hyphenated_end(phrase)
            subtree = [t for t in subtree if t.i not in person_tokens and t.i <= end]
        if any(t.lower_ in FORMER for t in subtree):
            continue
        found = find_title([t for t in subtree if t.i <= hyphenated_end(phrase)], lexicon)
        if found is None or phrase.i not in found[1]:
            continue  # the title must head the phrase: not "the head chef of a restaurant"
        title, covered = found
        plural = phrase.tag_ in ("NNS", "NNPS")
        one_of_several = plural or any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in phrase.children
        )
        heads_a_state = title in lexicon.state_titles and lexicon.titles[title] == "leader-of"
        if one_of_several and heads_a_state:
            # A state has one head at a time: "two presidents, X and Y", "a third president,
            # Richard Nixon" were past ones.
            continue
        before = [t for t in subtree if t.i < min(covered)]
        after = [t for t in subtree if t.i > max(covered)]
        organisations = organisations_in(before, index, person)[-1:] or organisations_in(
            after, index, person
        )
        organisations += of_objects(phrase, index) + whose_owner(phrase, index)
        affiliations = list(
            _affiliations(subtree, title, covered, person, article, 0.8, bool(organisations))
        )
        organisations = _besides_the_chamber(organisations, affiliations)
        if organisations or not _names_a_state(affiliations):
            yield from _with_default(person, title, organisations, article, 0.85)
        yield from affiliations


def _affiliations(
    tokens: list[Token], title: str, covered: set[int], person: Actor, article: _Article,
    confidence: float, office_elsewhere: bool = False,
) -> Iterator[Role]:  # fmt: skip
    """Party and chamber memberships a title phrase gives: "Republican senator X", "Tory MP X".

    ``office_elsewhere``: the title already names what it heads ("the Democratic chairman of
    the Intelligence Committee"), so a party word before it is a membership only.
    """
    lexicon, index = article.lexicon, article.index
    named = [a for a in organisations_in(tokens, index, person) if a.iso_code]
    relation = lexicon.titles[title]
    words = lowercase_words(tokens, set(title.split()))
    found: dict[str, tuple[Affiliation, str]] = {}
    for length in (3, 2, 1):
        for start in range(len(words) - length + 1):
            part = words[start : start + length]
            positions = {i for _, i in part}
            phrase = " ".join(w for w, _ in part)
            candidates = lexicon.affiliations.get(phrase, ())
            is_title = positions == covered or (positions <= covered and phrase == title)
            if is_title and any(w == "state" for w, i in words if i < min(positions)):
                continue  # a "state representative" sits in a state's chamber, not the nation's
            usable = [
                a
                for a in candidates
                if (a.kind in ("chamber", "office") and is_title)
                or (a.kind == "party" and not positions & covered)
            ]
            affiliation = in_country(usable, named, article.countries)
            if affiliation is None or affiliation.name in found:
                continue
            if affiliation.kind == "office":
                role_relation = relation  # "Foreign Secretary X" in an article naming the UK
            elif affiliation.kind == "chamber":
                role_relation = "member-of"
            elif relation == "candidate-for":
                role_relation = relation  # "candidate for the Democratic nomination"
            elif (
                title in _PARTY_OFFICES
                and max(positions) + 1 == min(covered)
                and not office_elsewhere
            ):
                role_relation = (
                    relation  # "the Conservative leader"; a "Democratic mayor" is a member
                )
            else:
                role_relation = "member-of"
            found[affiliation.name] = (affiliation, role_relation)
    for affiliation, role_relation in found.values():
        organisation = affiliation_actor(affiliation, index)
        if organisation.id != person.id:
            yield Role(person, role_relation, organisation, confidence, affiliation.word)


def _besides_the_chamber(organisations: list[Actor], affiliations: Sequence[Role]) -> list[Actor]:
    """ "United States Senator X" sits in the Senate: the state named before the title is
    the chamber's, not a second membership, once the title has made X the chamber's."""
    if not any(
        r.relation == "member-of" and r.organisation.type == "GovernmentBody" for r in affiliations
    ):
        return organisations
    return [o for o in organisations if o.type != "Country"]


def _names_a_state(roles: Sequence[Role]) -> bool:
    return any(role.organisation.type == "Country" for role in roles)


def _of_party(head: Token, person: Actor, sent: Span, article: _Article) -> Iterator[Role]:
    """ "X of the Y Party", "X from the pro-Beijing camp": a member, or a candidate when the
    sentence is about an election; "the BBC's X": a member of the organisation."""
    index = article.index
    election = any(t.lower_ in ELECTION_WORDS for t in sent)
    parties = [a for a in of_objects(head, index) if a.type in ("PoliticalParty", "Alliance")]
    if not parties:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                words = [t for obj in prep.children if obj.dep_ == "pobj" for t in obj.subtree]
                party = party_of_words(words, index, article.lexicon, article.countries)
                parties += [party] if party is not None else []
    for organisation in parties:
        relation = "candidate-for" if election else "member-of"
        yield Role(person, relation, organisation, 0.7, "of")
    for owner in head.children:
        employer = index.actor_at(owner) if owner.dep_ == "poss" else None
        if employer is not None and employer.type not in (
            "Person",
            "Country",
            "Territory",
            "Topic",
        ):
            yield Role(person, "member-of", employer, 0.7, "'s")
