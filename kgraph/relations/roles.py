"""Role relations from titles: "Turkish President X", "X, the Kremlin spokesman", "X of Y".

A title before a name, in an apposition, or "of"-attached after the name
gives ``leader-of`` / ``member-of`` / ``spokesperson-for`` / ``candidate-for``
(by ``data/titles.tsv``) towards the actor that the title's words name.
A former office-holder ("former President X", "then-minister X") holds no office.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kgraph.actors.descriptions import ORG_NOUNS, described_organisation
from kgraph.actors.gazetteer import GazetteerEntry, load_gazetteer
from kgraph.actors.registry import entry_iri
from kgraph.actors.resolve import ActorIndex
from kgraph.iris import actor_iri
from kgraph.model import Actor, Mention
from kgraph.relations.lexicon import Affiliation, Lexicon, load_lexicon

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
_WINDOW = 7
#: Offices of cities, regions and chambers, which no country holds as such: "the mayor of
#: London" is London's, "US Speaker Pelosi" presides over the House.
_LOCAL_TITLES = frozenset(
    {"mayor", "lord mayor", "governor", "chief constable", "police director", "speaker"}
)
#: What a candidate can stand for: a party's nomination, a seat, an office of a state.
_ELECTING = frozenset({"PoliticalParty", "Alliance", "GovernmentBody"})
#: Titles that, right after a party word, lead the party itself.
_PARTY_OFFICES = frozenset({"leader", "party leader", "chairman", "chairwoman", "chairperson"})
#: Verbs that give someone an office named after "as": "elected as leader".
ROLE_VERBS = frozenset(
    {"elect", "appoint", "name", "choose", "select", "nominate", "install", "swear", "confirm",
     "reelect", "re-elect", "designate", "succeed", "replace"}
)  # fmt: skip


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


def _find_title(tokens: list[Token], lexicon: Lexicon) -> tuple[str, set[int]] | None:
    """The longest title the tokens contain, and the token positions it covers.

    Hyphens and brackets are ignored, so "Secretary-General" and "secretary general" match alike;
    of two titles of one length, the one nearer the name (further right) wins.
    """
    normalised = lexicon.titles_as_read
    words = [
        (_singular(t.lower_, lexicon.title_words), t.i)
        for t in tokens
        if t.text not in ("(", ")", "-", "–")
    ]
    longest = lexicon.longest_title
    for length in range(min(longest, len(words)), 0, -1):
        for start in range(len(words) - length, -1, -1):
            part = words[start : start + length]
            title = normalised.get(" ".join(w for w, _ in part).replace("-", " "))
            if title is not None:
                return title, {i for _, i in part}
    return None


def _singular(word: str, title_words: AbstractSet[str]) -> str:
    """ "representatives" → "representative" when that is a title word ("Two Representatives")."""
    if word not in title_words and word.endswith("s") and word[:-1] in title_words:
        return word[:-1]
    return word


def _modifies_another_noun(covered: set[int], window: list[Token], index: ActorIndex) -> bool:
    """Whether a common noun that names no actor follows the title before the name."""
    return any(
        t.i > max(covered) and t.pos_ == "NOUN" and index.actor_at(t) is None for t in window
    )


def _run_for_by_another(title_start: int, sent: Span, index: ActorIndex) -> bool:
    """Whether "for" and a person's name come right before the title: "a ticket of Stein for
    president and Baraka": the office Stein runs for, not Baraka's title."""
    if title_start - 2 < sent.start or sent.doc[title_start - 1].lower_ != "for":
        return False
    before = index.actor_at(sent.doc[title_start - 2])
    return before is not None and before.type == "Person"


