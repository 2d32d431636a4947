"""Who speaks: the speaker of reported and quoted speech, and who a pronoun stands for.

News attributes what it reports: "..., Erdoğan said", "according to the Kremlin",
"Tanya Chan spoke to the press: "..."", and a quotation running on over several
paragraphs with no new speaker named. The functions here read that from one
sentence and from what the article extractor remembers of the sentences before it
(the last speaker, the speaker of the quotation running now, the person the last
sentence was about), and they resolve the pronouns that lean on it: "he", "she",
"it"/"they" reporting a clause, "we", and "the president" in a speaker's mouth.

Each function takes the extractor (``kgraph.relations.extract``) whose state it reads
or updates; the extractor calls them, never the other way round at import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kgraph.model import Actor
from kgraph.relations import syntax
from kgraph.relations.gender import pronoun_fits
from kgraph.relations.roles import Role

if TYPE_CHECKING:
    from kgraph.relations.extract import _ArticleExtractor

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
FIRST_PERSON = frozenset({"i", "me"})
_REPORTING_PRONOUNS = frozenset({"he", "she", "it", "they"})
#: Quotation marks, straight and curly: an odd number before a token opens a quotation.
QUOTES = re.compile(r"[\"“”]")


def speaker(
    extractor: _ArticleExtractor, token: Token, inside_quote: bool, *, own_words: bool = False
) -> Actor | None:
    """Who a relation at the token is attributed to: the subject of a speech verb over it,
    an "according to" source, a colon's speaker, or the speaker of the quotation it is in.

    With ``own_words``, who says the clause in their own words (a demand, a "we"): not a
    source it is "according to", and not the last quotation's speaker for a quotation this
    sentence opens, whose speaker is named here if at all.
    """
    verb = syntax.speech_verb(token)
    if verb is not None:
        return speaker_of(extractor, verb)
    if not own_words:
        for source in syntax.according_to(token):
            actor, _ = extractor.actor(source)
            if actor is not None:
                return actor
    introducing = quoted_by_colon(extractor, token)
    if introducing is not None:
        return introducing
    quoted = inside_quote or (not own_words and in_quotation(extractor, token))
    return extractor.quote_speaker if quoted else None


def speaker_of(
    extractor: _ArticleExtractor, verb: Token, *, first_person: bool = True
) -> Actor | None:
    """Who a verb of saying quotes; "he said" is the last named speaker, if there was one."""
    for subject in syntax.clause_subjects(verb):
        last = extractor.last_speaker
        if subject.lower_ in PERSONAL_PRONOUNS and last is not None and last.type == "Person":
            return last
        if subject.lower_ in FIRST_PERSON and not first_person:
            continue
        actor, _ = extractor.actor(subject)
        if actor is not None:
            return actor
    return None


def in_quotation(extractor: _ArticleExtractor, token: Token) -> bool:
    """Whether an odd number of quotation marks precede the token in its paragraph."""
    return len(QUOTES.findall(extractor.text, extractor.paragraph_start, token.idx)) % 2 == 1


def quoted_by_colon(extractor: _ArticleExtractor, token: Token) -> Actor | None:
    """Who speaks a quotation a colon opened before the token in its sentence."""
    return next((actor for mark, actor in extractor.colon_quotes if mark < token.i), None)


def colon_quotes(extractor: _ArticleExtractor) -> list[tuple[int, Actor]]:
    """Where a colon opens a quotation in the sentence, and who speaks it: "Tanya Chan
    spoke to the press: "..."". Any verb does, not only one of saying, when a colon
    and a quotation mark follow it."""
    found: list[tuple[int, Actor]] = []
    for colon, mark, first in zip(
        extractor.tokens, extractor.tokens[1:], extractor.tokens[2:], strict=False
    ):
        if not is_quote_mark(mark) or colon.head.pos_ != "VERB":
            continue
        # "defended his decision, "As I have stated..."": a comma does too, before a
        # quoted sentence.
        if colon.text != ":" and not (colon.text == "," and first.is_title):
            continue
        for subject in syntax.clause_subjects(colon.head):
            # Names and he/she only: "I" would be the speaker of this very quotation.
            actor = extractor.index.actor_of_phrase(subject)
            if actor is None and subject.lower_ in PERSONAL_PRONOUNS:
                actor = pronoun_referent(extractor, subject)
            if actor is not None and actor.type != "Topic":
                found.append((mark.i, actor))
                break
    return found


def update_speaker(extractor: _ArticleExtractor, sent: Span) -> None:
    """After a sentence: its speaker is the last one, and the one a quotation runs on from."""
    if extractor.colon_quotes:
        extractor.last_speaker = extractor.quote_speaker = extractor.colon_quotes[0][1]
    for token in extractor.tokens:
        if token.lemma_.lower() in syntax.SPEECH_VERBS and token.pos_ == "VERB":
            actor = speaker_of(extractor, token)
            if actor is not None:
                extractor.last_speaker = extractor.quote_speaker = actor


def unattributed_quotation(sentences: list[Span]) -> bool:
    """Whether the paragraph the sentences begin is a quotation that names no speaker: one
    more paragraph of the last speaker's words, as news runs a long quotation on."""
    if not sentences or not is_quote_mark(sentences[0][0]):
        return False
    text = sentences[0].doc.text
    for number, sent in enumerate(sentences):
        if number and "\n" in text[sent.start_char - 1 : sent.start_char]:
            break  # the paragraph ended
        if any(
            t.lemma_.lower() in syntax.SPEECH_VERBS
            and t.pos_ == "VERB"
            and any(c.dep_ == "nsubj" for c in t.children)
            for t in sent
        ):
            return False  # "..., she said": attributed (not "the lie being told")
        if any(t.text == ":" for t in sent):
            return False
    return True


