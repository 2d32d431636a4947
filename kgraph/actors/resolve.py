"""Mentions → actors within one article: gazetteer entries, people, organisations.

What it resolves:
    * gazetteer names, demonyms and capital metonyms (from the entity ruler's
      ``ent_id_``, or looked up when the NER found the span itself);
    * people: every short form joins the fullest name it is part of
      ("Erdoğan" → "Recep Tayyip Erdoğan"); the canonical label is the fullest;
    * organisations: "the Syrian Democratic Forces (SDF)" makes "SDF" the same
      actor, and so does an acronym of the initials seen later;
    * group nouns that stand for their actor: "Turkish officials", "the
      Iranian government", "Russia's foreign ministry" → the country;
    * a surname the NER tagged as an organisation or place ("Trump said", tagged ORG)
      → the person of that surname named in the article;
    * actors of a user's dictionary (``kgraph.actors.dictionary``), which win;
    * definite descriptions, through :meth:`ActorIndex.actor_at`: "the president",
      "the US president", "the Kremlin spokesman", "the party", "the ministry" → the
      one actor the article named earlier with that title or of that kind, or the
      holder of a dated dictionary role for the article's date and country. Only when
      exactly one candidate fits; otherwise the description stays unresolved.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from kgraph.actors.descriptions import describe
from kgraph.actors.dictionary import ActorDictionary
from kgraph.actors.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    fold,
    load_gazetteer,
    load_non_actors,
)
from kgraph.actors.registry import HONORIFICS, NAME_SUFFIXES, entry_iri
from kgraph.iris import actor_iri
from kgraph.model import Actor, Article, Mention
from kgraph.relations.lexicon import Lexicon, load_lexicon

#: NER labels that can name an actor.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})

#: Nouns that, modified by an actor, stand for it ("Turkish officials", "the US government").
GROUP_NOUNS = frozenset(
    {
        "government", "administration", "authority", "official", "officer", "diplomat",
        "force", "troop", "military", "army", "navy", "police", "regime", "leadership",
        "state", "ministry", "cabinet", "delegation", "embassy", "parliament", "soldier",
    }
)  # fmt: skip

_ORG_TYPES = (
    (re.compile(r"\bPart(y|ies)\b", re.IGNORECASE), "PoliticalParty"),
    (re.compile(r"\b(Alliance|Coalition)\b"), "Alliance"),
    # Non-state fighters; a state's army ("Syrian Arab Army") is a government body below.
    (
        re.compile(
            r"\b(Militias?|Rebels|Insurgents|Brigades?|Mujahideen|Jihad|Liberation Army|"
            r"Liberation Front|Liberation Movement|Resistance Movement|Guerrillas?|Cartel)\b"
        ),
        "ArmedGroup",
    ),
    (re.compile(r"\b(Central Bank|Reserve Bank|National Bank of)\b"), "GovernmentBody"),
    (
        re.compile(
            r"\b(News|Times|Herald|Tribune|Gazette|Journal|TV|Television|Broadcasting|"
            r"Broadcaster|Radio|Daily|Telegraph|News Agency|Magazine|Newspaper)\b"
        ),
        "Media",
    ),
    (
        re.compile(
            r"(\b(Inc|Corp|Corporation|Ltd|LLC|PLC|plc|GmbH|Co)\b\.?$)|"
            r"\b(Airlines|Airways|Motors|Holdings|Technologies|Pharmaceuticals|Petroleum|"
            r"Bank|Industries|Enterprises)\b"
        ),
        "Company",
    ),
    (
        re.compile(
            r"\b(Ministry|Department|Parliament|Congress|Senate|House|Court|Police|Army|Navy|"
            r"Air Force|Government|Cabinet|Council|Commission|Agency|Office|Assembly|Bureau|"
            r"Duma|Majlis|Knesset|Bundestag|Guard|Judiciary)\b"
        ),
        "GovernmentBody",
    ),
)
_CAPTION_WORDS = frozenset({"Image", "Photo", "File", "Video"})
_GLUED_CAPTION = re.compile(r"(?<=[a-z])(?:Image|Photo)$")
_CONNECTORS = frozenset({"of", "the", "and", "for", "&", "de", "in", "on"})
#: Words that open a sentence, capitalised only for that, which the NER sometimes runs
#: into the name after them ("Multiple Creative Commons-licensed videos ...").
_SENTENCE_OPENERS = frozenset(
    {
        "several", "multiple", "many", "some", "most", "both", "each", "every", "numerous",
        "various", "unlike", "although", "though", "whereas", "because", "if", "when",
        "meanwhile", "however", "but", "nor", "neither", "either", "yet", "also",
        # Prepositions, some of them gerunds ("Following South Carolina, the storm ..."):
        # not every word in "-ing" ("Salling Group said").
        "following", "regarding", "including", "according", "concerning", "considering",
        "excluding", "citing", "during", "despite", "amid", "after", "before", "since",
    }
)  # fmt: skip
#: Auxiliaries that open a yes/no question ("Will Red Hat employees be barred ...?");
#: only dropped in a question, where they cannot be a first name ("Will Smith said").
_QUESTION_OPENERS = frozenset(
    {"will", "would", "can", "could", "should", "shall", "did", "does", "do", "is", "are",
     "was", "were", "has", "have", "had"}
)  # fmt: skip
#: Lowercase words that can begin a person's name ("de Graaf", "bin Salman").
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "al", "el",
     "bin", "ibn", "bint", "abu", "du", "dos", "das", "ter", "ten", "zu"}
)  # fmt: skip
#: Honorifics that only a person's name follows, so a span they open names a person.
_PERSONAL_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mme", "mlle", "dr", "sir", "dame", "prof", "professor",
     "sergeant", "sgt", "constable", "detective", "inspector", "lieutenant", "colonel",
     "corporal", "cde", "comrade"}
)  # fmt: skip
#: Last words of a company's name, whose first word alone stands for it ("Ford").
_COMPANY_WORDS = frozenset(
    {"company", "corporation", "corp", "inc", "incorporated", "ltd", "limited", "llc", "plc",
     "group", "co"}
)  # fmt: skip
#: Marks after which a word opens a clause as if it began the sentence ("((WN)) Will ...").
_CLAUSE_MARKS = frozenset({")", ":", '"', "“", "‘", "'", "—", "–"})
#: First words of the names of weather systems, which the NER takes for people
#: ("Storm Lorenzo"): such a name is not a person's.
_STORM_WORDS = frozenset({"hurricane", "storm", "typhoon", "cyclone", "tropical"})


def org_type(label: str) -> str:
    """The actor type an organisation's name suggests.

    >>> org_type("Republican People's Party"), org_type("Nation Alliance"), org_type("Acme")
    ('PoliticalParty', 'Alliance', 'Organization')
    >>> org_type("Sinaloa Cartel"), org_type("Boeing Corp."), org_type("Press TV")
    ('ArmedGroup', 'Company', 'Media')
    >>> org_type("Syrian Arab Army"), org_type("Central Bank of Iran")
    ('GovernmentBody', 'GovernmentBody')
    """
    for pattern, actor_type in _ORG_TYPES:
        if pattern.search(label):
            return actor_type
    return "Organization"


def initials(label: str) -> str:
    """The acronym a name's capitalised words make ("Syrian Democratic Forces" → "SDF")."""
    return "".join(
        w[0]
        for w in label.replace("-", " ").split()
        if w[0].isupper() and w.lower() not in _CONNECTORS
    )