def _left_window(mention_start: int, sent: Span, index: ActorIndex) -> list[Token]:
    tokens: list[Token] = []
    i = mention_start - 1
    while i >= sent.start and len(tokens) < _WINDOW:
        token = sent.doc[i]
        actor = index.actor_at(token)
        if (actor is not None and actor.type == "Person") or token.pos_ in ("VERB", "AUX"):
            break
        if token.is_punct and token.text not in ("(", "-", "–"):
            break
        if (
            token.lower_ == "from"
            and not tokens
            and i > sent.start
            and sent.doc[i - 1].lower_ in load_lexicon().title_words
        ):
            i -= 1  # "Senator from Vermont Bernie Sanders": the title before his home state
            continue
        if token.pos_ == "ADP" and token.lower_ not in ("of", "for"):
            break  # "nominated to the Supreme Court by President Ford": the court is not his
        tokens.insert(0, token)
        i -= 1
    return tokens


def _organisations(tokens: list[Token], index: ActorIndex, person: Actor | None) -> list[Actor]:
    found: dict[str, Actor] = {}
    for token in tokens:
        actor = index.actor_at(token)
        if actor is None and token.dep_ == "compound" and token.lower_ in ORG_NOUNS:
            # "Republican committee member Doug Collins": the one committee named before.
            actor = described_organisation(token, index)
        if actor is not None and actor.type not in ("Person", "Topic") and actor != person:
            found.setdefault(actor.id, actor)
    return list(found.values())


def _of_objects(head: Token, index: ActorIndex) -> list[Actor]:
    actors = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    actor = index.actor_of_phrase(obj)
                    # "X of Georgia" after a name is a home state or constituency, not an office.
                    if actor is not None and actor.type not in ("Person", "Territory"):
                        actors.append(actor)
    return actors


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
        window = _left_window(span.start, sent, index)
        found = _find_title(window, lexicon)
        former = any(t.lower_.rstrip("-") in FORMER or t.lower_.startswith("ex-") for t in window)
        if found and _modifies_another_noun(found[1], window, index):
            found = None  # "the head chef Andrea Zamperoni": "head" describes the chef
        if found and _run_for_by_another(min(found[1]), sent, index):
            found = None  # "X for president and Y for vice president": offices run for
        if found and not former:
            title, covered = found
            # "US Special Representative for Iran X": the organisation before the title holds
            # the office.
            before = [t for t in window if t.i < min(covered)]
            after = [t for t in window if t.i > max(covered)]
            # The organisation nearest the title holds the office: "Republican Senate Majority
            # Leader" leads the Senate (the party word is a membership, read below).
            organisations = _organisations(before, index, person)[-1:] or _organisations(
                after, index, person
            )
            affiliations = list(
                _affiliations(window, title, covered, person, article, 0.85, bool(organisations))
            )
            if not organisations and not affiliations:
                # "Senator X of Georgia" names a legislator's home state, not an office.
                organisations = _of_objects(head, index)
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


def _title_phrases(head: Token, index: ActorIndex) -> list[Token]:
    """Heads of the noun phrases in apposition to a name, on either side.

    "X, the Kremlin spokesman"; "the Kremlin spokesman, X"; and for a list of names,
    "Two Democratic Representatives, X and Y", which the parser often reads as coordination.
    """
    phrases = [c for c in head.children if c.dep_ == "appos"]
    first = head
    while first.dep_ == "conj" and index.actor_at(first.head) is not None:
        if index.actor_at(first.head).type != "Person":  # type: ignore[union-attr]
            break
        first = first.head
    governor = first.head
    listed = first.dep_ == "conj" and any(
        t.text == "," for t in governor.doc[governor.i + 1 : first.i]
    )
    if (
        governor.pos_ in ("NOUN", "PROPN")
        and index.actor_at(governor) is None
        and (first.dep_ == "appos" or listed)
    ):
        phrases.append(governor)
    phrases += _title_before_comma(head, index)
    for clause in head.children:
        # "X, who succeeded him as Foreign Secretary"
        if clause.dep_ == "relcl" and clause.lemma_.lower() in ROLE_VERBS:
            phrases += _as_phrases(clause)
    verb = head.head
    if head.dep_ == "nsubj":
        # "A member of the Tunisian Parliament, Samir Dilou said": the parser made the title
        # phrase the root (the speaker's verb a parenthetical) or a second subject.
        candidates = [verb.head] if verb.dep_ == "parataxis" else []
        candidates += [c for c in verb.children if c.dep_ == "nsubj" and c.i < head.i]
        phrases += [
            c
            for c in candidates
            if c.pos_ in ("NOUN", "PROPN")
            and c.i < head.i
            and index.actor_at(c) is None
            and any(t.text == "," for t in head.doc[c.i : head.i])
        ]
    if head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be":
        # "X is a leading candidate for the Democratic nomination"
        phrases += [c for c in verb.children if c.dep_ == "attr"]
    if head.dep_ == "attr" and verb.lemma_ == "be":
        # "the Syrian Army, whose commander-in-chief is X"; "the party's leader is X"
        phrases += [
            c
            for c in verb.children
            if c.dep_ == "nsubj" and c.pos_ == "NOUN" and index.actor_at(c) is None
        ]
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.lemma_.lower() in ROLE_VERBS:
        # "X was elected as the new Conservative leader"
        phrases += _as_phrases(verb)
    return phrases


