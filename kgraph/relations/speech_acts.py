"""What a speaker does by saying it: denying, demanding, begging, disparaging.

Each rule reads one sentence for a construction in which what is said is itself
the act: "there was no interference" denies it, "Turkey must withdraw" demands it
(CAMEO's "demand"), "Please, Carrie Lam, please go" requests it, "Trump is a bully"
criticizes him. The speaker comes from ``kgraph.relations.speakers``; each function
takes the extractor (``kgraph.relations.extract``) for the sentence's tokens, its
actor resolution and ``make``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kgraph.model import Actor, Relation
from kgraph.relations import speakers, syntax
from kgraph.relations.cues import topic_actor
from kgraph.relations.structure import country_named

if TYPE_CHECKING:
    from kgraph.relations.extract import _ArticleExtractor

#: Claims a speaker can deny by saying there was "no ..." of them.
_DENIABLE = frozenset(
    {
        "interference", "involvement", "meddling", "wrongdoing", "link", "connection", "role",
        "responsibility", "collusion", "plan", "intention", "basis", "fraud",
    }
)  # fmt: skip
#: Auxiliaries of obligation: "They must watch over the fighters".
_DEONTIC_AUX = frozenset({"must", "should", "ought"})
#: Subjects an obligation is no demand on someone else for.
_SELF_OR_ADDRESSEE = frozenset({"i", "we", "you", "one", "everyone", "everybody", "nobody"})
#: Actors a speaker can demand something of by "they" or "it".
_OBLIGED_TYPES = frozenset(
    {"Country", "Territory", "GovernmentBody", "InternationalOrganization", "Alliance",
     "PoliticalParty", "ArmedGroup"}
)  # fmt: skip
#: Verbs that give their object a name: "named X as terrorists", "labelled X a threat".
_LABELLING_VERBS = frozenset(
    {"name", "designate", "label", "brand", "describe", "list", "declare", "characterize",
     "characterise", "call", "denounce", "condemn", "regard", "see", "view", "consider"}
)  # fmt: skip
#: What one does, for which the doer is criticized: "called Trump's conduct a disgrace".
_CONDUCT_NOUNS = frozenset(
    {"conduct", "action", "behaviour", "behavior", "remark", "comment", "statement", "decision",
     "policy", "move", "handling", "response", "actions", "words"}
)  # fmt: skip


def denials(extractor: _ArticleExtractor, sent: Span, inside_quote: bool) -> Iterator[Relation]:
    """A speaker saying there was "no interference" denies the interference."""
    for token in extractor.tokens:
        if token.lemma_.lower() not in _DENIABLE or token.pos_ != "NOUN":
            continue
        if token.dep_ in ("nsubj", "nsubjpass") and not syntax.negated_here(token):
            continue  # "Biden's plan is not a solution": said of the plan, not denying it
        negated = any(syntax.negated_here(head) for head in list(syntax.governing_chain(token))[:4])
        speaker = speakers.speaker(extractor, token, inside_quote)
        if not negated or speaker is None:
            continue
        holders = [extractor.actor(t)[0] for t in syntax.clause_subjects(token.head)]
        own = {speaker.id} | extractor.belongs_to.get(speaker.id, set())
        if any(h is not None and h.id not in own for h in holders):
            continue  # "Biden argued that Trump had no plan": a charge, not a denial
        topic = topic_actor(token, extractor.tokens)
        if topic is not None:
            relation = extractor.make(
                subject=speaker, relation="denies", obj=topic, token=token, confidence=0.75,
                cue="no " + token.lemma_, inside_quote=inside_quote, negated=False,
                hypothetical=False,
            )  # fmt: skip
            if relation is not None:
                yield relation


def obligations(extractor: _ArticleExtractor, sent: Span, inside_quote: bool) -> Iterator[Relation]:
    """ "Turkey must withdraw", "They need to stand by us": a speaker who says what a state
    or body must do demands it of them (CAMEO's "demand"). Only in quoted or reported
    speech, where someone says it; never of oneself ("we must") or of people."""
    for verb in extractor.tokens:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ == "be" or not _obliged(verb):
            continue  # "the US should be at the lead": a view, not a demand
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 1 or subjects[0].lower_ in _SELF_OR_ADDRESSEE:
            continue
        subject = subjects[0]
        if subject.lower_ == "they":
            obliged = _body_named_before(extractor, subject)
        else:
            obliged = extractor.index.actor_of_phrase(subject)
        if obliged is None or obliged.type in ("Person", "Topic"):
            continue
        if syntax.supposed(verb):
            continue  # "if they must leave", "Must they leave?"
        speaker = speakers.speaker(extractor, verb, inside_quote, own_words=True)
        if (
            speaker is None
            or speaker.id == obliged.id
            or speaker.type == "Media"
            or obliged.id in extractor.belongs_to.get(speaker.id, ())
        ):
            continue  # "we must get Brexit done, the UK must come out": one's own state
        relation = extractor.make(
            subject=speaker, relation="requests", obj=obliged, token=verb,
            confidence=0.6, cue="must", inside_quote=inside_quote,
            negated=False, hypothetical=False, attribute=False,
        )  # fmt: skip
        if relation is not None:
            yield relation


def _obliged(verb: Token) -> bool:
    """Whether the clause says its subject must do something: "must"/"should"/"ought to" on
    the verb, or "need to"/"have to" heading it."""
    if any(c.dep_ == "aux" and c.lower_ in _DEONTIC_AUX for c in verb.children):
        return True
    return verb.lemma_ in ("need", "have") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _body_named_before(extractor: _ArticleExtractor, pronoun: Token) -> Actor | None:
    """What "they" stands for: the state or body named last before it, in its sentence or
    the one before, if no person and no other group ("the protesters") came in between."""
    sent = pronoun.sent
    start = sent.start_char
    if sent.start > 0:
        start = extractor.doc[sent.start - 1].sent.start_char
    window = extractor.doc.char_span(start, pronoun.idx, alignment_mode="expand")
    if window is None or any(
        t.tag_ in ("NNS", "NNPS")
        and t.dep_ in ("nsubj", "nsubjpass", "dobj")
        and extractor.index.actor_at(t) is None
        for t in window
    ):
        return None  # "The protesters gathered ... They must ...": the protesters
    for mention in reversed(extractor.index.mentions_between(start, pronoun.idx)):
        if mention.actor.type == "Person":
            return None
        root = extractor.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if root is None:
            continue
        if mention.actor.type not in _OBLIGED_TYPES:
            # "the Economy of Turkey", which the NER takes for one organisation's name
            inside = [c for t in root if (c := country_named(t)) is not None]
            if inside:
                return inside[-1]
            continue
        if (
            root.root.dep_ == "amod"
            and extractor.index.actor_at(root.root.head) is not mention.actor
        ):
            continue  # "the British tanker": a tanker, not Britain
        return mention.actor
    return None


def pleas(extractor: _ArticleExtractor, sent: Span, inside_quote: bool) -> Iterator[Relation]:
    """ "Please, Carrie Lam, please go": a speaker begging someone named requests them."""
    begs = [t for t in extractor.tokens if t.lower_ == "please" and t.pos_ == "INTJ"]
    # An imperative the "please" belongs to: a bare verb with no subject.
    verbs = {b.head.i: b.head for b in begs if b.head.tag_ == "VB"}
    for root in verbs.values():
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            continue
        yield from _plea(extractor, root, {b.i for b in begs}, inside_quote)


def _plea(
    extractor: _ArticleExtractor, root: Token, begs: set[int], inside_quote: bool
) -> Iterator[Relation]:
    speaker = speakers.speaker(extractor, root, inside_quote)
    if speaker is None:
        return
    # The one addressed: a name the parser hangs on "please", or set off before the verb.
    addressed = [
        t
        for t in extractor.tokens
        if t.i < root.i
        and (t.head.i in begs or (t.head.i == root.i and t.dep_ in ("npadvmod", "dep")))
    ]
    for token in addressed:
        addressee = extractor.index.actor_at(token)
        if addressee is None or addressee.type == "Topic":
            continue
        relation = extractor.make(
            subject=speaker, relation="requests", obj=addressee, token=root,
            confidence=0.7, cue="please", inside_quote=inside_quote,
            negated=False, hypothetical=False, attribute=False,
        )  # fmt: skip
        if relation is not None:
            yield relation


def disparagements(
    extractor: _ArticleExtractor, sent: Span, inside_quote: bool
) -> Iterator[Relation]:
    """A speaker calling someone a liar or a bully criticizes them.

    "Unfortunately, Trump is behaving like a bully boy," Erdoğan said. The word must
    be the predicate of what is said of the target (a copula's complement, "behave
    like ...", "called X a liar", "named X as terrorists"), and somebody must be
    saying it: a speaker, or the one who calls or names. Words of wrongdoing accuse:
    "Pelosi called Trump's conduct a breach of his responsibilities" accuses Trump,
    whose conduct it is.
    """
    for token in extractor.tokens:
        relation_name = extractor.lexicon.disparaging.get(token.lemma_.lower())
        if relation_name is None:
            continue
        # "a terrorist organisation", "a bully boy": the phrase's head stands for it.
        word = token.head if token.dep_ in ("compound", "amod") else token
        critics: list[Token] = []
        if word.dep_ in ("attr", "acomp") and word.head.lemma_ in (
            "be",
            "seem",
            "remain",
            "become",
        ):
            described = syntax.clause_subjects(word.head)
        elif word.dep_ == "pobj" and word.head.lower_ == "like":
            described = syntax.clause_subjects(word.head.head)  # "behaving like a bully"
        elif word.dep_ == "oprd":
            described = syntax.direct_objects(word.head)  # "called Trump a liar"
            critics = syntax.clause_subjects(word.head)
        elif (
            word.dep_ == "appos"
            and word.head.dep_ == "dobj"
            and word.head.head.lemma_.lower() in _LABELLING_VERBS
        ):
            described = [word.head]  # the same, parsed as an apposition to the object
            critics = syntax.clause_subjects(word.head.head)
        elif (
            word.dep_ == "pobj"
            and word.head.lower_ == "as"
            and word.head.head.lemma_.lower() in _LABELLING_VERBS
        ):
            verb = word.head.head  # "named the PKK and the YPG as terrorists"
            described = syntax.direct_objects(verb)
            critics = syntax.clause_subjects(verb)
        else:
            continue
        critic = next(filter(None, (extractor.actor(c)[0] for c in critics)), None)
        critic = critic or speakers.speaker(extractor, token, inside_quote)
        if critic is None or critic.type == "Topic":
            continue
        for target_token in described:
            target, factor = _described(extractor, target_token)
            if target is None:
                continue
            relation = extractor.make(
                subject=critic, relation=relation_name, obj=target, token=token,
                confidence=0.6 * factor, cue=token.lemma_.lower(), inside_quote=inside_quote,
                attribute=False,
            )  # fmt: skip
            if relation is not None:
                yield relation


def _described(extractor: _ArticleExtractor, token: Token) -> tuple[Actor | None, float]:
    """What a disparaging word is said of: an actor, whose conduct it is, or a topic."""
    target, factor = extractor.actor(token)
    if target is not None:
        return target, factor
    if token.lemma_.lower() in _CONDUCT_NOUNS:
        for owner in (c for c in token.children if c.dep_ == "poss"):
            actor, owner_factor = extractor.actor(owner)
            if actor is not None:
                return actor, 0.9 * owner_factor  # "Trump's conduct"
    if token.lower_ in ("it", "this", "that"):
        return None, 0.0
    return topic_actor(token, extractor.tokens), 0.8