def clean_name(span: Span) -> str:
    """The span's text without a leading "the", a trailing possessive or punctuation."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "a", "an", "(", "[") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].lower_ in ("'s", "’s")
    ):
        tokens = tokens[:-1]
    # An editor's bracket inside a name ("Vladimir) Putin") still separates two words.
    text = "".join(" " if t.text in ("(", ")", "[", "]") else t.text_with_ws for t in tokens)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(slots=True)
class ActorIndex:
    """The actors of one article and which tokens mention them.

    Attributes:
        mentions: every mention in text order (names, not definite descriptions).
        part_of: actor id → the actor it belongs to (the Kremlin → Russia).
        descriptions: token position of a description's head ("president" in "the
            president said") → the actor it refers to.
    """

    mentions: list[Mention] = field(default_factory=list)
    part_of: dict[str, Actor] = field(default_factory=dict)
    descriptions: dict[int, Actor] = field(default_factory=dict)
    _by_token: dict[int, Actor] = field(default_factory=dict)
    _demonym_tokens: set[int] = field(default_factory=set)

    def actor_at(self, token: Token) -> Actor | None:
        """The actor a token is part of a mention of, or that a description it heads names."""
        actor = self._by_token.get(token.i)
        return actor if actor is not None else self.descriptions.get(token.i)

    def is_demonym(self, token: Token) -> bool:
        """Whether the token is part of a demonym ("Turkish") rather than a name."""
        return token.i in self._demonym_tokens

    def actor_of_phrase(self, token: Token) -> Actor | None:
        """The actor a noun phrase headed by ``token`` stands for.

        The token's own mention first; then group nouns modified by an actor
        ("Turkish officials" → Türkiye), demonyms only in that role.
        """
        actor = self.actor_at(token)
        if actor is not None and not (self.is_demonym(token) and token.pos_ == "ADJ"):
            return actor
        if token.lemma_.lower() in GROUP_NOUNS:
            for child in token.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod"):
                    owner = self.actor_at(child)
                    if owner is not None and owner.type != "Person":
                        return owner
        return None

    def country_of(self, actor: Actor | None) -> Actor | None:
        """The country an actor is or belongs to: the Kremlin's is Russia."""
        if actor is None or actor.type == "Country":
            return actor
        container = self.part_of.get(actor.id)
        return container if container is not None and container.type == "Country" else None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions that start at a character offset in ``[start, end)``, in text order."""
        first = bisect.bisect_left(self.mentions, start, key=_mention_start)
        last = bisect.bisect_left(self.mentions, end, lo=first, key=_mention_start)
        return self.mentions[first:last]

    def actors(self) -> tuple[Actor, ...]:
        """Each actor once, in order of first mention."""
        return tuple({m.actor.id: m.actor for m in self.mentions}.values())

    def mention_counts(self) -> dict[str, int]:
        """How many times each actor id is mentioned."""
        counts: dict[str, int] = defaultdict(int)
        for mention in self.mentions:
            counts[mention.actor.id] += 1
        return dict(counts)

    def last_person_before(self, position: int) -> Actor | None:
        """The person mentioned last before a token position (for "he" / "she")."""
        for mention in reversed(self.mentions):
            if mention.actor.type == "Person" and mention.end <= position:
                return mention.actor
        return None


def _mention_start(mention: Mention) -> int:
    return mention.start


def _spans(doc: Doc) -> list[Span]:
    """Actor-bearing entity spans, with the NER's usual slips at their edges mended.

    A name split by an editor's bracket is joined again; a name cut short before
    "and ..." is completed (:func:`_completed`); words run into a name from the text
    around it are cut off (:func:`_trimmed`).
    """
    ents = [ent for ent in doc.ents if ent.label_ in ACTOR_LABELS]
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and ent.label_ == previous.label_ == "PERSON"
            and ent.start - previous.end == 1
            and doc[previous.end].text in (")", "]")
        ):
            joined[-1] = Span(doc, previous.start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    covered = {i for span in joined for i in range(span.start, span.end)}
    organisations = {clean_name(span) for span in joined if span.label_ == "ORG"}
    mended: list[Span] = []
    for span in joined:
        if mended and span.start < mended[-1].end:
            continue  # the rest of a name completed over it
        mended.append(_trimmed(_completed(span, covered, organisations)))
    common = _common_nouns(mended)
    return [span for span in mended if span.ent_id_ or _names_an_actor(span, common)]


def _names_an_actor(span: Span, common: set[str]) -> bool:
    """Whether a span the NER found can name an actor.

    Not a name ``data/not_actors.txt`` lists ("Brexit", "COVID-19"), nor a word the
    article uses as a common noun (:func:`_common_nouns`), nor what the English model
    made of a sentence in another script (a Hindi or Russian quotation).
    """
    name = clean_name(span)
    if fold(name) in load_non_actors() or (span.label_ == "PERSON" and name in common):
        return False
    return not _in_foreign_script(span)


def _common_nouns(spans: list[Span]) -> set[str]:
    """One-word "names" of people that the article uses as common nouns: with an article
    of their own ("a no-deal Brexit", "the Brexit"), which no person's name takes, and
    never as a part of a full name."""
    full_names = {token.text for span in spans if span.label_ == "PERSON" and len(span) > 1
                  for token in span}  # fmt: skip
    return {
        span.text
        for span in spans
        if span.label_ == "PERSON"
        and len(span) == 1
        and span.text not in full_names
        and any(_own_article(child, span[0]) for child in span[0].children)
    }


def _own_article(child: Token, word: Token) -> bool:
    """Whether ``child`` is an article of the word itself, not of a noun before it in
    apposition ("the energy company Burisma")."""
    between = child.doc[child.i + 1 : word.i]
    return (
        child.dep_ == "det"
        and child.lower_ in ("a", "an", "the")
        and not any(token.pos_ in ("NOUN", "PROPN") for token in between)
    )


#: Shares of letters in another script than Latin above which a sentence, or a sentence
#: around a name in that script, is read as written in another language, whose names
#: the English model only guesses.
_FOREIGN_SENTENCE = 0.5
_FOREIGN_AROUND_A_NAME = 0.2


@functools.lru_cache(maxsize=4096)
def _foreign_share(text: str) -> float:
    """The share of the text's letters in another script than Latin."""
    if text.isascii():
        return 0.0
    # Not modifier letters, which Latin spellings use too ("Nukuʻalofa").
    letters = [c for c in text if c.isalpha() and unicodedata.category(c) != "Lm"]
    foreign = sum(1 for c in letters if not c.isascii() and _script(c) != "LATIN")
    return foreign / len(letters) if letters else 0.0