def _title_before_comma(head: Token, index: ActorIndex) -> list[Token]:
    """ "the prosecutor general of Tehran, Ali Alghasi Mehr": the parser hangs the name on
    the nearest noun (Tehran); the title phrase is the one whose "of" phrase ends there.
    """
    first = head.left_edge
    if first.i < 2 or head.doc[first.i - 1].text != ",":
        return []
    node = head.doc[first.i - 2]
    while node.dep_ in ("pobj", "prep", "compound", "amod") and node.head.i < first.i:
        node = node.head
        if node.pos_ == "NOUN" and index.actor_at(node) is None:
            return [node]
    return []


def _as_phrases(verb: Token) -> list[Token]:
    return [
        obj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _appositions(head: Token, person: Actor, article: _Article) -> Iterator[Role]:
    """ "X, the Kremlin spokesman" and "the Kremlin spokesman, X"."""
    index, lexicon = article.index, article.lexicon
    phrases = _title_phrases(head, index)
    person_tokens = {t.i for t in head.subtree}
    for phrase in phrases:
        other = index.actor_at(phrase)
        if other is not None and other.type == "Person":
            continue  # "Trump and Turkish President Erdoğan" read as apposition: another's title
        subtree = list(phrase.subtree)
        if phrase.i < head.i:  # reverse apposition: the person is inside the title's phrase
            end = _hyphenated_end(phrase)
            subtree = [t for t in subtree if t.i not in person_tokens and t.i <= end]
        if any(t.lower_ in FORMER for t in subtree):
            continue
        found = _find_title([t for t in subtree if t.i <= _hyphenated_end(phrase)], lexicon)
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
        organisations = _organisations(before, index, person)[-1:] or _organisations(
            after, index, person
        )
        organisations += _of_objects(phrase, index) + _whose(phrase, index)
        affiliations = list(
            _affiliations(subtree, title, covered, person, article, 0.8, bool(organisations))
        )
        organisations = _besides_the_chamber(organisations, affiliations)
        if organisations or not _names_a_state(affiliations):
            yield from _with_default(person, title, organisations, article, 0.85)
        yield from affiliations


def _hyphenated_end(word: Token) -> int:
    """Where a hyphenated compound the word starts ends: "commander-in-chief"."""
    doc, end = word.doc, word.i
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end + 1].whitespace_:
        end += 2
    return end


def _whose(phrase: Token, index: ActorIndex) -> list[Actor]:
    """ "the Syrian Army, whose commander-in-chief is X": the title is the army's."""
    clause = phrase.head
    if clause.dep_ != "relcl" or not any(
        c.dep_ == "poss" and c.lower_ == "whose" for c in phrase.children
    ):
        return []
    owner = index.actor_of_phrase(clause.head)
    return [owner] if owner is not None and owner.type not in ("Person", "Topic") else []