def pronoun_referent(extractor: _ArticleExtractor, pronoun: Token) -> Actor | None:
    """Who "he" or "she" is: a person named earlier in the sentence, else the person the
    previous sentence was about (its subject), else the last person named; never one the
    text shows to be of the other gender."""
    sent = pronoun.sent
    earlier = extractor.index.mentions_between(sent.start_char, pronoun.idx)
    named_here = any(m.actor.type == "Person" for m in earlier)
    if not named_here and pronoun_fits(pronoun, extractor.topic_person, extractor.genders):
        return extractor.topic_person
    for mention in reversed(extractor.index.mentions_between(0, pronoun.idx)):
        person = mention.actor if mention.actor.type == "Person" else None
        if mention.end <= pronoun.idx and pronoun_fits(pronoun, person, extractor.genders):
            return person
    return None


def update_topic_person(extractor: _ArticleExtractor, sent: Span) -> None:
    """After a sentence: the person it was about (its first named subject) for "he"/"she"."""
    subjects = [t for t in extractor.tokens if t.dep_ in ("nsubj", "nsubjpass")]
    subjects.sort(key=lambda t: (t.head.i != sent.root.i, t.i))  # the main clause's first
    for subject in subjects:
        # "the chief constable, Nick Adderley, wrote": the name in apposition;
        # "Jorgensen's positions include": the possessor
        named = [subject] + [c for c in subject.children if c.dep_ in ("appos", "poss")]
        for actor in map(extractor.index.actor_at, named):
            if actor is not None and actor.type == "Person":
                extractor.topic_person = actor
                return


def reporter(extractor: _ArticleExtractor, pronoun: Token) -> Actor | None:
    """ "The SDF announced it had entered into an agreement": a pronoun subject of a
    reported clause is the one reporting it, when the two agree (it/they for a body,
    he/she for a person)."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.lower_ not in _REPORTING_PRONOUNS:
        return None
    verb = syntax.speech_verb(pronoun)
    if verb is None:
        return None
    speakers = [
        a for t in syntax.clause_subjects(verb) if (a := extractor.index.actor_of_phrase(t))
    ]
    if len(speakers) != 1:
        return None
    person = speakers[0].type == "Person"
    return speakers[0] if person == (pronoun.lower_ in ("he", "she")) else None


def speakers_body(extractor: _ArticleExtractor, we: Token) -> Actor | None:
    """Who "we" is: the body whose spokesperson or head says it ("We strongly urge Iraqi
    leaders", said the State Department's spokesperson), or a body quoted itself."""
    said_by = speaker(extractor, we, extractor.inside_quote, own_words=True)
    if said_by is None:
        return None
    if said_by.type != "Person":
        return said_by if said_by.type != "Topic" else None
    return extractor.speaks_for.get(said_by.id)


def speakers_officeholder(extractor: _ArticleExtractor, head: Token) -> Actor | None:
    """ "I applaud the president", said by a US senator in an article with two presidents:
    the one who holds that title in the said_by's own state."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    lefts = list(head.lefts)
    if not lefts or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
        return None
    words = " ".join(t.lower_ for t in extractor.doc[lefts[0].i + 1 : head.i + 1])
    title = extractor.lexicon.titles_as_read.get(words)
    if title is None:
        return None
    said_by = speaker(extractor, head, extractor.inside_quote, own_words=True)
    if said_by is None:
        return None
    own = extractor.belongs_to.get(said_by.id, set())
    holders = {
        person.id: person
        for (held, organisation), people in extractor.title_holders.items()
        if held == title and organisation in own
        for person in people
        if person.id != said_by.id
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


def bodies_spoken_for(roles: Iterable[Role]) -> dict[str, Actor]:
    """Person id → the one body the person is spokesperson for, else the one they lead."""
    spoken: dict[str, dict[str, Actor]] = {}
    led: dict[str, dict[str, Actor]] = {}
    for role in roles:
        if role.relation == "spokesperson-for":
            spoken.setdefault(role.person.id, {})[role.organisation.id] = role.organisation
        elif role.relation == "leader-of":
            led.setdefault(role.person.id, {})[role.organisation.id] = role.organisation
    bodies: dict[str, Actor] = {}
    for person in spoken.keys() | led.keys():
        candidates = spoken.get(person) or led.get(person, {})
        if len(candidates) == 1:
            bodies[person] = next(iter(candidates.values()))
    return bodies


def is_quote_mark(token: Token) -> bool:
    """Whether the token is a quotation mark, straight or curly."""
    return token.is_punct and QUOTES.fullmatch(token.text) is not None