@functools.lru_cache(maxsize=1024)
def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def _in_foreign_script(span: Span) -> bool:
    """Whether the span is the English model's guess in another language: in a sentence
    mostly in another script than Latin, or itself partly in one ("COVID-19 से") in a
    sentence that is partly too. A name in its own script in an English sentence
    ("Dmitry Koshelev (Дмитрий Кошелев)") stays."""
    sent = span.sent
    if _foreign_share(sent.text) > _FOREIGN_SENTENCE:
        return True
    own = _foreign_share(span.text)
    if own == 0 or own < 1:
        return own > 0
    before, after = (
        sent.text[: span.start_char - sent.start_char],
        sent.text[span.end_char - sent.start_char :],
    )
    return _foreign_share(before + after) > _FOREIGN_AROUND_A_NAME


def _completed(span: Span, covered: set[int], organisations: set[str]) -> Span:
    """The whole name when the NER stopped short of it.

    "League of Women" + "Voters", "Rogaland Fire" + "and Rescue" when the article
    gives the whole name elsewhere; "National Institute of Allergy" + "and Infectious
    Diseases director": the capitalised words after "and" go on an organisation's
    "X of Y" name. Not when they run into another name or hold a title ("... and
    Prime Minister Boris Johnson").
    """
    doc = span.doc
    if span.ent_id_ or span.label_ not in ("ORG", "PERSON"):
        return span
    name = clean_name(span)
    # Only a name the article gives that goes on from this one can complete it, in
    # whatever case the words go on here ("the League of Women voters").
    longer_names = {o.casefold() for o in organisations if o != name and o.startswith(name)}
    for end in range(min(len(doc), span.end + 5), span.end, -1) if longer_names else ():
        longer = Span(doc, span.start, end, label="ORG")
        if not doc[end - 1].is_punct and clean_name(longer).casefold() in longer_names:
            return longer
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("and", "&"):
        return span
    if span.label_ != "ORG" or not any(t.lower_ in ("of", "for") for t in span[1:]):
        return span
    end = span.end + 1
    while end < len(doc) and end not in covered and doc[end].is_title and doc[end].is_alpha:
        end += 1
    words = {token.lower_ for token in doc[span.end + 1 : end]}
    if end == span.end + 1 or end in covered or words & load_lexicon().title_words:
        return span
    return Span(doc, span.start, end, label="ORG")


def _trimmed(span: Span) -> Span:
    """The span without the words the NER ran into it (a ruler's match is left alone).

    * a sentence's first word, capitalised only for that ("Multiple Creative Commons",
      "Following South Carolina"), or a question's auxiliary ("Will Red Hat employees ...?");
    * the "et al." of a citation after a person's name ("Stamenković et al");
    * an acronym after the name it abbreviates ("National Hurricane Center (NHC");
    * a distance after a name ("Humberto 785 miles"), and, in a person's name, the
      lowercase words after it ("Dorian miles");
    * a weather system the NER took for a person ("Storm Lorenzo") is no person.
    """
    if span.ent_id_:
        return span
    doc = span.doc
    start, end = span.start, span.end
    if end - start > 1 and _glued_opener(doc[start]):
        start += 1
    # "the national Constitution Party": a lowercase word is no name's first (but "de Graaf").
    first = start + 1 if doc[start].lower_ in ("the", "a", "an") else start
    while (
        end - first > 1
        and span.label_ in ("ORG", "PERSON")
        and doc[first].is_lower
        and doc[first].is_alpha
        and doc[first].lower_ not in _NAME_PARTICLES
        and doc[first + 1].text[:1].isupper()
    ):
        first += 1
        start = first
    end = _before_glued_acronym(doc, start, end)
    if span.label_ == "PERSON":
        end = _before_possessed(doc, start, end)
    cited = _citation_end(doc, start, end)
    if cited:
        end = cited
    cut = _before_glued_words(doc, start, end, person=span.label_ == "PERSON")
    # A "person" whose name ran on into a figure ("Victoria 1.6%", "Voskhod 2", "Humberto
    # 785 miles") is no person: a place, a craft, a storm. As an organisation's name it is
    # not taken for a person named so, and can join the namesake of another type.
    figure = any(t.like_num and t.text[:1].isdigit() for t in doc[cut:end])
    end = cut
    label = span.label_
    if label == "PERSON" and (figure or (doc[start].lower_ in _STORM_WORDS and end - start > 1)):
        label = "ORG"
    elif label != "PERSON" and (cited or _titled_name(doc[start:end])):
        label = "PERSON"  # "Dr Valeria Gazzola", tagged ORG
    if (start, end, label) == (span.start, span.end, span.label_):
        return span
    return Span(doc, start, end, label=label)


def _before_possessed(doc: Doc, start: int, end: int) -> int:
    """Where a person's name ends when what the person has ran into it ("Sally Capp's
    Mayorship"): no name goes on after a possessive."""
    for i in range(start + 1, end - 1):
        if doc[i].tag_ == "POS":
            return i
    return end


def _citation_end(doc: Doc, start: int, end: int) -> int | None:
    """Where the author's name ends before "et al" ("Stamenković et al's"), if it does."""
    words = [token.lower_.rstrip(".") for token in doc[start:end]]
    while words and words[-1] in ("'s", "’s", ""):
        words.pop()
    if len(words) > 2 and words[-2:] == ["et", "al"]:
        return start + len(words) - 2
    return None


def _apposed_to_a_title(span: Span, lexicon: Lexicon) -> bool:
    """Whether an organisation's or place's span is a person's name in apposition to a
    title: "a State Department spokesperson, Morgan Ortagus," tagged ORG."""
    if span.label_ not in ("ORG", "GPE") or not 2 <= len(span) <= 4:
        return False
    if not all(token.is_title and token.is_alpha for token in span):
        return False
    root = span.root
    titles = [root.head] if root.dep_ == "appos" else []
    titles += [c for c in root.children if c.dep_ == "appos"]
    return any(t.pos_ == "NOUN" and t.lower_ in lexicon.title_words for t in titles)


