"""Cue words: when one applies, where its arguments are, and what relation it gives.

A cue of ``data/cues.tsv`` is a verb, a noun (in a light-verb or possessive
construction) or a predicate adjective. The functions here decide whether its
extra conditions hold in the dependency tree (``licensed``), find its subjects
(``noun_subjects`` for nouns) and objects (``cue_objects``), pick the relation a
sense-dependent cue gives (``relation_for``), and make a Topic of an object phrase
that names no actor (``topic_actor``). They read only tokens and the article's
``ActorIndex``; the extractor turns what they find into relations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from kgraph.actors.resolve import ActorIndex
from kgraph.iris import topic_iri
from kgraph.model import Actor
from kgraph.relations import syntax
from kgraph.relations.lexicon import Cue
from kgraph.relations.speakers import QUOTES, is_quote_mark

#: Words that make "attack" physical rather than verbal.
_MILITARY = frozenset(
    {
        "troop", "soldier", "army", "military", "missile", "rocket", "bomb", "airstrike", "drone",
        "weapon", "gun", "kill", "wound", "dead", "injure", "militant", "fighter", "artillery",
        "tank", "shell", "explosion", "explosive", "terrorist", "gunman", "raid", "strike", "force",
    }
)  # fmt: skip
#: What can be proposed and so rejected: opposing anything else criticises it.
_PROPOSALS = syntax.PROPOSAL_NOUNS | {
    "measure", "amendment", "article", "impeachment", "nomination", "deal", "agreement",
    "treaty", "accord", "law", "legislation", "referendum", "proceeding", "inquiry",
    "candidacy", "merger", "reform", "ban", "decree", "initiative", "compromise", "sanction",
}  # fmt: skip
#: What can be denied someone, as opposed to a claim denied: refusing it rejects.
_WITHHELD = frozenset(
    {"access", "entry", "visa", "permission", "permit", "bail", "asylum", "request", "application",
     "right", "service", "passage", "licence", "license", "appeal", "waiver", "admission"}
)  # fmt: skip
_SPEAKERS_OWN = frozenset({"my", "your", "our"})
_TOPIC_STOP_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj", "appos", "advcl"})
_LEADING_DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "any",
        "such",
        "these",
        "those",
        "this",
        "that",
        "its",
        "their",
        "his",
        "her",
        "some",
        "all",
    }
)


def cue_pos(token: Token) -> str | None:
    """The part of speech under which the lexicon lists cues a token can be, if any."""
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if token.pos_ == "ADJ":
        return "ADJ"
    return None


def licensed(cue: Cue, token: Token, index: ActorIndex) -> bool:
    """Whether a cue's extra conditions hold (particle, modifiers, complements)."""
    children = list(token.children)
    if cue.particle and not any(c.lower_ == cue.particle for c in children):
        return False
    if cue.prep and not any(c.dep_ == "prep" and c.lower_ == cue.prep for c in children):
        return False
    if cue.needs_xcomp and not any(
        c.dep_ == "xcomp" or (c.dep_ == "ccomp" and not _embedded_question(c)) for c in children
    ):
        return False  # "asked him how the research is linked" is a question, not a request
    if cue.needs_passive and not reads_as_passive(token):
        return False
    if cue.intransitive and any(c.dep_ == "dobj" for c in children):
        return False
    if cue.mods or cue.mod_governors:
        has_mod = any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in cue.mods for c in children
        )
        governed = token.head.lemma_.lower() in cue.mod_governors
        if not (has_mod or governed):
            return False
    if cue.pos == "VERB" and token.lemma_ == "deny" and any(c.dep_ == "dative" for c in children):
        return False  # "denied him a visa" refuses something, it does not deny a claim
    if (
        cue.pos == "VERB"
        and cue.particle is None
        and any(c.dep_ == "prt" and c.lower_ in ("down", "away", "off", "out") for c in children)
    ):
        return False  # "back down", "call off": phrasal verbs of another sense
    if cue.sense == "military":
        # "Caloundra defeated Wynnum" is sport and "workers strike" labour, unless the
        # sentence speaks of arms or troops, or an armed group is fought.
        context = {t.lemma_.lower() for t in token.sent if t.i != token.i}
        armed = any(
            (actor := index.actor_at(t)) is not None and actor.type == "ArmedGroup"
            for t in token.sent
        )
        return bool(context & _MILITARY) or armed
    return True


def cue_objects(cue: Cue, token: Token, passive: bool) -> list[Token]:
    """The heads of a cue's objects, by the slots the lexicon gives it (``dobj``, ``ccomp``,
    ``poss``, ``prep:<word>``); ``passive``: the direct object is the passive subject."""
    found: list[Token] = []
    for slot in cue.objects:
        if slot == "dobj":
            found += syntax.passive_subjects(token) if passive else syntax.direct_objects(token)
        elif slot == "ccomp":
            found += [
                antecedent(subject)
                for clause in token.children
                if clause.dep_ == "ccomp"
                for subject in clause.children
                if subject.dep_ in ("nsubj", "nsubjpass")
            ]
        elif slot == "poss":
            found += [c for c in token.children if c.dep_ == "poss"]
        elif slot.startswith("prep:"):
            found += syntax.prep_objects(token, slot[5:])
            if token.pos_ != "VERB" and token.head.lemma_.lower() in cue.light:
                # "issued warrants for X": the parser often hangs the noun's "for" on the verb.
                found += syntax.prep_objects(token.head, slot[5:])
    if not found and cue.relation == "requests" and token.dep_ == "advcl" and token.tag_ == "VBG":
        # "wrote to the US Embassy asking to waive her immunity": asked of whom it went to
        found = syntax.prep_objects(token.head, "to")
    # "warrants for 36 people, including Trump": the named members of a group are objects too.
    return found + [t for obj in found for t in syntax.prep_objects(obj, "including")]