def _affiliations(
    tokens: list[Token], title: str, covered: set[int], person: Actor, article: _Article,
    confidence: float, office_elsewhere: bool = False,
) -> Iterator[Role]:  # fmt: skip
    """Party and chamber memberships a title phrase gives: "Republican senator X", "Tory MP X".

    ``office_elsewhere``: the title already names what it heads ("the Democratic chairman of
    the Intelligence Committee"), so a party word before it is a membership only.
    """
    lexicon, index = article.lexicon, article.index
    named = [a for a in _organisations(tokens, index, person) if a.iso_code]
    relation = lexicon.titles[title]
    words = _words(tokens, set(title.split()))
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
            affiliation = _in_country(usable, named, article.countries)
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
        organisation = _affiliation_actor(affiliation, index)
        if organisation.id != person.id:
            yield Role(person, role_relation, organisation, confidence, affiliation.word)


def party_of_words(
    tokens: Sequence[Token], index: ActorIndex, lexicon: Lexicon, countries: Sequence[Actor]
) -> Actor | None:
    """The party a party word among the tokens names ("Democratic", "pro-democracy"), if any."""
    named = [a for a in _organisations(list(tokens), index, None) if a.iso_code]
    words = _words(sorted(tokens, key=lambda t: t.i))
    for length in (3, 2, 1):
        for start in range(len(words) - length + 1):
            phrase = " ".join(w for w, _ in words[start : start + length])
            candidates = [a for a in lexicon.affiliations.get(phrase, ()) if a.kind == "party"]
            affiliation = _in_country(candidates, named, countries)
            if affiliation is not None:
                return _affiliation_actor(affiliation, index)
    return None


def _words(
    tokens: Sequence[Token], title_words: set[str] | frozenset[str] = frozenset()
) -> list[tuple[str, int]]:
    """Lowercase words and their positions, without hyphens and brackets ("pro beijing")."""
    return [
        (_singular(t.lower_, title_words), t.i)
        for t in tokens
        if t.text not in ("(", ")", "-", "–", ",")
    ]


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


def country_actor(iso_code: str) -> Actor:
    """The actor of a country the gazetteer knows, by ISO 3166 code."""
    return _gazetteer_actor(load_gazetteer().by_key(iso_code))


def _gazetteer_actor(entry: GazetteerEntry) -> Actor:
    """The same actor resolution makes of a gazetteer entry: same IRI, Wikidata id, ISO code."""
    return Actor(
        id=entry_iri(entry),
        label=entry.label,
        type=entry.type,
        names=(entry.label,),
        iso_code=entry.iso_code if entry.type in ("Country", "Territory") else None,
        wikidata=entry.wikidata,
    )


def _in_country(
    candidates: Sequence[Affiliation], named: Sequence[Actor], countries: Sequence[Actor]
) -> Affiliation | None:
    """The candidate of a country the phrase names, else of the article's most mentioned country."""
    for ranked in (named, countries):
        for country in ranked:
            for candidate in candidates:
                if candidate.country == country.iso_code:
                    return candidate
    return None


def _affiliation_actor(affiliation: Affiliation, index: ActorIndex) -> Actor:
    """The article's own actor for a party or chamber when it names it, else a new one."""
    if affiliation.type == "Country":
        for actor in index.actors():
            if actor.iso_code == affiliation.country:
                return actor
        return country_actor(affiliation.country)
    wanted = affiliation.name.casefold()
    for actor in index.actors():
        if actor.type != "Person" and wanted in (n.casefold() for n in (actor.label, *actor.names)):
            return actor
    found = load_gazetteer().lookup(affiliation.name)
    if found is not None and found[0].part_of in (affiliation.country, None):
        return _gazetteer_actor(found[0])  # "Democratic Party": the gazetteer's, with Q29552
    return Actor(
        id=actor_iri(label=affiliation.name, type=affiliation.type),
        label=affiliation.name,
        type=affiliation.type,
        names=(affiliation.name,),
    )


def _of_party(head: Token, person: Actor, sent: Span, article: _Article) -> Iterator[Role]:
    """ "X of the Y Party", "X from the pro-Beijing camp": a member, or a candidate when the
    sentence is about an election; "the BBC's X": a member of the organisation."""
    index = article.index
    election = any(t.lower_ in ELECTION_WORDS for t in sent)
    parties = [a for a in _of_objects(head, index) if a.type in ("PoliticalParty", "Alliance")]
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