#: Nouns that only a person's name follows in apposition: "his wife Melania", "officers
#: Antoine Quirin and ...", "the singer Madonna" (the role titles of ``titles.tsv`` too).
_PERSON_NOUNS = frozenset(
    {"wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "uncle",
     "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter", "grandfather",
     "grandmother", "widow", "widower", "fiancé", "fiancée", "stepson", "stepdaughter",
     "officer", "detective", "actor", "actress", "singer", "rapper", "musician", "guitarist",
     "drummer", "journalist", "reporter", "lawyer", "attorney", "coach", "author", "writer",
     "activist", "businessman", "businesswoman", "entrepreneur", "colleague", "teammate",
     "astronaut", "scientist", "researcher", "professor", "student", "suspect", "victim",
     "priest", "bishop", "rabbi", "imam", "soldier", "co-author", "cosmonaut"}
)  # fmt: skip


def _a_persons_name(span: Span, lexicon: Lexicon) -> bool:
    """Whether an organisation's or place's span is a person's name the NER mistook: a
    name in apposition to a noun that only a person's name follows ("his wife Melania",
    "officers Antoine Quirin and ...", "opposition leader Morgan Tsvangirai")."""
    if span.label_ not in ("ORG", "GPE") or not 1 <= len(span) <= 4:
        return False
    if not all(token.is_title and token.is_alpha for token in span):
        return False
    if org_type(span.text) != "Organization" or any(
        token.lower_ in _ORG_KIND_WORDS for token in span
    ):
        return False
    noun = span.doc[span.start - 1] if span.start > 0 else None
    if noun is None or not noun.is_lower or noun.pos_ != "NOUN":
        return False
    root = span.root
    apposed = (noun.head == root and noun.dep_ == "compound") or (
        root.head == noun and root.dep_ == "appos"
    )
    word = noun.lemma_.lower()
    return apposed and (word in _PERSON_NOUNS or (word in lexicon.titles and " " not in word))


def _titled_name(words: Span) -> bool:
    """Whether the words are a person's honorific and name ("Dr Valeria Gazzola")."""
    return (
        1 < len(words) <= 4
        and words[0].lower_.rstrip(".") in _PERSONAL_HONORIFICS
        and all(word.is_title for word in words[1:])
    )


def _glued_opener(token: Token) -> bool:
    doc = token.doc
    opens = token.is_sent_start or token.i == 0 or doc[token.i - 1].text in _CLAUSE_MARKS
    if not opens or not token.text[:1].isupper():
        return False
    if token.lower_ in _SENTENCE_OPENERS:
        return True
    question = token.sent.text.strip().rstrip("\"'”’").endswith("?")
    return token.lower_ in _QUESTION_OPENERS and question


def _before_glued_acronym(doc: Doc, start: int, end: int) -> int:
    """Where the name ends when its own acronym follows it inside the span."""
    for i in range(start + 1, end):
        token = doc[i]
        if token.text == "(" and i + 1 < end and initials(doc[start:i].text) == doc[i + 1].text:
            return i
    last = doc[end - 1]
    if end - start > 2 and last.is_upper and initials(doc[start : end - 1].text) == last.text:
        return end - 1
    return end


def _before_glued_words(doc: Doc, start: int, end: int, *, person: bool) -> int:
    """Where the name ends when common words of the sentence follow it inside the span."""
    for i in range(start + 1, end - 1):
        # "Humberto 785 miles": a number and the lowercase words after it.
        rest = doc[i + 1 : end]
        if doc[i].like_num and all(t.is_lower and t.is_alpha for t in rest):
            return i
    if not (person and doc[start].text[:1].isupper()):
        return end
    # "Victoria 1.6%": no person's name ends in a figure.
    figure = end
    while figure - start > 1 and (doc[figure - 1].is_punct or doc[figure - 1].text == "%"):
        figure -= 1
    while figure - start > 1 and doc[figure - 1].like_num and doc[figure - 1].text[:1].isdigit():
        figure -= 1
        end = figure
    # A lowercase word of its own, not the end of a hyphenated name ("Park Won-soon"), or
    # a capitalised past-tense verb ("Narendra Modi Announced a curfew").
    cut = end
    while cut - start > 1 and (
        (doc[cut - 1].is_lower and doc[cut - 1].is_alpha)
        or (doc[cut - 1].tag_ in ("VBD", "VBN") and doc[cut - 1].lower_.endswith("ed"))
    ):
        if not doc[cut - 2].whitespace_:
            break
        cut -= 1
    # Nor a species' name ("A. millepora"): an initial alone is no name.
    return end if cut - start == 1 and len(doc[start].text.rstrip(".")) < 2 else cut


def _gazetteer_hit(span: Span, gazetteer: Gazetteer) -> tuple[GazetteerEntry, str] | None:
    if span.ent_id_ and "|" in span.ent_id_:
        key, kind = span.ent_id_.split("|", 1)
        return gazetteer.by_key(key), kind
    hit = gazetteer.lookup(clean_name(span))
    if hit is not None and hit[0].type == "Person" and span.label_ != "PERSON":
        return None  # a dictionary person's name inside an organisation's ("Trump Organization")
    if hit is None and span.label_ == "ORG":
        return _state_of(clean_name(span), gazetteer)
    return hit


#: "the State of France", "the Government of India": the state itself, as "the French
#: government" is (see ``GROUP_NOUNS``).
_STATE_OF = re.compile(r"^(?:State|Government|Administration|Regime) of (?:the )?(.+)$")


def _state_of(name: str, gazetteer: Gazetteer) -> tuple[GazetteerEntry, str] | None:
    match = _STATE_OF.match(name)
    hit = gazetteer.lookup(match.group(1)) if match else None
    if hit is not None and hit[0].type == "Country" and hit[1] == "name":
        return hit[0], "metonym"
    return None


def _without_region(span: Span, gazetteer: Gazetteer) -> Span:
    """A place without the region the NER took in after its comma ("Winchester, Hampshire").

    Only for places the gazetteer does not know: "Washington, D.C." and "Paris, Texas"
    stay whole, not the United States or France.
    """
    commas = [token.i for token in span if token.text == ","]
    if span.label_ != "GPE" or span.ent_id_ or len(commas) != 1 or commas[0] == span.start:
        return span
    head = Span(span.doc, span.start, commas[0], label="GPE")
    if gazetteer.lookup(clean_name(span)) or gazetteer.lookup(clean_name(head)):
        return span
    return head