def noun_subjects(cue: Cue, noun: Token, index: ActorIndex) -> list[Token] | None:
    """Who acts in a noun cue: the light verb's subject, a possessor, or a "by" agent."""
    possessors = [c for c in noun.children if c.dep_ == "poss" and "poss" not in cue.objects]
    # "US sanctions on Iran", "the Turkish offensive against the SDF": a state or body
    # named before the noun is its actor, as a possessor would be.
    possessors += [
        c
        for c in noun.children
        if c.dep_ in ("compound", "amod", "nmod")
        and c.i < noun.i
        and (actor := index.actor_at(c)) is not None
        and actor.type not in ("Person", "Topic")
    ]
    agents = syntax.prep_objects(noun, "by")
    governor = noun.head
    governed = (
        noun.dep_ in ("dobj", "attr", "pobj", "nsubjpass", "conj", "oprd") and governor.i != noun.i
    )
    if cue.light:
        if governed and governor.lemma_.lower() in cue.light and noun.dep_ != "pobj":
            return syntax.clause_subjects(governor) or syntax.passive_agents(governor)
        verb = governor.head
        if noun.dep_ == "pobj" and governor.dep_ == "prep" and verb.lemma_.lower() in cue.light:
            return syntax.clause_subjects(verb)  # "voted in favour of", "entered into talks"
        return (possessors + agents) or None
    if possessors or agents:
        return possessors + agents
    if governed and noun.dep_ == "attr":
        return syntax.clause_subjects(governor)  # "Turkey is an ally of Russia"
    if governed and noun.dep_ == "dobj" and (cue.mods or cue.mod_governors):
        return syntax.clause_subjects(governor)  # "Iran has good relations with Russia"
    if governed and noun.dep_ == "oprd":
        return syntax.direct_objects(governor)  # "called the US an enemy of Islam"
    # "Iraq condemned the killing of Soleimani": whoever governs the noun did not kill.
    return None


def relation_for(cue: Cue, token: Token, subject: Actor, object_token: Token) -> str:
    """The relation a cue gives, for cues whose sense depends on the object or sentence."""
    if cue.sense == "claim" and object_token.lemma_.lower() in _WITHHELD:
        return "rejects"  # "denied him a visa", "denying ballot access": refused, not denied
    if cue.sense == "proposal":
        # "opposed the bill" rejects it; "opposed the withdrawal" criticises what was done.
        proposed = object_token.lemma_.lower() in _PROPOSALS
        return cue.relation if proposed else "criticizes"
    if cue.sense != "attack":
        return cue.relation
    lemmas = {t.lemma_.lower() for t in token.sent}
    physical = bool(lemmas & _MILITARY) or subject.type not in ("Person", "PoliticalParty")
    return "attacks" if physical else "criticizes"


def _embedded_question(clause: Token) -> bool:
    """ "(asked) how it is linked", "whether they would come", "what he wanted"."""
    return any(
        c.tag_ in ("WRB", "WP", "WDT") or (c.dep_ == "mark" and c.lower_ in ("if", "whether"))
        for c in clause.children
    )


def reads_as_passive(verb: Token) -> bool:
    """A passive verb, or a participle used as a predicate ("Germany is opposed to")."""
    return syntax.is_passive(verb) or (verb.dep_ == "acomp" and verb.tag_ == "VBN")


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the Houthis *who* are aligned"), else the token."""
    if token.lower_ not in ("who", "whom", "which", "that"):
        return token
    clause = token.head.head if token.dep_ == "pobj" else token.head  # "in which X is running"
    return clause.head if clause.dep_ == "relcl" else token


def topic_actor(token: Token, sentence: Sequence[Token]) -> Actor | None:
    """A Topic for a noun phrase that names no actor ("interference of Russia in the vote")."""
    if token.ent_type_ == "ORDINAL" and token.pos_ in ("ADJ", "NUM", "NOUN"):
        return _ordinal_topic(token, sentence)
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return None
    if any(c.dep_ == "poss" and c.lower_ in _SPEAKERS_OWN for c in token.children):
        return None  # "I endorse your candidacy": whose it is, the text does not name
    keep = [token]
    for child in token.children:
        if child.dep_ in _TOPIC_STOP_DEPS and not is_quote_mark(child):
            continue  # quotation marks inside the phrase keep it whole: a "no deal" Brexit
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    # Keep the phrase contiguous around the head, and short enough to be a name.
    start = end = token.i
    positions = {t.i for t in keep}
    while start - 1 in positions:
        start -= 1
    while end + 1 in positions and end - start < 12:
        end += 1
    words = list(token.doc[start : end + 1])
    while words and (words[0].lower_ in _LEADING_DETERMINERS or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    if not words:
        return None
    # Quotation marks are the writer's, not part of the name: a "no deal" Brexit.
    text = QUOTES.sub(" ", "".join(t.text_with_ws for t in words))
    label = re.sub(r"\s+", " ", text).strip()
    if not label:
        return None
    return Actor(id=topic_iri(label), label=label, type="Topic", names=(label,))


def _ordinal_topic(ordinal: Token, sentence: Sequence[Token]) -> Actor | None:
    """ "voted for the first article but against the second": the second article."""
    if any(c.dep_ in ("prep", "compound") for c in ordinal.children):
        return None
    for noun in reversed(sentence[: ordinal.i - ordinal.sent.start]):
        if noun.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in noun.children
        ):
            label = f"{ordinal.text} {noun.text}"
            return Actor(id=topic_iri(label), label=label, type="Topic", names=(label,))
    return None
