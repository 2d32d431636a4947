"""What each mended span names, once the article's names are known.

A span may join two people ("the Trump-Biden debate"), run past a comma into a
region or a second name ("Winchester, Hampshire", "Garg, Mysore Divisional Railway
Manager"), be a person's name the NER typed as an organisation ("his wife Melania"),
or be a gazetteer entry ("the Government of India" is India). These functions cut,
split and retype the spans of :func:`kgraph.actors.spans.actor_spans` accordingly.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kgraph.actors.gazetteer import Gazetteer, GazetteerEntry
from kgraph.actors.organisations import ORG_KIND_WORDS, initials, org_type
from kgraph.actors.spans import clean_name
from kgraph.relations.lexicon import Lexicon


def names_given(spans: list[Span]) -> dict[str, str]:
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


#: Fewest letters of an acronym that says the words it stands for are no person's name
#: (two letters are too often a person's initials: "TB").
_SPELLED_ACRONYM_LETTERS = 3


def spelled_by_an_acronym(span: Span, acronyms: set[str], called_by_one_word: set[str]) -> bool:
    """Whether a person's span is the spelled-out form of an acronym the article uses
    ("Female Genital Mutilation" ... "FGM"): no one's name, unless it holds an initial
    ("William S. Saturn", "WSS") or the article calls the person by one of its words
    alone, as "JFK" is John Fitzgerald Kennedy, called "Kennedy"."""
    if span.label_ != "PERSON" or span.ent_id_:
        return False
    words = clean_name(span).split()
    letters = initials(" ".join(words))
    return (
        len(words) == len(letters) >= _SPELLED_ACRONYM_LETTERS
        and not any(len(word.rstrip(".")) == 1 for word in words)  # "William S. Saturn"
        and letters in acronyms
        and not called_by_one_word & set(words)
    )


def named_pair(span: Span, known: dict[str, str]) -> list[Span]:
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


def without_region(span: Span, gazetteer: Gazetteer) -> Span:
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


def before_comma(span: Span, known: dict[str, str]) -> Span:
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


def gazetteer_hit(span: Span, gazetteer: Gazetteer) -> tuple[GazetteerEntry, str] | None:
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


def apposed_to_a_title(span: Span, lexicon: Lexicon) -> bool:
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


def a_persons_name(span: Span, lexicon: Lexicon) -> bool:
    """Whether an organisation's or place's span is a person's name the NER mistook: a
    name in apposition to a noun that only a person's name follows ("his wife Melania",
    "officers Antoine Quirin and ...", "opposition leader Morgan Tsvangirai")."""
    if span.label_ not in ("ORG", "GPE") or not 1 <= len(span) <= 4:
        return False
    if not all(token.is_title and token.is_alpha for token in span):
        return False
    if org_type(span.text) != "Organization" or any(
        token.lower_ in ORG_KIND_WORDS for token in span
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


#: Verbs of speech whose subject, named like a person, is one when the sentence says so.
_SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "state", "claim", "explain", "note", "argue", "remark", "comment",
     "write", "insist", "warn", "admit", "recall"}
)  # fmt: skip
#: Pronouns that stand for a person, never for an organisation ("it", "they", "we").
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "i", "me", "my"})


def a_speakers_name(span: Span, lexicon: Lexicon) -> bool:
    """Whether an organisation's span that says something is a person's name: named like a
    person ("Regina Ip", no word of an organisation's kind), and the sentence makes it one —
    a person of a body ("Nikki Holland of the National Crime Agency said", "Regina Ip from
    the pro-Beijing camp said"), a body's person ("the Fund's Jacqueline De León said"),
    a title before the name ("MP Tanya Davies said"), or "he", "she" or "my" in what is said
    ("La Riva said she ...")."""
    words = clean_name(span).split()
    # No person's name takes an article ("A Republican Assemblywoman, Jill Tolles, said").
    if span.label_ != "ORG" or span.ent_id_ or not 2 <= len(words) <= 4:
        return False
    if span[0].lower_ in ("the", "a", "an"):
        return False
    if not all(word[:1].isupper() and word.isalpha() for word in words):
        return False
    if org_type(" ".join(words)) != "Organization" or any(
        word.lower() in ORG_KIND_WORDS or word.lower() in lexicon.title_words for word in words
    ):
        return False
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in _SPEECH_VERBS:
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    titled = before is not None and before.lower_ in lexicon.titles and before.head == root
    of_a_body = any(
        (child.dep_ == "prep" and child.lower_ in ("of", "from")) or child.dep_ == "poss"
        for child in root.children
    )
    said = (token for token in verb.subtree if not span.start <= token.i < span.end)
    return titled or of_a_body or any(token.lower_ in _PERSONAL_PRONOUNS for token in said)


def holds_a_persons_surname(span: Span, called_by_one_word: set[str], lexicon: Lexicon) -> bool:
    """Whether an organisation's span is a person's full name: named like a person, with a
    surname the article calls a person by on its own ("Ricardo Rosselló Nevares", tagged as
    an organisation, of an article where "Rosselló said").

    Not a name with a word the article also writes in lowercase ("Tropical Storm
    Humberto"), an acronym ("UC Davis") or a word of an organisation's kind; nor one whose
    "surname" other organisations' names hold too ("Oracle Linux", "CAOS Linux").
    """
    words = clean_name(span).split()
    if span.label_ != "ORG" or span.ent_id_ or not 2 <= len(words) <= 3:
        return False
    if span[0].lower_ in ("the", "a", "an") or words[0] in called_by_one_word:
        return False
    if not all(word.istitle() and word.isalpha() for word in words):
        return False
    if org_type(" ".join(words)) != "Organization" or any(
        word.lower() in ORG_KIND_WORDS or word.lower() in lexicon.title_words for word in words
    ):
        return False
    doc = span.doc
    lowercase = {token.text for token in doc if token.is_lower}
    if any(word.lower() in lowercase for word in words):
        return False
    others = {ent.text for ent in doc.ents if ent.label_ != "PERSON" and ent.text != span.text}
    return any(
        word in called_by_one_word
        and len(word) > 2
        and not any(word in other.split() for other in others)
        for word in words[-2:]
    )
