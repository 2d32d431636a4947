"""Relations from one parsed article: cue words, their arguments, modality, speaker and date.

For every sentence:
    1. roles from titles and appositions (``roles.py``), and the state a body
       belongs to (``structure.py``);
    2. relations from set phrases (``constructions.py``) and from what a speaker
       does by saying it: denials, demands, pleas, disparagements (``speech_acts.py``);
    3. every token that is a cue of ``data/cues.tsv`` (a verb, a noun in a
       light-verb or possessive construction, a predicate adjective) gives its
       subjects and objects from the dependency tree, passives included (``cues.py``);
    4. each relation gets its speaker (reported speech, a quote running on
       from earlier sentences: ``speakers.py``), negation and hypothetical flags,
       and its date (``dates.py``).

``_ArticleExtractor`` holds what the article says so far (the last speaker, the
quotation running, who holds which office) and resolves a phrase to its actor; the
rule modules take it as their first argument.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kgraph.actors.descriptions import main_country
from kgraph.actors.resolve import GROUP_NOUNS, ActorIndex
from kgraph.model import Actor, Article, Relation
from kgraph.nlp import headline_length
from kgraph.relation_types import RELATION_TYPES, SYMMETRIC
from kgraph.relations import constructions, speakers, speech_acts, structure, syntax
from kgraph.relations.affiliations import party_of_members
from kgraph.relations.cues import (
    antecedent,
    cue_objects,
    cue_pos,
    licensed,
    noun_subjects,
    reads_as_passive,
    relation_for,
    topic_actor,
)
from kgraph.relations.dates import dated_to_the_past, relation_date, years_before
from kgraph.relations.gender import person_genders
from kgraph.relations.lexicon import Cue, Lexicon, load_lexicon
from kgraph.relations.roles import Role, roles_in_sentence
from kgraph.relations.structure import country_named

_QUANTIFIERS = frozenset({"every", "each", "any", "some", "many", "most", "few", "several", "all"})
_CANDIDACIES = frozenset({"Topic", "PoliticalParty", "Alliance", "GovernmentBody"})
_MEMBERSHIPS = frozenset({"member-of", "leader-of", "spokesperson-for", "part-of", "candidate-for"})
#: Nouns for what an organisation or state says or sends into action in its own name.
_VOICE_NOUNS = frozenset(
    {
        "statement", "communique", "declaration", "militia", "fighter", "spokesperson", "camp",
        "jet", "warplane", "aircraft", "drone", "missile", "warship", "artillery", "tank",
    }
)  # fmt: skip
_MATERIAL_CONFLICT = frozenset({"attacks", "coerces", "sanctions"})
#: What a state's economy is called: what is done to it is done to the state.
_STATE_ECONOMY = frozenset({"economy", "currency", "finances"})
#: Relations only a state's authorities carry out, so "banned in Turkey" is Türkiye's act.
_STATE_ACTS = frozenset({"coerces", "sanctions"})


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
                    state = country_named(owner)
                if state is not None:
                    return state, 0.85
        actor = self.index.actor_of_phrase(token)
        if actor is not None and self.index.is_demonym(token) and _quantified(token):
            return None, 0.0  # "every Democrat", "many Iranians": people, not the party or state
        if actor is not None:
            return actor, 1.0
        if token.dep_ in ("amod", "compound", "nmod") and self.index.actor_at(token) is not None:
            return self.index.actor_at(token), 0.9  # "the Turkish offensive": Türkiye's
        reporter = speakers.reporter(self, token)
        if reporter is not None:
            return reporter, 0.85
        if token.lower_ in speakers.PERSONAL_PRONOUNS:
            return speakers.pronoun_referent(self, token), 0.85
        if token.lower_ in ("we", "us"):
            return speakers.speakers_body(self, token), 0.8
        holder = speakers.speakers_officeholder(self, token)
        if holder is not None:
            return holder, 0.8
        if token.lower_ in speakers.FIRST_PERSON:
            # "I" in news text is whoever is quoted; in "I said" it is the one quoted before.
            verb = syntax.speech_verb(token)
            if verb is None or token.head.i == verb.i:
                introducing = speakers.quoted_by_colon(self, token)
                if introducing is not None:
                    return introducing, 0.85
                return (self.quote_speaker if self.inside_quote else None), 0.85
            return speakers.speaker_of(self, verb, first_person=False), 0.85
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
        party = party_of_members(token, self.index, self.lexicon, self.countries)
        if party is not None:
            return party, 0.85
        return None, 0.0

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
        speaker = speakers.speaker(self, token, inside_quote) if attribute else None
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
            date=relation_date(token, self.article.date),
            attributed_to=speaker,
            negated=negated,
            hypothetical=hypothetical,
            confidence=round(min(confidence, 1.0), 3),
            evidence=sent.text.strip(),
            span=self.span(sent),
            cue=cue,
        )

    def cue_relations(self, token: Token, inside_quote: bool) -> Iterator[Relation]:
        pos = cue_pos(token)
        if pos is None:
            return
        for cue in self.lexicon.cues(pos, token.lemma_.lower()):
            if not licensed(cue, token, self.index):
                continue
            passive = pos == "VERB" and reads_as_passive(token)
            if pos == "VERB":
                subject_tokens = (
                    syntax.passive_agents(token) if passive else syntax.clause_subjects(token)
                )
                if passive and "dobj" not in cue.objects:
                    # "the Houthis, who are aligned with Iran": no object was moved, so the
                    # grammatical subject is the one that is aligned.
                    subject_tokens = [antecedent(t) for t in syntax.passive_subjects(token)] or (
                        syntax.clause_subjects(token.head) if token.dep_ == "acomp" else []
                    )
                elif passive and not subject_tokens and cue.relation in _STATE_ACTS:
                    subject_tokens = self.state_of_place(token)
            elif pos == "NOUN":
                subject_tokens = noun_subjects(cue, token, self.index) or []
            else:
                subject_tokens = (
                    syntax.clause_subjects(token.head)
                    if token.dep_ in ("acomp", "amod", "attr")
                    else []
                )
            object_tokens = cue_objects(cue, token, passive and "dobj" in cue.objects)
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
                    object_token = antecedent(object_token)
                    obj, object_factor = self.actor(object_token)
                    if obj is None and cue.takes_topic:
                        if (
                            cue.object_lemmas
                            and object_token.lemma_.lower() not in cue.object_lemmas
                        ):
                            continue  # "ran for cover" is no candidacy
                        obj, object_factor = topic_actor(object_token, self.tokens), 0.9
                    if obj is None:
                        continue
                    # "to help Trump's chances in the election": a role a noun phrase takes
                    # for granted holds whatever the clause around it says.
                    given = False if pos == "NOUN" and cue.relation in _MEMBERSHIPS else None
                    name = relation_for(cue, token, subject, object_token)
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
                    past=dated_to_the_past(sent, past_dates),
                    served_states=served,
                )
            )
            for sent in sentences
        ]

    def run(self) -> Iterator[Relation]:
        sentences = list(self.doc.sents)
        # Span.ents scans the whole document: the dates are picked out once, here.
        past_dates = years_before(self.doc, self.article.date)
        # Roles first for the whole article: a default office is dropped when another
        # sentence names it.
        roles = self._roles(sentences, past_dates, {})
        served = structure.states_served((r for found in roles for r in found), self.index)
        if served:
            # "President Assad" in an article about Türkiye: the president of the state
            # whose army he commands.
            roles = self._roles(sentences, past_dates, served)
        explicit = {(r.person.id, r.relation) for found in roles for r in found if not r.default}
        self.belongs_to = structure.belongs_to((r for found in roles for r in found), self.index)
        self.speaks_for = speakers.bodies_spoken_for(r for found in roles for r in found)
        for role in (r for found in roles for r in found):
            key = (role.cue, role.organisation.id)
            self.title_holders.setdefault(key, []).append(role.person)
        text = self.text
        for number, (sent, sentence_roles) in enumerate(zip(sentences, roles, strict=True)):
            if sent.start_char > 0 and "\n" in text[sent.start_char - 1 : sent.start_char]:
                marks = speakers.QUOTES.findall(text, self.paragraph_start, sent.start_char)
                closed = len(marks) % 2 == 0
                if closed and not speakers.unattributed_quotation(sentences[number:]):
                    self.quote_speaker = None  # the last paragraph closed its quotation
                self.paragraph_start = sent.start_char
            # Opens inside a quotation begun earlier in its paragraph.
            inside_quote = speakers.in_quotation(self, sent[0])
            self.inside_quote = inside_quote
            # Every rule walks the sentence's tokens: make them once (spaCy builds a new
            # Token object on every step over a Span).
            self.tokens = list(sent)
            self.colon_quotes = speakers.colon_quotes(self)
            yield from self.role_relations(sent, sentence_roles, explicit)
            yield from structure.part_of_relations(self, sent)
            yield from structure.structure_relations(self, sent)
            yield from structure.composition(self, sent)
            yield from constructions.on_request(self, sent, inside_quote)
            yield from speech_acts.pleas(self, sent, inside_quote)
            yield from speech_acts.obligations(self, sent, inside_quote)
            yield from constructions.claimed_attacks(self, sent, inside_quote)
            yield from constructions.banned_here(self, sent)
            yield from speech_acts.disparagements(self, sent, inside_quote)
            for token in self.tokens:
                yield from self.cue_relations(token, inside_quote)
            yield from speech_acts.denials(self, sent, inside_quote)
            speakers.update_speaker(self, sent)
            speakers.update_topic_person(self, sent)


def _quantified(token: Token) -> bool:
    return any(
        c.dep_ in ("det", "amod", "nummod") and c.lower_ in _QUANTIFIERS for c in token.children
    )


def _countries_by_mentions(index: ActorIndex) -> list[Actor]:
    """The countries and territories the article names, most mentioned first."""
    counts = Counter(m.actor.id for m in index.mentions if m.actor.iso_code)
    first = {m.actor.id: m.actor for m in reversed(index.mentions) if m.actor.iso_code}
    return [first[actor_id] for actor_id, _ in counts.most_common()]


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
