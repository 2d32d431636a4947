"""Relations from one parsed article: cue words, their arguments, modality, speaker and date.

For every sentence:
    1. roles from titles and appositions (``roles.py``);
    2. every token that is a cue of ``data/cues.tsv`` (a verb, a noun in a
       light-verb or possessive construction, a predicate adjective) gives its
       subjects and objects from the dependency tree, passives included;
    3. denials: a speaker who says there was "no interference" denies it;
    4. each relation gets its speaker (reported speech, a quote running on
       from earlier sentences), negation and hypothetical flags, and its date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span, Token

from kgraph.actors.descriptions import main_country
from kgraph.actors.gazetteer import load_gazetteer
from kgraph.actors.resolve import GROUP_NOUNS, ActorIndex
from kgraph.iris import topic_iri
from kgraph.model import Actor, Article, Relation
from kgraph.nlp import headline_length
from kgraph.relation_types import RELATION_TYPES, SYMMETRIC
from kgraph.relations import syntax
from kgraph.relations.dates import resolve_date
from kgraph.relations.gender import person_genders, pronoun_fits
from kgraph.relations.lexicon import Cue, Lexicon, load_lexicon
from kgraph.relations.roles import Role, country_actor, party_of_words, roles_in_sentence

_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_FIRST_PERSON = frozenset({"i", "me"})
_QUANTIFIERS = frozenset({"every", "each", "any", "some", "many", "most", "few", "several", "all"})
_CANDIDACIES = frozenset({"Topic", "PoliticalParty", "Alliance", "GovernmentBody"})
_REPORTING_PRONOUNS = frozenset({"he", "she", "it", "they"})
_MEMBERSHIPS = frozenset({"member-of", "leader-of", "spokesperson-for", "part-of", "candidate-for"})
#: Nouns for what an organisation or state says or sends into action in its own name.
_VOICE_NOUNS = frozenset(
    {
        "statement", "communique", "declaration", "militia", "fighter", "spokesperson", "camp",
        "jet", "warplane", "aircraft", "drone", "missile", "warship", "artillery", "tank",
    }
)  # fmt: skip
#: Nouns for the members of a party or bloc, which stand for it when acting as a group.
_MEMBER_NOUNS = frozenset(
    {"member", "lawmaker", "legislator", "representative", "senator", "mp", "politician"}
)
#: Words that make "attack" physical rather than verbal.
_COMPOSED_OF = frozenset({"make", "compose", "comprise", "consist"})
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
_SPEAKERS_OWN = frozenset({"my", "your", "our"})
_MATERIAL_CONFLICT = frozenset({"attacks", "coerces", "sanctions"})
_CLAIMING_VERBS = frozenset({"claim", "take", "accept", "admit"})
# What a group claims when it claims an act of armed violence.
_ATTACK_NOUNS = frozenset(
    {"attack", "bombing", "strike", "airstrike", "assault", "shooting", "killing", "explosion",
     "blast", "raid", "massacre", "ambush", "kidnapping", "hijacking", "beheading", "assassination"}
)  # fmt: skip
_MILITARY = frozenset(
    {
        "troop", "soldier", "army", "military", "missile", "rocket", "bomb", "airstrike", "drone",
        "weapon", "gun", "kill", "wound", "dead", "injure", "militant", "fighter", "artillery",
        "tank", "shell", "explosion", "explosive", "terrorist", "gunman", "raid", "strike", "force",
    }
)  # fmt: skip
#: Claims a speaker can deny by saying there was "no ..." of them.
_DENIABLE = frozenset(
    {
        "interference", "involvement", "meddling", "wrongdoing", "link", "connection", "role",
        "responsibility", "collusion", "plan", "intention", "basis", "fraud",
    }
)  # fmt: skip
#: Nouns that make their "of" object the whole a body belongs to ("an agency of the UN").
_PART_NOUNS = frozenset(
    {
        "agency", "arm", "branch", "wing", "organ", "unit", "division", "subsidiary", "affiliate",
        "force", "faction", "component", "body", "department", "office", "chapter",
    }
)  # fmt: skip
_STATE_OWNED = frozenset({"state-owned", "state-run", "government-owned", "state-controlled"})
_BANNED = frozenset({"banned", "outlawed", "proscribed", "illegal", "prohibited"})
_REQUEST_NOUNS = frozenset({"request", "behest", "urging", "invitation"})
#: Head nouns of the names of a state's organs ("Ministry of Foreign Affairs of Iraq").
_STATE_ORGANS = frozenset(
    {
        "parliament", "ministry", "department", "embassy", "consulate", "government", "cabinet",
        "assembly", "senate", "congress", "court", "police", "council", "office", "presidency",
        "commission",
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
#: What a state's economy is called: what is done to it is done to the state.
_STATE_ECONOMY = frozenset({"economy", "currency", "finances"})
#: Auxiliaries of obligation: "They must watch over the fighters".
_DEONTIC_AUX = frozenset({"must", "should", "ought"})
#: Subjects an obligation is no demand on someone else for.
_SELF_OR_ADDRESSEE = frozenset({"i", "we", "you", "one", "everyone", "everybody", "nobody"})
#: Actors a speaker can demand something of by "they" or "it".
_OBLIGED_TYPES = frozenset(
    {"Country", "Territory", "GovernmentBody", "InternationalOrganization", "Alliance",
     "PoliticalParty", "ArmedGroup"}
)  # fmt: skip
#: Words of a state's forces' names: a state title's holder who commands them leads the state
#: ("the Syrian Army, whose commander-in-chief is President Assad").
_STATE_FORCES = frozenset({"army", "navy"})
#: Relations only a state's authorities carry out, so "banned in Turkey" is Türkiye's act.
_STATE_ACTS = frozenset({"coerces", "sanctions"})
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


def _cue_pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if token.pos_ == "ADJ":
        return "ADJ"
    return None


class _ArticleExtractor:
    """Walks one article's sentences, keeping who spoke last for quotes and pronouns."""

    def __init__(self, doc: Doc, article: Article, index: ActorIndex, lexicon: Lexicon) -> None:
        self.doc, self.article, self.index, self.lexicon = doc, article, index, lexicon
        self.last_speaker: Actor | None = None
        # Who is quoted in the quotation running now: reset by a paragraph that does not
        # carry a quotation on, since a new quotation's speaker is often named only after it.
        self.quote_speaker: Actor | None = None
        self.text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
        self.paragraph_start = 0
        # A state office with no state named defaults to the country the article is about,
        # when one clearly dominates it.
        self.main_country = main_country(index, at_least=3, margin=2.0)
        self.countries = _countries_by_mentions(index)
        self.seen: set[tuple[object, ...]] = set()
        self.inside_quote = False  # whether the current sentence opens inside a quotation
        self.tokens: list[Token] = []  # the tokens of the sentence being read
        # Where a colon opens a quotation in that sentence, and who speaks it.
        self.colon_quotes: list[tuple[int, Actor]] = []
        self.placed_bodies: set[str] = set()  # bodies already given the state they belong to
        # Person id → the organisations (and their states) the article gives the person a role in.
        self.belongs_to: dict[str, set[str]] = {}
        # Person id → the one body the person speaks for or heads: what their "we" is.
        self.speaks_for: dict[str, Actor] = {}
        # (title, organisation id) → the people the article gives that title for it.
        self.title_holders: dict[tuple[str, str], list[Actor]] = {}
        self.mention_counts = index.mention_counts()
        self.topic_person: Actor | None = None  # the person the last sentence was about
        self.genders = person_genders(doc, index)  # for "he" and "she"
        # Docs hold the headline before the body; spans are offsets in the body (Article.text).
        title = article.title.strip()
        self.body_start = headline_length(article) if self.text.startswith(title) else 0

    # ----- arguments -------------------------------------------------------------------------
    def actor(self, token: Token) -> tuple[Actor | None, float]:
        """The actor a noun-phrase head stands for, and a confidence factor for how it was found."""
        if token.lemma_.lower() in _STATE_ECONOMY:
            # "destroy the Economy of Turkey" (which the NER may take for an organisation),
            # "sanctions on Iran's economy": done to the state.
            owners = syntax.prep_objects(token, "of") + [
                c for c in token.children if c.dep_ == "poss"
            ]
            for owner in owners:
                state = self.index.actor_of_phrase(owner)
                if state is None or state.type != "Country":
                    state = _country_named(owner)
                if state is not None:
                    return state, 0.85
        actor = self.index.actor_of_phrase(token)
        if actor is not None and self.index.is_demonym(token) and _quantified(token):
            return None, 0.0  # "every Democrat", "many Iranians": people, not the party or state
        if actor is not None:
            return actor, 1.0
        if token.dep_ in ("amod", "compound", "nmod") and self.index.actor_at(token) is not None:
            return self.index.actor_at(token), 0.9  # "the Turkish offensive": Türkiye's
        reporter = self.reporter(token)
        if reporter is not None:
            return reporter, 0.85
        if token.lower_ in _PERSONAL_PRONOUNS:
            return self.pronoun_referent(token), 0.85
        if token.lower_ in ("we", "us"):
            return self.speakers_body(token), 0.8
        holder = self.speakers_officeholder(token)
        if holder is not None:
            return holder, 0.8
        if token.lower_ in _FIRST_PERSON:
            # "I" in news text is whoever is quoted; in "I said" it is the one quoted before.
            verb = syntax.speech_verb(token)
            if verb is None or token.head.i == verb.i:
                introducing = self.quoted_by_colon(token)
                if introducing is not None:
                    return introducing, 0.85
                return (self.quote_speaker if self.inside_quote else None), 0.85
            return self.speaker_of(verb, first_person=False), 0.85
        for child in token.children:
            # "a third, Jared Golden, voted": the name in apposition is the actor.
            if child.dep_ == "appos":
                named = self.index.actor_of_phrase(child)
                if named is not None:
                    return named, 0.9
        if token.lemma_.lower() in _VOICE_NOUNS:
            # "the Turkish statement called for", "YPG militia which support the PKK"
            for child in token.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod"):
                    owner = self.index.actor_at(child)
                    if owner is not None and owner.type not in ("Person", "Topic"):
                        return owner, 0.85
        if token.lemma_.lower() in GROUP_NOUNS:
            # "the government of Syria", "the embassy of Canada"
            for owner in syntax.prep_objects(token, "of"):
                actor = self.index.actor_at(owner)
                if actor is not None and actor.type in ("Country", "Territory"):
                    return actor, 0.9
        party = self.party_of_members(token)
        if party is not None:
            return party, 0.85
        return None, 0.0

    def speakers_officeholder(self, head: Token) -> Actor | None:
        """ "I applaud the president", said by a US senator in an article with two presidents:
        the one who holds that title in the speaker's own state."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        lefts = list(head.lefts)
        if not lefts or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
            return None
        words = " ".join(t.lower_ for t in self.doc[lefts[0].i + 1 : head.i + 1])
        title = self.lexicon.titles_as_read.get(words)
        if title is None:
            return None
        speaker = self._saying(head, self.inside_quote)
        if speaker is None:
            return None
        own = self.belongs_to.get(speaker.id, set())
        holders = {
            person.id: person
            for (held, organisation), people in self.title_holders.items()
            if held == title and organisation in own
            for person in people
            if person.id != speaker.id
        }
        return next(iter(holders.values())) if len(holders) == 1 else None

    def speakers_body(self, we: Token) -> Actor | None:
        """Who "we" is: the body whose spokesperson or head says it ("We strongly urge Iraqi
        leaders", said the State Department's spokesperson), or a body quoted itself."""
        speaker = self._saying(we, self.inside_quote)
        if speaker is None:
            return None
        if speaker.type != "Person":
            return speaker if speaker.type != "Topic" else None
        return self.speaks_for.get(speaker.id)

    def reporter(self, pronoun: Token) -> Actor | None:
        """ "The SDF announced it had entered into an agreement": a pronoun subject of a
        reported clause is the one reporting it, when the two agree (it/they for a body,
        he/she for a person)."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.lower_ not in _REPORTING_PRONOUNS:
            return None
        verb = syntax.speech_verb(pronoun)
        if verb is None:
            return None
        speakers = [a for t in syntax.clause_subjects(verb) if (a := self.index.actor_of_phrase(t))]
        if len(speakers) != 1:
            return None
        person = speakers[0].type == "Person"
        return speakers[0] if person == (pronoun.lower_ in ("he", "she")) else None

    def pronoun_referent(self, pronoun: Token) -> Actor | None:
        """Who "he" or "she" is: a person named earlier in the sentence, else the person the
        previous sentence was about (its subject), else the last person named; never one the
        text shows to be of the other gender."""
        sent = pronoun.sent
        earlier = self.index.mentions_between(sent.start_char, pronoun.idx)
        named_here = any(m.actor.type == "Person" for m in earlier)
        if not named_here and pronoun_fits(pronoun, self.topic_person, self.genders):
            return self.topic_person
        for mention in reversed(self.index.mentions_between(0, pronoun.idx)):
            person = mention.actor if mention.actor.type == "Person" else None
            if mention.end <= pronoun.idx and pronoun_fits(pronoun, person, self.genders):
                return person
        return None

    def _update_topic_person(self, sent: Span) -> None:
        subjects = [t for t in self.tokens if t.dep_ in ("nsubj", "nsubjpass")]
        subjects.sort(key=lambda t: (t.head.i != sent.root.i, t.i))  # the main clause's first
        for subject in subjects:
            # "the chief constable, Nick Adderley, wrote": the name in apposition;
            # "Jorgensen's positions include": the possessor
            named = [subject] + [c for c in subject.children if c.dep_ in ("appos", "poss")]
            for actor in map(self.index.actor_at, named):
                if actor is not None and actor.type == "Person":
                    self.topic_person = actor
                    return

    def party_of_members(self, token: Token) -> Actor | None:
        """The party or camp a group of its members stands for ("Democratic members of the House",
        "lawmakers from the pro-democracy camp"), as a careful reader credits the party."""
        if token.lemma_.lower() not in _MEMBER_NOUNS:
            return None
        words = [c for c in token.children if c.dep_ in ("amod", "compound")]
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        owner = self.index.actor_at(obj)
                        if owner is not None and owner.type in ("PoliticalParty", "Alliance"):
                            return owner
                        words += [t for t in obj.subtree if t.i <= obj.i]
        for word in words:
            owner = self.index.actor_at(word)
            if owner is not None and owner.type in ("PoliticalParty", "Alliance"):
                return owner
        return party_of_words(words, self.index, self.lexicon, self.countries)

    def topic(self, token: Token) -> Actor | None:
        """A Topic for a noun phrase that names no actor ("interference of Russia in the vote")."""
        if token.ent_type_ == "ORDINAL" and token.pos_ in ("ADJ", "NUM", "NOUN"):
            return self._ordinal_topic(token)
        if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            return None
        if any(c.dep_ == "poss" and c.lower_ in _SPEAKERS_OWN for c in token.children):
            return None  # "I endorse your candidacy": whose it is, the text does not name
        keep = [token]
        for child in token.children:
            if child.dep_ in _TOPIC_STOP_DEPS and not _is_quote_mark(child):
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
        words = list(self.doc[start : end + 1])
        while words and (words[0].lower_ in _LEADING_DETERMINERS or words[0].is_punct):
            words = words[1:]
        while words and words[-1].is_punct:
            words = words[:-1]
        if not words:
            return None
        # Quotation marks are the writer's, not part of the name: a "no deal" Brexit.
        text = _QUOTES.sub(" ", "".join(t.text_with_ws for t in words))
        label = re.sub(r"\s+", " ", text).strip()
        if not label:
            return None
        return Actor(id=topic_iri(label), label=label, type="Topic", names=(label,))

    def _ordinal_topic(self, ordinal: Token) -> Actor | None:
        """ "voted for the first article but against the second": the second article."""
        if any(c.dep_ in ("prep", "compound") for c in ordinal.children):
            return None
        for noun in reversed(self.tokens[: ordinal.i - ordinal.sent.start]):
            if noun.pos_ == "NOUN" and any(
                c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in noun.children
            ):
                label = f"{ordinal.text} {noun.text}"
                return Actor(id=topic_iri(label), label=label, type="Topic", names=(label,))
        return None

    def objects(self, cue: Cue, token: Token, passive: bool) -> list[Token]:
        found: list[Token] = []
        for slot in cue.objects:
            if slot == "dobj":
                found += syntax.passive_subjects(token) if passive else syntax.direct_objects(token)
            elif slot == "ccomp":
                found += [
                    _antecedent(subject)
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
        if (
            not found
            and cue.relation == "requests"
            and token.dep_ == "advcl"
            and token.tag_ == "VBG"
        ):
            # "wrote to the US Embassy asking to waive her immunity": asked of whom it went to
            found = syntax.prep_objects(token.head, "to")
        # "warrants for 36 people, including Trump": the named members of a group are objects too.
        return found + [t for obj in found for t in syntax.prep_objects(obj, "including")]

    def noun_subjects(self, cue: Cue, noun: Token) -> list[Token] | None:
        """Who acts in a noun cue: the light verb's subject, a possessor, or a "by" agent."""
        possessors = [c for c in noun.children if c.dep_ == "poss" and "poss" not in cue.objects]
        # "US sanctions on Iran", "the Turkish offensive against the SDF": a state or body
        # named before the noun is its actor, as a possessor would be.
        possessors += [
            c
            for c in noun.children
            if c.dep_ in ("compound", "amod", "nmod")
            and c.i < noun.i
            and (actor := self.index.actor_at(c)) is not None
            and actor.type not in ("Person", "Topic")
        ]
        agents = syntax.prep_objects(noun, "by")
        governor = noun.head
        governed = (
            noun.dep_ in ("dobj", "attr", "pobj", "nsubjpass", "conj", "oprd")
            and governor.i != noun.i
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

    def licensed(self, cue: Cue, token: Token) -> bool:
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
        if cue.needs_passive and not _passive(token):
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
        if (
            cue.pos == "VERB"
            and token.lemma_ == "deny"
            and any(c.dep_ == "dative" for c in children)
        ):
            return False  # "denied him a visa" refuses something, it does not deny a claim
        if (
            cue.pos == "VERB"
            and cue.particle is None
            and any(
                c.dep_ == "prt" and c.lower_ in ("down", "away", "off", "out") for c in children
            )
        ):
            return False  # "back down", "call off": phrasal verbs of another sense
        if cue.sense == "military":
            # "Caloundra defeated Wynnum" is sport and "workers strike" labour, unless the
            # sentence speaks of arms or troops, or an armed group is fought.
            context = {t.lemma_.lower() for t in token.sent if t.i != token.i}
            armed = any(
                (actor := self.index.actor_at(t)) is not None and actor.type == "ArmedGroup"
                for t in token.sent
            )
            return bool(context & _MILITARY) or armed
        return True

    def relation_for(self, cue: Cue, token: Token, subject: Actor, object_token: Token) -> str:
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

    # ----- speaker, modality, date -----------------------------------------------------------
    def speaker_of(self, verb: Token, *, first_person: bool = True) -> Actor | None:
        """Who a verb of saying quotes; "he said" is the last named speaker, if there was one."""
        for subject in syntax.clause_subjects(verb):
            last = self.last_speaker
            if subject.lower_ in _PERSONAL_PRONOUNS and last is not None and last.type == "Person":
                return last
            if subject.lower_ in _FIRST_PERSON and not first_person:
                continue
            actor, _ = self.actor(subject)
            if actor is not None:
                return actor
        return None

    def in_quotation(self, token: Token) -> bool:
        """Whether an odd number of quotation marks precede the token in its paragraph."""
        return len(_QUOTES.findall(self.text, self.paragraph_start, token.idx)) % 2 == 1

    def speaker(self, token: Token, inside_quote: bool) -> Actor | None:
        verb = syntax.speech_verb(token)
        if verb is not None:
            return self.speaker_of(verb)
        for source in syntax.according_to(token):
            actor, _ = self.actor(source)
            if actor is not None:
                return actor
        introducing = self.quoted_by_colon(token)
        if introducing is not None:
            return introducing
        return self.quote_speaker if inside_quote or self.in_quotation(token) else None

    def quoted_by_colon(self, token: Token) -> Actor | None:
        """Who speaks a quotation a colon opened before the token in its sentence."""
        return next((actor for mark, actor in self.colon_quotes if mark < token.i), None)

    def _colon_quotes(self) -> list[tuple[int, Actor]]:
        """Where a colon opens a quotation in the sentence, and who speaks it: "Tanya Chan
        spoke to the press: "..."". Any verb does, not only one of saying, when a colon
        and a quotation mark follow it."""
        found: list[tuple[int, Actor]] = []
        for colon, mark, first in zip(self.tokens, self.tokens[1:], self.tokens[2:], strict=False):
            if not _is_quote_mark(mark) or colon.head.pos_ != "VERB":
                continue
            # "defended his decision, "As I have stated..."": a comma does too, before a
            # quoted sentence.
            if colon.text != ":" and not (colon.text == "," and first.is_title):
                continue
            for subject in syntax.clause_subjects(colon.head):
                # Names and he/she only: "I" would be the speaker of this very quotation.
                actor = self.index.actor_of_phrase(subject)
                if actor is None and subject.lower_ in _PERSONAL_PRONOUNS:
                    actor = self.pronoun_referent(subject)
                if actor is not None and actor.type != "Topic":
                    found.append((mark.i, actor))
                    break
        return found

    def date(self, token: Token) -> dt.date | None:
        for head in list(syntax.governing_chain(token))[:4]:
            for child in head.children:
                candidates = [child] if child.ent_type_ == "DATE" else []
                if child.dep_ == "prep" and child.lower_ in ("on", "in", "since"):
                    candidates += [g for g in child.children if g.ent_type_ == "DATE"]
                for candidate in candidates:
                    ent = next((e for e in token.sent.ents if e.start <= candidate.i < e.end), None)
                    resolved = resolve_date(ent.text if ent else candidate.text, self.article.date)
                    if resolved is not None:
                        return resolved
        return self.article.date

    def uncertain(self, actor: Actor) -> bool:
        """An organisation only the statistical NER found, once: its name may be cut short."""
        return (
            actor.type not in ("Person", "Topic")
            and actor.iso_code is None
            and actor.wikidata is None
            and self.mention_counts.get(actor.id, 0) <= 1
        )

    def span(self, sent: Span) -> tuple[int, int]:
        """The sentence's offsets in ``Article.text``; ``(0, 0)`` for the headline."""
        if sent.start_char < self.body_start:
            return (0, 0)
        return (sent.start_char - self.body_start, sent.end_char - self.body_start)

    # ----- relations -------------------------------------------------------------------------
    def make(
        self, *, subject: Actor, relation: str, obj: Actor, token: Token, confidence: float,
        cue: str, inside_quote: bool, negated: bool | None = None, hypothetical: bool | None = None,
        attribute: bool = True,
    ) -> Relation | None:  # fmt: skip
        if subject.id == obj.id or subject.type == "Topic":
            return None
        if relation in _MEMBERSHIPS and obj.type == "Person":
            return None  # "Kosgei was joined by Radcliffe": nobody is a member of a person
        if relation == "candidate-for" and obj.type not in _CANDIDACIES:
            return None  # "Kipchoge ran in Vienna, Austria": no candidacy for a country
        if obj.type == "Topic" and not RELATION_TYPES[relation].takes_topic:
            return None
        sent = token.sent
        pair = (
            tuple(sorted((subject.id, obj.id))) if relation in SYMMETRIC else (subject.id, obj.id)
        )
        key = (sent.start, relation, pair)
        if key in self.seen:
            return None
        self.seen.add(key)
        if negated is None or hypothetical is None:
            negated, hypothetical = syntax.modality(token)
            if relation in _MATERIAL_CONFLICT and hypothetical and syntax.announced(token):
                # Announcing force or pressure against Y is threatening Y now.
                relation, hypothetical, confidence = "threatens", False, confidence * 0.9
        speaker = self.speaker(token, inside_quote) if attribute else None
        if speaker is not None and speaker.id == subject.id:
            verb = syntax.speech_verb(token)
            if verb is None or not verb.is_ancestor(token):
                speaker = None  # "X rejected ..., saying": X acts, nobody reports it
        if speaker is not None:
            confidence *= 0.95
        for side in (subject, obj):
            if self.uncertain(side):
                confidence *= 0.9
        return Relation(
            doc=self.article.id,
            subject=subject,
            relation=relation,
            object=obj,
            date=self.date(token),
            attributed_to=speaker,
            negated=negated,
            hypothetical=hypothetical,
            confidence=round(min(confidence, 1.0), 3),
            evidence=sent.text.strip(),
            span=self.span(sent),
            cue=cue,
        )

    def cue_relations(self, token: Token, inside_quote: bool) -> Iterator[Relation]:
        pos = _cue_pos(token)
        if pos is None:
            return
        for cue in self.lexicon.cues(pos, token.lemma_.lower()):
            if not self.licensed(cue, token):
                continue
            passive = pos == "VERB" and _passive(token)
            if pos == "VERB":
                subject_tokens = (
                    syntax.passive_agents(token) if passive else syntax.clause_subjects(token)
                )
                if passive and "dobj" not in cue.objects:
                    # "the Houthis, who are aligned with Iran": no object was moved, so the
                    # grammatical subject is the one that is aligned.
                    subject_tokens = [_antecedent(t) for t in syntax.passive_subjects(token)] or (
                        syntax.clause_subjects(token.head) if token.dep_ == "acomp" else []
                    )
                elif passive and not subject_tokens and cue.relation in _STATE_ACTS:
                    subject_tokens = self.state_of_place(token)
            elif pos == "NOUN":
                subject_tokens = self.noun_subjects(cue, token) or []
            else:
                subject_tokens = (
                    syntax.clause_subjects(token.head)
                    if token.dep_ in ("acomp", "amod", "attr")
                    else []
                )
            object_tokens = self.objects(cue, token, passive and "dobj" in cue.objects)
            if not object_tokens and cue.relation in SYMMETRIC and len(subject_tokens) > 1:
                # "Trump and Erdoğan spoke on the phone": each met the others.
                yield from self.reciprocal(cue, token, subject_tokens, inside_quote)
                continue
            for subject_token in subject_tokens:
                subject, subject_factor = self.actor(subject_token)
                if subject is None:
                    continue
                if cue.relation == "protests-against" and self.index.is_demonym(subject_token):
                    continue  # "thousands of Serbians protested": a crowd, not the state
                for object_token in object_tokens:
                    object_token = _antecedent(object_token)
                    obj, object_factor = self.actor(object_token)
                    if obj is None and cue.takes_topic:
                        if (
                            cue.object_lemmas
                            and object_token.lemma_.lower() not in cue.object_lemmas
                        ):
                            continue  # "ran for cover" is no candidacy
                        obj, object_factor = self.topic(object_token), 0.9
                    if obj is None:
                        continue
                    # "to help Trump's chances in the election": a role a noun phrase takes
                    # for granted holds whatever the clause around it says.
                    given = False if pos == "NOUN" and cue.relation in _MEMBERSHIPS else None
                    name = self.relation_for(cue, token, subject, object_token)
                    relation = self.make(
                        subject=subject, relation=name, obj=obj,
                        token=token, confidence=cue.confidence * subject_factor * object_factor,
                        cue=cue.lemma, inside_quote=inside_quote, negated=given, hypothetical=given,
                    )  # fmt: skip
                    if relation is not None:
                        yield relation

    def reciprocal(
        self, cue: Cue, token: Token, subject_tokens: list[Token], inside_quote: bool
    ) -> Iterator[Relation]:
        actors = [a for a, _ in map(self.actor, subject_tokens) if a is not None]
        for i, first in enumerate(actors):
            for second in actors[i + 1 :]:
                relation = self.make(
                    subject=first, relation=cue.relation, obj=second, token=token,
                    confidence=cue.confidence * 0.9, cue=cue.lemma, inside_quote=inside_quote,
                )  # fmt: skip
                if relation is not None:
                    yield relation

    def state_of_place(self, verb: Token) -> list[Token]:
        """ "The PKK is banned in Turkey": a ban, arrest or sanction in a country is its act."""
        return [
            place
            for place in syntax.prep_objects(verb, "in")
            if (actor := self.index.actor_at(place)) is not None and actor.type == "Country"
        ]

    def denials(self, sent: Span, inside_quote: bool) -> Iterator[Relation]:
        """A speaker saying there was "no interference" denies the interference."""
        for token in self.tokens:
            if token.lemma_.lower() not in _DENIABLE or token.pos_ != "NOUN":
                continue
            if token.dep_ in ("nsubj", "nsubjpass") and not syntax.negated_here(token):
                continue  # "Biden's plan is not a solution": said of the plan, not denying it
            negated = any(
                syntax.negated_here(head) for head in list(syntax.governing_chain(token))[:4]
            )
            speaker = self.speaker(token, inside_quote)
            if not negated or speaker is None:
                continue
            holders = [self.actor(t)[0] for t in syntax.clause_subjects(token.head)]
            own = {speaker.id} | self.belongs_to.get(speaker.id, set())
            if any(h is not None and h.id not in own for h in holders):
                continue  # "Biden argued that Trump had no plan": a charge, not a denial
            topic = self.topic(token)
            if topic is not None:
                relation = self.make(
                    subject=speaker, relation="denies", obj=topic, token=token, confidence=0.75,
                    cue="no " + token.lemma_, inside_quote=inside_quote, negated=False,
                    hypothetical=False,
                )  # fmt: skip
                if relation is not None:
                    yield relation

    def role_relations(
        self, sent: Span, roles: list[Role], explicit: set[tuple[str, str]]
    ) -> Iterator[Relation]:
        for role in roles:
            if role.default and (role.person.id, role.relation) in explicit:
                continue  # the article names this person's office elsewhere
            relation = self.make(
                subject=role.person, relation=role.relation, obj=role.organisation,
                token=sent.root, confidence=role.confidence, cue=role.cue, inside_quote=False,
                negated=False, hypothetical=False, attribute=False,
            )  # fmt: skip
            if relation is not None:
                yield relation

    def _roles(
        self, sentences: list[Span], past_dates: list[Span], served: dict[str, Actor]
    ) -> list[list[Role]]:
        return [
            list(
                roles_in_sentence(
                    sent,
                    self.index,
                    self.lexicon,
                    main_country=self.main_country,
                    countries=self.countries,
                    past=_dated_to_the_past(sent, past_dates),
                    served_states=served,
                )
            )
            for sent in sentences
        ]

    def _belongs_to(self, roles: Iterable[Role]) -> dict[str, set[str]]:
        """Person id → ids of the organisations the article gives the person a role in, and
        of their states."""
        belongs: dict[str, set[str]] = {}
        for role in roles:
            ids = belongs.setdefault(role.person.id, set())
            ids.add(role.organisation.id)
            state = self.index.country_of(role.organisation) or _state_in_name(
                role.organisation.label
            )
            if state is not None:
                ids.add(state.id)
        return belongs

    def _states_served(self, roles: Iterable[Role]) -> dict[str, Actor]:
        """Person id → the one state whose organs the article names the person in."""
        states: dict[str, dict[str, Actor]] = {}
        for role in roles:
            if role.default or role.organisation.type != "GovernmentBody":
                continue
            state = self.index.country_of(role.organisation) or _state_in_name(
                role.organisation.label, _STATE_ORGANS | _STATE_FORCES
            )
            if state is not None and state.type == "Country":
                states.setdefault(role.person.id, {})[state.id] = state
        return {person: next(iter(s.values())) for person, s in states.items() if len(s) == 1}

    def part_of_relations(self, sent: Span) -> Iterator[Relation]:
        """A body and the state it belongs to, named in one sentence ("the Kremlin ... Russia")."""
        named = {m.actor.id: m for m in self.index.mentions_between(sent.start_char, sent.end_char)}
        for actor_id, mention in named.items():
            if actor_id in self.placed_bodies or mention.actor.type not in (
                "GovernmentBody",
                "Organization",  # what the NER makes of "the US Embassy", untyped
            ):
                continue  # a party or company of a country is not an organ of its state
            container, cue = self.index.part_of.get(actor_id), "gazetteer"
            if container is not None and container.id not in named:
                in_name = _state_in_name(mention.text)
                if in_name is None or in_name.id != container.id:
                    continue  # "the State Department" alone: the sentence does not place it
            if container is None:
                # "the Parliament of Iraq", "the US Embassy in London": the state in the name.
                container, cue = _state_in_name(mention.actor.label), "name"
            if container is None:
                continue
            self.placed_bodies.add(actor_id)
            relation = self.make(
                subject=mention.actor, relation="part-of", obj=container, token=sent.root,
                confidence=0.8, cue=cue, inside_quote=False,
                negated=False, hypothetical=False, attribute=False,
            )  # fmt: skip
            if relation is not None:
                yield relation

    def structure_relations(self, sent: Span) -> Iterator[Relation]:
        """Part-of stated in the text: "UNESCO, an agency of the United Nations", "YPG is the
        main fighting force of the SDF", "Saudi Arabia's state-owned Aramco"."""
        for token in self.tokens:
            part = self.index.actor_at(token)
            if part is None or part.type in ("Person", "Topic") or token.head.i == token.i:
                continue
            if self.index.actor_at(token.head) is part and token.head.i != token.i:
                continue  # only the head of the mention
            wholes: list[Token] = []
            phrases = [c for c in token.children if c.dep_ == "appos"]
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ == "be":
                phrases += [c for c in token.head.children if c.dep_ == "attr"]
            for phrase in phrases:
                if phrase.lemma_.lower() in _PART_NOUNS:
                    wholes += syntax.prep_objects(phrase, "of")
            if any(
                c.dep_ == "amod" and "".join(t.lower_ for t in c.subtree) in _STATE_OWNED
                for c in token.children
            ):
                wholes += [c for c in token.children if c.dep_ == "poss"]
            for whole_token in wholes:
                whole = self.index.actor_of_phrase(whole_token)
                if whole is None or whole.type in ("Person", "Topic"):
                    continue
                relation = self.make(
                    subject=part, relation="part-of", obj=whole, token=token, confidence=0.8,
                    cue="part", inside_quote=False, attribute=False,
                )  # fmt: skip
                if relation is not None:
                    yield relation

    def composition(self, sent: Span) -> Iterator[Relation]:
        """ "The SDF is largely made up of YPG militia": each named component is part of it."""
        for verb in self.tokens:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in _COMPOSED_OF:
                continue
            if lemma == "make" and not any(
                c.dep_ == "prt" and c.lower_ == "up" for c in verb.children
            ):
                continue
            passive = _passive(verb)
            if passive != (lemma != "consist"):
                continue  # "X consists of", "X is made up / composed / comprised of"
            wholes = syntax.passive_subjects(verb) if passive else syntax.clause_subjects(verb)
            for whole_token in wholes:
                whole = self.index.actor_of_phrase(whole_token)
                if whole is None or whole.type in ("Person", "Topic"):
                    continue
                for part_token in syntax.prep_objects(verb, "of"):
                    part = self.index.actor_at(part_token) or next(
                        (
                            actor
                            for c in part_token.children
                            if c.dep_ == "compound" and (actor := self.index.actor_at(c))
                        ),
                        None,
                    )  # "YPG militia"
                    if part is None or part.type in ("Person", "Topic"):
                        continue
                    relation = self.make(
                        subject=part, relation="part-of", obj=whole, token=verb,
                        confidence=0.75, cue=lemma, inside_quote=False, attribute=False,
                    )  # fmt: skip
                    if relation is not None:
                        yield relation

    def disparagements(self, sent: Span, inside_quote: bool) -> Iterator[Relation]:
        """A speaker calling someone a liar or a bully criticizes them.

        "Unfortunately, Trump is behaving like a bully boy," Erdoğan said. The word must
        be the predicate of what is said of the target (a copula's complement, "behave
        like ...", "called X a liar", "named X as terrorists"), and somebody must be
        saying it: a speaker, or the one who calls or names. Words of wrongdoing accuse:
        "Pelosi called Trump's conduct a breach of his responsibilities" accuses Trump,
        whose conduct it is.
        """
        for token in self.tokens:
            relation_name = self.lexicon.disparaging.get(token.lemma_.lower())
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
            critic = next(filter(None, (self.actor(c)[0] for c in critics)), None)
            critic = critic or self.speaker(token, inside_quote)
            if critic is None or critic.type == "Topic":
                continue
            for target_token in described:
                target, factor = self._described(target_token)
                if target is None:
                    continue
                relation = self.make(
                    subject=critic, relation=relation_name, obj=target, token=token,
                    confidence=0.6 * factor, cue=token.lemma_.lower(), inside_quote=inside_quote,
                    attribute=False,
                )  # fmt: skip
                if relation is not None:
                    yield relation

    def _described(self, token: Token) -> tuple[Actor | None, float]:
        """What a disparaging word is said of: an actor, whose conduct it is, or a topic."""
        target, factor = self.actor(token)
        if target is not None:
            return target, factor
        if token.lemma_.lower() in _CONDUCT_NOUNS:
            for owner in (c for c in token.children if c.dep_ == "poss"):
                actor, owner_factor = self.actor(owner)
                if actor is not None:
                    return actor, 0.9 * owner_factor  # "Trump's conduct"
        if token.lower_ in ("it", "this", "that"):
            return None, 0.0
        return self.topic(token), 0.8

    def banned_here(self, sent: Span) -> Iterator[Relation]:
        """ "The PKK is a banned organisation in Turkey": the state banning it coerces it."""
        for token in self.tokens:
            if token.dep_ != "attr" or token.head.lemma_ != "be":
                continue
            if not any(c.dep_ == "amod" and c.lower_ in _BANNED for c in token.children):
                continue
            places = syntax.prep_objects(token, "in") + syntax.prep_objects(token.head, "in")
            states = [a for p in places if (a := self.index.actor_at(p)) and a.type == "Country"]
            for banned_token in syntax.clause_subjects(token.head):
                banned, factor = self.actor(banned_token)
                for state in states if banned is not None else []:
                    relation = self.make(
                        subject=state, relation="coerces", obj=banned, token=token,
                        confidence=0.75 * factor, cue="banned", inside_quote=False,
                    )  # fmt: skip
                    if relation is not None:
                        yield relation

    def claimed_attacks(self, sent: Span, inside_quote: bool) -> Iterator[Relation]:
        """ "The Houthis claimed responsibility for the attacks": the claimant attacked.

        The target is the one the attack noun names ("attacks on Saudi Arabia"), else the
        state of the place it happened in ("the bombing in Tunis"), else the country the
        article is about, as event coders code a claimed attack.
        """
        for token in self.tokens:
            if token.dep_ != "dobj" or token.head.lemma_.lower() not in _CLAIMING_VERBS:
                continue
            verb = token.head
            if token.lemma_.lower() == "responsibility":
                attacks = syntax.prep_objects(token, "for") + syntax.prep_objects(verb, "for")
            elif verb.lemma_.lower() == "claim":
                attacks = syntax.conjuncts(token)  # "claimed the attack"
            else:
                continue
            for attack in attacks:
                if attack.lemma_.lower() not in _ATTACK_NOUNS:
                    continue
                target = self._attack_target(attack)
                if target is None:
                    continue
                for claimant_token in syntax.clause_subjects(verb):
                    claimant, factor = self.actor(claimant_token)
                    if claimant is None:
                        continue
                    relation = self.make(
                        subject=claimant, relation="attacks", obj=target, token=verb,
                        confidence=0.75 * factor, cue="claim responsibility",
                        inside_quote=inside_quote,
                    )  # fmt: skip
                    if relation is not None:
                        yield relation

    def _attack_target(self, attack: Token) -> Actor | None:
        named = syntax.prep_objects(attack, "on") + syntax.prep_objects(attack, "against")
        for token in named:
            actor = self.index.actor_of_phrase(token)
            if actor is not None:
                return actor
        # "attacks on Saudi oil facilities", "the bombing in Tunis": the state of the place.
        for phrase in named + syntax.prep_objects(attack, "in"):
            for token in phrase.subtree:
                state = self._state_of(self.index.actor_at(token))
                if state is not None:
                    return state
        return self.main_country if not named else None

    def _state_of(self, actor: Actor | None) -> Actor | None:
        if actor is not None and actor.type == "Territory":
            return actor
        return self.index.country_of(actor)

    def pleas(self, sent: Span, inside_quote: bool) -> Iterator[Relation]:
        """ "Please, Carrie Lam, please go": a speaker begging someone named requests them."""
        begs = [t for t in self.tokens if t.lower_ == "please" and t.pos_ == "INTJ"]
        # An imperative the "please" belongs to: a bare verb with no subject.
        verbs = {b.head.i: b.head for b in begs if b.head.tag_ == "VB"}
        for root in verbs.values():
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
                continue
            yield from self._plea(root, {b.i for b in begs}, inside_quote)

    def _plea(self, root: Token, begs: set[int], inside_quote: bool) -> Iterator[Relation]:
        speaker = self.speaker(root, inside_quote)
        if speaker is None:
            return
        # The one addressed: a name the parser hangs on "please", or set off before the verb.
        addressed = [
            t
            for t in self.tokens
            if t.i < root.i
            and (t.head.i in begs or (t.head.i == root.i and t.dep_ in ("npadvmod", "dep")))
        ]
        for token in addressed:
            addressee = self.index.actor_at(token)
            if addressee is None or addressee.type == "Topic":
                continue
            relation = self.make(
                subject=speaker, relation="requests", obj=addressee, token=root,
                confidence=0.7, cue="please", inside_quote=inside_quote,
                negated=False, hypothetical=False, attribute=False,
            )  # fmt: skip
            if relation is not None:
                yield relation

    def obligations(self, sent: Span, inside_quote: bool) -> Iterator[Relation]:
        """ "Turkey must withdraw", "They need to stand by us": a speaker who says what a state
        or body must do demands it of them (CAMEO's "demand"). Only in quoted or reported
        speech, where someone says it; never of oneself ("we must") or of people."""
        for verb in self.tokens:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ == "be" or not _obliged(verb):
                continue  # "the US should be at the lead": a view, not a demand
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if len(subjects) != 1 or subjects[0].lower_ in _SELF_OR_ADDRESSEE:
                continue
            subject = subjects[0]
            if subject.lower_ == "they":
                obliged = self._body_named_before(subject)
            else:
                obliged = self.index.actor_of_phrase(subject)
            if obliged is None or obliged.type in ("Person", "Topic"):
                continue
            if syntax.supposed(verb):
                continue  # "if they must leave", "Must they leave?"
            speaker = self._saying(verb, inside_quote)
            if (
                speaker is None
                or speaker.id == obliged.id
                or speaker.type == "Media"
                or obliged.id in self.belongs_to.get(speaker.id, ())
            ):
                continue  # "we must get Brexit done, the UK must come out": one's own state
            relation = self.make(
                subject=speaker, relation="requests", obj=obliged, token=verb,
                confidence=0.6, cue="must", inside_quote=inside_quote,
                negated=False, hypothetical=False, attribute=False,
            )  # fmt: skip
            if relation is not None:
                yield relation

    def _saying(self, verb: Token, inside_quote: bool) -> Actor | None:
        """Who says the clause: the subject of a speech verb over it, or the speaker of the
        quotation it is in; not a source it is "according to"."""
        speech = syntax.speech_verb(verb)
        if speech is not None:
            return self.speaker_of(speech)
        introducing = self.quoted_by_colon(verb)
        if introducing is not None:
            return introducing
        # A quotation this sentence opens is not the last one's: its speaker is named here.
        return self.quote_speaker if inside_quote else None

    def _body_named_before(self, pronoun: Token) -> Actor | None:
        """What "they" stands for: the state or body named last before it, in its sentence or
        the one before, if no person and no other group ("the protesters") came in between."""
        sent = pronoun.sent
        start = sent.start_char
        if sent.start > 0:
            start = self.doc[sent.start - 1].sent.start_char
        window = self.doc.char_span(start, pronoun.idx, alignment_mode="expand")
        if window is None or any(
            t.tag_ in ("NNS", "NNPS")
            and t.dep_ in ("nsubj", "nsubjpass", "dobj")
            and self.index.actor_at(t) is None
            for t in window
        ):
            return None  # "The protesters gathered ... They must ...": the protesters
        for mention in reversed(self.index.mentions_between(start, pronoun.idx)):
            if mention.actor.type == "Person":
                return None
            root = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if root is None:
                continue
            if mention.actor.type not in _OBLIGED_TYPES:
                # "the Economy of Turkey", which the NER takes for one organisation's name
                inside = [c for t in root if (c := _country_named(t)) is not None]
                if inside:
                    return inside[-1]
                continue
            if (
                root.root.dep_ == "amod"
                and self.index.actor_at(root.root.head) is not mention.actor
            ):
                continue  # "the British tanker": a tanker, not Britain
            return mention.actor
        return None

    def on_request(self, sent: Span, inside_quote: bool) -> Iterator[Relation]:
        """ "She did so at the request of Justin Trudeau": Trudeau requested it of her."""
        for token in self.tokens:
            if token.lemma_.lower() not in _REQUEST_NOUNS or token.dep_ != "pobj":
                continue
            if token.head.lower_ not in ("at", "on", "upon"):
                continue
            verb = token.head.head
            for asker_token in syntax.prep_objects(token, "of"):
                asker, _ = self.actor(asker_token)
                for asked_token in (
                    syntax.clause_subjects(verb) if verb.pos_ in ("VERB", "AUX") else []
                ):
                    asked, factor = self.actor(asked_token)
                    if asker is None or asked is None:
                        continue
                    relation = self.make(
                        subject=asker, relation="requests", obj=asked, token=verb,
                        confidence=0.75 * factor, cue=token.lemma_, inside_quote=inside_quote,
                    )  # fmt: skip
                    if relation is not None:
                        yield relation

    def run(self) -> Iterator[Relation]:
        sentences = list(self.doc.sents)
        # Span.ents scans the whole document: the dates are picked out once, here.
        past_dates = _years_before(self.doc, self.article.date)
        # Roles first for the whole article: a default office is dropped when another
        # sentence names it.
        roles = self._roles(sentences, past_dates, {})
        served = self._states_served(r for found in roles for r in found)
        if served:
            # "President Assad" in an article about Türkiye: the president of the state
            # whose army he commands.
            roles = self._roles(sentences, past_dates, served)
        explicit = {(r.person.id, r.relation) for found in roles for r in found if not r.default}
        self.belongs_to = self._belongs_to(r for found in roles for r in found)
        self.speaks_for = _bodies_spoken_for(r for found in roles for r in found)
        for role in (r for found in roles for r in found):
            key = (role.cue, role.organisation.id)
            self.title_holders.setdefault(key, []).append(role.person)
        text = self.text
        for number, (sent, sentence_roles) in enumerate(zip(sentences, roles, strict=True)):
            if sent.start_char > 0 and "\n" in text[sent.start_char - 1 : sent.start_char]:
                closed = len(_QUOTES.findall(text, self.paragraph_start, sent.start_char)) % 2 == 0
                if closed and not _unattributed_quotation(sentences[number:]):
                    self.quote_speaker = None  # the last paragraph closed its quotation
                self.paragraph_start = sent.start_char
            # Opens inside a quotation begun earlier in its paragraph.
            inside_quote = self.in_quotation(sent[0])
            self.inside_quote = inside_quote
            # Every rule walks the sentence's tokens: make them once (spaCy builds a new
            # Token object on every step over a Span).
            self.tokens = list(sent)
            self.colon_quotes = self._colon_quotes()
            yield from self.role_relations(sent, sentence_roles, explicit)
            yield from self.part_of_relations(sent)
            yield from self.structure_relations(sent)
            yield from self.composition(sent)
            yield from self.on_request(sent, inside_quote)
            yield from self.pleas(sent, inside_quote)
            yield from self.obligations(sent, inside_quote)
            yield from self.claimed_attacks(sent, inside_quote)
            yield from self.banned_here(sent)
            yield from self.disparagements(sent, inside_quote)
            for token in self.tokens:
                yield from self.cue_relations(token, inside_quote)
            yield from self.denials(sent, inside_quote)
            self._update_speaker(sent)
            self._update_topic_person(sent)

    def _update_speaker(self, sent: Span) -> None:
        if self.colon_quotes:
            self.last_speaker = self.quote_speaker = self.colon_quotes[0][1]
        for token in self.tokens:
            if token.lemma_.lower() in syntax.SPEECH_VERBS and token.pos_ == "VERB":
                actor = self.speaker_of(token)
                if actor is not None:
                    self.last_speaker = self.quote_speaker = actor


def _unattributed_quotation(sentences: list[Span]) -> bool:
    """Whether the paragraph the sentences begin is a quotation that names no speaker: one
    more paragraph of the last speaker's words, as news runs a long quotation on."""
    if not sentences or not _is_quote_mark(sentences[0][0]):
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


def _bodies_spoken_for(roles: Iterable[Role]) -> dict[str, Actor]:
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


def _obliged(verb: Token) -> bool:
    """Whether the clause says its subject must do something: "must"/"should"/"ought to" on
    the verb, or "need to"/"have to" heading it."""
    if any(c.dep_ == "aux" and c.lower_ in _DEONTIC_AUX for c in verb.children):
        return True
    return verb.lemma_ in ("need", "have") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _embedded_question(clause: Token) -> bool:
    """ "(asked) how it is linked", "whether they would come", "what he wanted"."""
    return any(
        c.tag_ in ("WRB", "WP", "WDT") or (c.dep_ == "mark" and c.lower_ in ("if", "whether"))
        for c in clause.children
    )


def _quantified(token: Token) -> bool:
    return any(
        c.dep_ in ("det", "amod", "nummod") and c.lower_ in _QUANTIFIERS for c in token.children
    )


def _passive(verb: Token) -> bool:
    """A passive verb, or a participle used as a predicate ("Germany is opposed to")."""
    return syntax.is_passive(verb) or (verb.dep_ == "acomp" and verb.tag_ == "VBN")


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the Houthis *who* are aligned"), else the token."""
    if token.lower_ not in ("who", "whom", "which", "that"):
        return token
    clause = token.head.head if token.dep_ == "pobj" else token.head  # "in which X is running"
    return clause.head if clause.dep_ == "relcl" else token


def _country_named(token: Token) -> Actor | None:
    """The country a proper noun names, even inside a longer name the NER made of it."""
    found = load_gazetteer().lookup(token.text)
    if found is not None and found[0].type == "Country" and found[1] != "metonym":
        return country_actor(found[0].key)
    return None


def _state_in_name(label: str, organs: AbstractSet[str] = _STATE_ORGANS) -> Actor | None:
    """The state a government body's name contains, by name or demonym ("Iraqi Parliament")."""
    words = label.split()
    if not any(word.lower() in organs for word in words):
        return None  # "Saudi Press Agency": a state's name in it does not make it an organ
    gazetteer = load_gazetteer()
    for length in (3, 2, 1):
        for start in range(len(words) - length + 1):
            found = gazetteer.lookup(" ".join(words[start : start + length]))
            if found is not None and found[0].type == "Country" and found[1] != "metonym":
                return country_actor(found[0].key)
    return None


def _countries_by_mentions(index: ActorIndex) -> list[Actor]:
    """The countries and territories the article names, most mentioned first."""
    counts = Counter(m.actor.id for m in index.mentions if m.actor.iso_code)
    first = {m.actor.id: m.actor for m in reversed(index.mentions) if m.actor.iso_code}
    return [first[actor_id] for actor_id, _ in counts.most_common()]


_QUOTES = re.compile(r"[\"“”]")
_YEAR = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b")


def _years_before(doc: Doc, date: dt.date | None) -> list[Span]:
    """The dates in the text that name a year before the article's last one."""
    if date is None:
        return []
    return [
        ent
        for ent in doc.ents
        if ent.label_ == "DATE" and any(int(y) < date.year - 1 for y in _YEAR.findall(ent.text))
    ]


def _dated_to_the_past(sent: Span, dates: list[Span]) -> set[int]:
    """The tokens of the clauses the sentence dates to a year before the article's last one.

    Titles there are those of that time: "In 1905, President Theodore Roosevelt mediated
    a peace agreement" says nothing of who leads the country now. Only a date that
    modifies a verb dates its clause; "the 2016 nominee" or "a 2018 candidate" does not,
    nor does a date in a relative clause date the rest of the sentence.
    """
    past: set[int] = set()
    for ent in dates:
        if not sent.start <= ent.start < sent.end:
            continue
        anchor = ent.root
        if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep":
            anchor = anchor.head
        verb = anchor.head
        if anchor.dep_ in ("prep", "npadvmod", "tmod") and verb.pos_ in ("VERB", "AUX"):
            past.update(t.i for t in verb.subtree)
    return past


def _is_quote_mark(token: Token) -> bool:
    return token.is_punct and _QUOTES.fullmatch(token.text) is not None


def extract_relations(
    doc: Doc, article: Article, index: ActorIndex, *, lexicon: Lexicon | None = None
) -> Iterator[Relation]:
    """Every relation the article states, reports, negates or supposes, in text order.

    Args:
        doc: the parsed article text.
        article: the article (for its id and date).
        index: the article's actors (``kgraph.actors.resolve.resolve_actors``).
        lexicon: cues and titles; ``load_lexicon()`` by default.
    """
    yield from _ArticleExtractor(doc, article, index, lexicon or load_lexicon()).run()