def _names_given(spans: list[Span]) -> dict[str, str]:
    """The names the article's spans give, with their label; people's surnames too."""
    known: dict[str, str] = {}
    for span in spans:
        name = clean_name(span)
        if span.label_ in ("PERSON", "ORG") and "," not in name:
            known.setdefault(name, span.label_)
            if span.label_ == "PERSON" and len(words := name.split()) > 1:
                known.setdefault(words[-1], "PERSON")
    return known


#: Words and marks that join two names into one span: a ticket ("Biden-Harris"), a
#: contest ("the Trump-Biden debate"), a pair ("Kelly and Baroni").
_PAIR_JOINERS = frozenset({"-", "–", "/", "and", "&"})


def _named_pair(span: Span, known: dict[str, str]) -> list[Span]:
    """The two people a span joins, when each side is a person's name the article gives
    ("the Trump-Biden debate", "Biden and Sanders" tagged ORG); else the span itself."""
    if span.ent_id_:
        return [span]
    doc = span.doc
    for token in span[1:-1]:
        if token.lower_ in _PAIR_JOINERS:
            first, second = doc[span.start : token.i], doc[token.i + 1 : span.end]
            if known.get(clean_name(first)) == known.get(clean_name(second)) == "PERSON":
                return [
                    Span(doc, first.start, first.end, label="PERSON"),
                    Span(doc, second.start, second.end, label="PERSON"),
                ]
    return [span]


def _before_comma(span: Span, known: dict[str, str]) -> Span:
    """An organisation's span cut at its comma when what comes first is a name the
    article gives alone: "Garg, Mysore Divisional Railway Manager" is Aparna Garg,
    "Prohibition Party, Reform Party" two parties (but the "Institute of Epidemiology,
    Disease Control and Research" stays whole).
    """
    commas = [token.i for token in span if token.text == ","]
    if span.label_ != "ORG" or span.ent_id_ or len(commas) != 1 or commas[0] == span.start:
        return span
    head = Span(span.doc, span.start, commas[0], label="ORG")
    label = known.get(clean_name(head))
    return span if label is None else Span(span.doc, span.start, commas[0], label=label)


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Case and diacritics folded, so "Erdogan" and "Erdoğan" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: Where an article names each person's name: how many times, and the first token's index.
Sightings = dict[str, tuple[int, int]]
#: How many times more often a later-named person must be named in full to take a
#: surname they share from the person named first.
SURNAME_DOMINANCE = 2


def _person_key(name: str, clusters: list[list[str]], seen: Sightings | None = None) -> int:
    """Index of the cluster a person's name joins (a new one when none fits).

    The name is added to the cluster's names. A surname two full names share ("Biden"
    after "Joe Biden" and "Hunter Biden") joins the one :func:`_surname_holder` picks.
    """
    index = _fitting_cluster(_fold(name).split(), clusters, seen or {})
    if index is None:
        clusters.append([name])
        return len(clusters) - 1
    clusters[index].append(name)
    return index


def _fitting_cluster(words: list[str], clusters: list[list[str]], seen: Sightings) -> int | None:
    # Any of a cluster's names: "Pierluisi" fits "Pedro Pierluisi", which joined "Pedro R.
    # Pierluisi Urrutia".
    fitting = [
        index
        for index, cluster in enumerate(clusters)
        if any(
            words[-1] == (full := _fold(name).split())[-1] and set(words) <= set(full)
            for name in cluster
        )
    ]
    if fitting:
        return _surname_holder(fitting, clusters, seen)
    if len(words) > 1:
        # "Pedro Pierluisi" after "Pedro R. Pierluisi Urrutia": a Spanish name without the
        # mother's surname (not "Donald Trump" after "Donald Trump Jr.").
        maternal = [
            index
            for index, cluster in enumerate(clusters)
            if len(full := _fold(cluster[0]).split()) > len(words)
            and (full[0], full[-2]) == (words[0], words[-1])
            and full[-1].rstrip(".") not in NAME_SUFFIXES
        ]
        if len(maternal) == 1:
            return maternal[0]
        # "John Luk" after "John Luk Jok": the one longer name it begins (not a father's
        # name before his son's "Jr.").
        longer = [
            index
            for index, cluster in enumerate(clusters)
            if len(full := _fold(cluster[0]).split()) > len(words)
            and full[: len(words)] == words
            and full[-1].rstrip(".") not in NAME_SUFFIXES
        ]
        if len(longer) == 1:
            return longer[0]
    if len(words) == 1:
        # "DeBartolo" after "Edward J. DeBartolo Jr.": the one name whose surname, before
        # its suffix, it is (a plain "Trump" joined "Donald Trump" in the loop above).
        suffixed = [
            index
            for index, cluster in enumerate(clusters)
            if len(full := _fold(cluster[0]).split()) > 2
            and full[-1].rstrip(".") in NAME_SUFFIXES
            and full[-2] == words[0]
        ]
        if len(suffixed) == 1:
            return suffixed[0]
        # "Park" after "Park Won-soon", "Osama" after "Osama bin Laden": the one name it starts.
        starts = [
            index
            for index, cluster in enumerate(clusters)
            if len(cluster[0].split()) > 1 and _fold(cluster[0]).split()[0] == words[0]
        ]
        if len(starts) == 1:
            return starts[0]
    return None


def _surname_holder(fitting: list[int], clusters: list[list[str]], seen: Sightings) -> int:
    """The one of several people sharing a surname whom the bare surname stands for.

    News writing gives the bare surname to the article's main person, named first, and
    keeps naming a relative in full ("Joe Biden ... Hunter Biden, his son ... Biden
    said"): the person named first, unless another is named in full far more often.
    """

    def times(index: int) -> int:
        return sum(seen.get(name, (0, 0))[0] for name in clusters[index])

    def first(index: int) -> int:
        return min((seen[name][1] for name in clusters[index] if name in seen), default=1 << 30)

    opener = min(fitting, key=lambda index: (first(index), index))
    most = max(fitting, key=lambda index: (times(index), -first(index), -index))
    return most if times(most) >= SURNAME_DOMINANCE * times(opener) else opener


#: Prepositions after which a name stands for a place ("in Melbourne"); not those a
#: person's name follows too ("tributes to Cummings", "a letter from Biden").
_LOCATIVES = frozenset(
    {"in", "at", "near", "across", "throughout", "outside", "around", "inside", "within"}
)


def _places_by_use(hits: Iterable[tuple[Span, object]]) -> set[str]:
    """Names the article tags as places and uses as places, after a locative preposition."""
    return {
        clean_name(span)
        for span, _ in hits
        if span.label_ == "GPE" and span.start > 0 and span.doc[span.start - 1].lower_ in _LOCATIVES
    }


def _birth_names(people: list[Span]) -> dict[str, str]:
    """Birth name → the name the person is known by: "Ginger Baker was born Peter Edward
    Baker", "Doris Day, born Doris Mary Ann Kappelhoff, ..."."""
    names = {span.root.i: span for span in people}
    found: dict[str, str] = {}
    for span in people:
        root = span.root
        born = root.head if root.dep_ in ("dobj", "oprd", "attr") else None
        if born is not None and born.lower_ == "born":
            known = next((names.get(c.i) for c in born.children if c.dep_ == "nsubjpass"), None)
        elif root.dep_ == "appos" and any(c.lower_ == "born" for c in root.children):
            known = names.get(root.head.i)
        else:
            known = None
        if known is not None and known is not span:
            found[_strip_titles(clean_name(span))] = _strip_titles(clean_name(known))
    return found


def _join_clusters(person_cluster: dict[str, int], source: int | None, target: int | None) -> None:
    """Every name of the source cluster joins the target cluster instead."""
    if source is None or target is None or source == target:
        return
    for name, number in person_cluster.items():
        if number == source:
            person_cluster[name] = target


def _sightings(people: list[Span]) -> Sightings:
    """How many times, and from which token on, the article names each person's name."""
    times: Counter[str] = Counter()
    first: dict[str, int] = {}
    for span in people:
        name = _strip_titles(clean_name(span))
        times[name] += 1
        first.setdefault(name, span.start)
    return {name: (count, first[name]) for name, count in times.items()}


def _strip_titles(name: str) -> str:
    """The name without the titles and honorifics before it ("First Lady Melania Trump")."""
    titles = load_lexicon().titles
    words = name.split()
    while len(words) > 1 and (
        words[0].lower().rstrip(".") in titles or words[0].lower().rstrip(".") in HONORIFICS
    ):
        words = words[1:]
    # A photo caption run into the name ("Gary Johnson Image: ...", "Howie HawkinsImage").
    while len(words) > 2 and words[-1] in _CAPTION_WORDS:
        words = words[:-1]
    if len(words) > 1:
        words[-1] = _GLUED_CAPTION.sub("", words[-1])
    return " ".join(words)


def resolve_actors(
    doc: Doc,
    *,
    gazetteer: Gazetteer | None = None,
    article: Article | None = None,
    dictionary: ActorDictionary | None = None,
    lexicon: Lexicon | None = None,
) -> ActorIndex:
    """Resolve the entity mentions of one parsed article to actors.

    Args:
        doc: the parsed article.
        gazetteer: the gazetteer (with a dictionary's entries as override entries, see
            ``ActorDictionary.gazetteer``); the shipped one by default.
        article: the article, whose date picks the holder of a dated dictionary role.
        dictionary: the user's actor dictionary, for dated roles.
        lexicon: the titles; ``load_lexicon()`` by default.
    """
    gazetteer = gazetteer or load_gazetteer()
    lexicon = lexicon or load_lexicon()
    # First pass: give each span a key; actors are built once all their names are known.
    keyed: list[tuple[Span, str, str]] = []  # (span, key, surface name)
    info: dict[str, tuple[str, str, GazetteerEntry | None]] = {}  # key → (label, type, entry)
    names: dict[str, list[str]] = defaultdict(list)
    demonym_keys: set[int] = set()
    hits = []
    spans = _spans(doc)
    known = _names_given(spans)
    spans = [part for span in spans for part in _named_pair(span, known)]
    for span in spans:
        span = _before_comma(_without_region(span, gazetteer), known)
        hit = _gazetteer_hit(span, gazetteer)
        if hit is None and (_apposed_to_a_title(span, lexicon) or _a_persons_name(span, lexicon)):
            span = Span(doc, span.start, span.end, label="PERSON")
        # A dictionary person is found through the cluster of names the article gives.
        hits.append((span, None if hit is not None and hit[0].type == "Person" else hit))

    # Longest first, then by text: the same clusters whatever the order of the spans.
    people = sorted(
        {_strip_titles(clean_name(s)) for s, hit in hits if s.label_ == "PERSON" and hit is None},
        key=lambda n: (-len(n.split()), n),
    )
    clusters: list[list[str]] = []
    seen = _sightings([s for s, hit in hits if s.label_ == "PERSON" and hit is None])
    person_cluster = {name: _person_key(name, clusters, seen) for name in people if name}
    birth_names = _birth_names([s for s, hit in hits if s.label_ == "PERSON"])
    for birth_name, name in birth_names.items():
        _join_clusters(person_cluster, person_cluster.get(birth_name), person_cluster.get(name))
    cluster_entry: dict[int, GazetteerEntry] = {}
    for name, number in sorted(person_cluster.items(), key=lambda item: item[1]):
        hit = gazetteer.lookup(name)
        if hit is not None and hit[0].type == "Person":
            cluster_entry.setdefault(number, hit[0])
    # A surname the NER took for an organisation or a place ("Trump said" tagged ORG).
    surnames: dict[str, int | None] = {}
    suffixed: dict[str, int | None] = {}  # "Downey" of "Robert Downey Jr."
    for name, number in person_cluster.items():
        words = name.split()
        if len(words) > 2 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
            last = words[-2]
            suffixed[last] = number if suffixed.get(last, number) == number else None
        elif len(words) > 1:
            last = words[-1]
            surnames[last] = number if surnames.get(last, number) == number else None
    for last, number in suffixed.items():
        surnames.setdefault(last, number)  # a plain "Trump" is Donald Trump, not his son
    # A surname two full names share ("Biden", "Cummings" tagged ORG or GPE): whom its bare
    # use as a person's name stands for, else the one the article gives it to, unless the
    # article uses the word for a place ("in Melbourne").
    places = _places_by_use(hits)
    for last, number in surnames.items():
        if number is None and last not in places:
            surnames[last] = person_cluster.get(
                last, _fitting_cluster([_fold(last)], clusters, seen)
            )

    organisations = {clean_name(s) for s, hit in hits if s.label_ == "ORG" and hit is None}
    # In a fixed order, so that two names with the same initials give the acronym to the
    # same one in every process (a set's order changes with the process's hash seed).
    acronyms: dict[str, str] = {}
    for label in sorted(organisations):
        if len(letters := initials(label)) >= 2:
            acronyms.setdefault(letters, label)
    companies = _company_short_names(organisations)
    # "the League of Women voters", completed in the case it goes on in, is the article's
    # "League of Women Voters": one spelling, the one with the most capitals.
    spellings = {o.casefold(): o for o in sorted(organisations, key=_capitals)}
    wording = _Wording(
        places=frozenset(clean_name(s) for s, hit in hits if s.label_ == "GPE"),
        lowercase=frozenset(token.text for token in doc if token.is_lower),
        gazetteer=gazetteer,
    )
    longer_forms = _longer_forms(organisations, wording)
    for span, hit in hits:
        # "... Allergy and Infectious Diseases (NIAID)": the NER found the acronym alone.
        surface = clean_name(span)
        if hit is None and span.label_ == "ORG" and surface.isupper() and surface not in acronyms:
            spelled = _spelled_before(span, surface)
            if spelled is not None:
                acronyms[surface] = spelled

    for span, hit in hits:
        surface = clean_name(span)
        if not surface:
            continue
        person, naming = None, True
        if span.label_ == "PERSON":
            person = person_cluster.get(_strip_titles(surface))
            if person is not None and _short_for_an_institution(
                surface, longer_forms, clusters[person]
            ):
                person, span = None, Span(span.doc, span.start, span.end, label="ORG")
        elif span.label_ in ("ORG", "GPE") and hit is None:
            person, surface = _person_named(
                surface,
                span.label_ == "GPE" and surface in places,
                person_cluster,
                surnames,
                clusters,
            )
        if hit is not None:
            entry, kind = hit
            key = f"gaz:{entry.key}"
            info[key] = (entry.label, entry.type, entry)
            if kind == "demonym":
                demonym_keys.update(range(span.start, span.end))
        elif person is not None:
            # A birth name stands for the person, but is no name to find them by elsewhere:
            # "Doris Day" in other articles is not to be matched against "Kappelhoff".
            naming = _strip_titles(surface) not in birth_names
            cluster = clusters[person]
            if person in cluster_entry:
                entry = cluster_entry[person]
                key = f"gaz:{entry.key}"
                info[key] = (entry.label, entry.type, entry)
            else:
                key = f"person:{cluster[0]}"
                info[key] = (cluster[0], "Person", None)
            surface = _strip_titles(surface)
        elif span.label_ == "PERSON":
            continue
        elif span.label_ == "ORG":
            longer, naming = longer_forms.get(surface, (None, True))
            label = (
                acronyms.get(surface, surface)
                if surface.isupper()
                else companies.get(surface) or longer or spellings.get(surface.casefold(), surface)
            )
            # "Court" for the "Wisconsin Supreme Court" is no name of it that another
            # article's "Court" could be matched by.
            naming = naming or label != longer
            key = f"org:{label}"
            info[key] = (label, org_type(label), None)
            following = span.doc[span.end : span.end + 3]
            if len(following) == 3 and following[0].text == "(" and following[2].text == ")":
                acronyms.setdefault(following[1].text, label)
        elif span.label_ == "GPE":
            key = f"territory:{surface}"
            info[key] = (surface, "Territory", None)
        else:
            continue  # NORP, FAC and LOC name actors only through the gazetteer
        keyed.append((span, key, surface))
        if naming and not (hit is not None and hit[1] == "demonym"):
            names[key].append(surface)

    keyed += _unrecognised_repeats(doc, keyed)
    keyed.sort(key=lambda entry: entry[0].start)
    actors = {key: _make_actor(key, info[key], names[key]) for key in info}
    index = ActorIndex()
    for span, key, surface in keyed:
        actor = actors[key]
        index.mentions.append(
            Mention(start=span.start_char, end=span.end_char, text=surface, actor=actor)
        )
        for i in range(span.start, span.end):
            index._by_token[i] = actor
    index._demonym_tokens = demonym_keys
    for key, (_, _, entry) in info.items():
        if entry is not None and entry.part_of:
            container = gazetteer.by_key(entry.part_of)
            index.part_of[actors[key].id] = _entry_actor(container, ())
    index.descriptions = describe(
        doc, index, lexicon=lexicon, article=article, dictionary=dictionary
    )
    return index


def _short_for_an_institution(
    name: str, longer_forms: dict[str, tuple[str, bool]], cluster: list[str]
) -> bool:
    """Whether a "person" known by one word only is the short form of an institution's
    name: "the Wooster professor" of the "College of Wooster"."""
    longer, _ = longer_forms.get(name, (None, True))
    return (
        longer is not None
        and all(" " not in other for other in cluster)
        and any(word.lower() in _ORG_KIND_WORDS for word in longer.split())
    )


def _capitals(name: str) -> tuple[bool, int, str]:
    """How well a spelling shows a name: not shouted in capitals, then the most capitals."""
    return not name.isupper(), sum(c.isupper() for c in name), name


def _company_short_names(organisations: set[str]) -> dict[str, str | None]:
    """First word → the article's one company name it begins ("Ford": "Ford Motor Company")."""
    short: dict[str, str | None] = {}
    for name in sorted(organisations):
        words = name.split()
        if len(words) > 1 and words[-1].lower().rstrip(".,") in _COMPANY_WORDS:
            short[words[0]] = name if short.get(words[0], name) == name else None
    return short


#: Words that name the kind of an organisation after or before its own name: "Ithaca
#: College" is "Ithaca", the "College of Wooster" "Wooster", "Salling Group A/S" "Salling
#: Group", the "Liberal National Party" the "Liberal National".
_ORG_KIND_WORDS = frozenset(
    {"party", "college", "university", "school", "academy", "institute", "hospital", "foundation",
     "association", "society", "club", "group", "company", "corporation", "corp", "inc",
     "incorporated", "ltd", "limited", "llc", "plc", "a/s", "ag", "sa", "gmbh", "nv", "bv"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Wording:
    """What an article's wording tells of a name: the places it names, its lowercase words."""

    places: frozenset[str]
    lowercase: frozenset[str]
    gazetteer: Gazetteer

    def is_place(self, name: str) -> bool:
        hit = self.gazetteer.lookup(name) if name not in self.places else None
        return name in self.places or (hit is not None and hit[0].type in ("Country", "Territory"))

    def is_common_noun(self, word: str) -> bool:
        """Whether the article also writes the word in lowercase ("the court")."""
        return word.lower() in self.lowercase


def _longer_forms(organisations: set[str], wording: _Wording) -> dict[str, tuple[str, bool]]:
    """Short form → the article's one longer organisation name it stands for, and whether
    the short form is a name of it (not a common noun: "the Court").

    A short form is the longer name's head, a common noun ("the Court" of the "Supreme
    Court" or the "Court of Appeals", the "Liberal Party" of the "Australian Liberal
    Party"), or a proper name without the words of its kind ("Ithaca" of "Ithaca
    College", "Wooster" of the "College of Wooster", "Mysore Division" of the "Mysore
    Division of the SWR"). Not a name the article uses for a place ("Kansas" is not the
    "University of Kansas"), nor a name before "of" and a place ("Constitution Party of
    Idaho" is the party's state branch), nor a name after a connector ("Biological
    Diversity" is not the "Center for Biological Diversity").
    """
    found: dict[str, set[str]] = defaultdict(set)
    naming: dict[str, bool] = {}
    for longer in organisations:
        if "," not in longer:  # a list of names, not one
            for short, names_it in _short_forms(longer, wording):
                found[short].add(longer)
                naming[short] = naming.get(short, True) and names_it
    return {
        short: (longers.pop(), naming[short])
        for short, longers in found.items()
        if len(longers) == 1 and short not in wording.places and not short.isupper()
    }


def _short_forms(longer: str, wording: _Wording) -> list[tuple[str, bool]]:
    """The short forms of a name, each with whether it names it (see :func:`_longer_forms`)."""
    words = longer.split()
    forms = []
    for size in range(1, len(words)):
        head, tail = " ".join(words[:size]), words[size:]
        if tail[0] == "of" and len(tail) > 1:
            rest = " ".join(tail[1:])
            if not wording.is_place(rest.removeprefix("the ")):
                forms.append((head, size > 1))  # "Court" of "Court of Appeals"
            if size == 1 and head.lower() in _ORG_KIND_WORDS and not wording.is_common_noun(rest):
                forms.append((rest, True))  # "Wooster" of "College of Wooster"
        kinds = all(word.lower().rstrip(".,") in _ORG_KIND_WORDS for word in tail)
        if kinds and not (size == 1 and wording.is_common_noun(head)):
            forms.append((head, True))  # "Ithaca" of "Ithaca College", not "Chess" of "Chess Club"
        letters = initials(head)
        if len(letters) >= 2 and tail[0] not in _CONNECTORS:
            forms.append((f"{letters} {' '.join(tail)}", True))  # "UC Davis"
        if words[size - 1].lower() not in _CONNECTORS and tail[0][:1].isupper():
            short = " ".join(tail)
            if org_type(short) != "Organization" or wording.is_common_noun(tail[-1]):
                forms.append((short, False))  # "Court" of "Supreme Court"
    return [(form, names_it) for form, names_it in forms if form[:1].isupper()]


def _person_named(
    surface: str,
    a_place: bool,
    person_cluster: dict[str, int],
    surnames: dict[str, int | None],
    clusters: list[list[str]],
) -> tuple[int | None, str]:
    """The article's person an organisation- or place-tagged name is, and the name itself.

    A surname ("Trump said", tagged ORG) or a person's name; the one full name a first
    name starts ("Hamza" after "Hamza bin Ladin", "Rocky" after "Rocky De La Fuente"),
    unless the article uses the word for a place (``a_place``: "in Virginia" after
    "Virginia Foxx"); a person's name after the place the person represents ("Senator
    from Vermont Bernie Sanders").
    """
    if surface in surnames:
        return surnames[surface], surface
    if surface in person_cluster:
        return person_cluster[surface], surface
    words = surface.split()
    if not a_place and len(words) == 1:
        starts = [
            index
            for index, cluster in enumerate(clusters)
            if len(names := cluster[0].split()) > 1 and names[0] == surface
        ]
        if len(starts) == 1:
            return starts[0], surface
    for size in range(len(words) - 1, 1, -1):
        tail = " ".join(words[-size:])
        if tail in person_cluster:
            return person_cluster[tail], tail
    return None, surface


def _spelled_before(span: Span, acronym: str) -> str | None:
    """The capitalised words before "(ACRONYM)" whose initials it is, if the text has them."""
    doc = span.doc
    end = span.start - 1
    if end < 1 or doc[end].text != "(":
        return None
    for start in range(end - 1, max(end - 12, 0) - 1, -1):
        token = doc[start]
        if not (token.text[:1].isupper() or token.lower_ in _CONNECTORS):
            return None
        words = doc[start:end]
        if token.text[:1].isupper() and initials(words.text) == acronym:
            return words.text
    return None


def _unrecognised_repeats(
    doc: Doc, keyed: list[tuple[Span, str, str]]
) -> list[tuple[Span, str, str]]:
    """Later mentions the NER missed: a name, or a person's surname, already resolved elsewhere.

    The small English model tags "Kılıçdaroğlu" as a person once and misses it
    twice; a surface form that names one actor in the article names it everywhere.
    """
    surfaces: dict[str, str | None] = {}
    for _, key, surface in keyed:
        forms = [surface]
        if key.startswith("person:"):
            forms.append(key.split(":", 1)[1].split()[-1])
        for form in forms:
            # A form claimed by two actors (two Johnsons) is left alone.
            surfaces[form] = key if surfaces.get(form, key) == key else None
    covered = {i for span, _, _ in keyed for i in range(span.start, span.end)}
    longest = max((len(form.split()) for form in surfaces), default=0)
    # Candidate spans are compared as slices of the text (what Span.text gives), with
    # offsets from one array, so that no Token or Span is made for the many non-matches.
    starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
    whole = doc.text  # built anew from the tokens on every access
    found: list[tuple[Span, str, str]] = []
    i = 0
    while i < len(doc):
        if i in covered or not whole[starts[i]].isupper():
            i += 1
            continue
        for length in range(min(longest, len(doc) - i), 0, -1):
            end = i + length
            if any(j in covered for j in range(i, end)):
                continue
            text = whole[starts[i] : starts[end - 1] + lengths[end - 1]]
            key = surfaces.get(text)
            if key:
                found.append((doc[i:end], key, text))
                i = end
                break
        else:
            i += 1
    return found


def _entry_actor(entry: GazetteerEntry, seen: Iterable[str]) -> Actor:
    iso = entry.iso_code if entry.type in ("Country", "Territory") else None
    return Actor(
        id=entry_iri(entry),
        label=entry.label,
        type=entry.type,
        names=tuple(dict.fromkeys([entry.label, *seen])),
        iso_code=iso,
        wikidata=entry.wikidata,
    )


def _make_actor(key: str, info: tuple[str, str, GazetteerEntry | None], seen: list[str]) -> Actor:
    label, actor_type, entry = info
    if entry is not None:
        return _entry_actor(entry, seen)
    return Actor(
        id=actor_iri(label=label, type=actor_type),
        label=label,
        type=actor_type,
        names=tuple(dict.fromkeys([label, *seen])),
    )
