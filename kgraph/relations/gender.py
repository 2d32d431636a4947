"""Which people of an article the text itself shows to be a man or a woman, for "he" and "she".

No name list is used: a first name says little across the languages news reports on,
and the text usually says more. The evidence, read once per article:

* a gendered word before the name or in apposition to it: "Mr", "Ms", "Queen",
  "congresswoman", "spokesman", "his wife X";
* a pronoun in what someone is reported to say of themselves: "X said she would run"
  (the only person subject of the speech verb, and the pronoun the subject of what is said);
* a possessive right after the name in its own clause: "X and his wife", "X told her staff".

A person with evidence both ways has no known gender. ``pronoun_fits`` lets a person of
unknown gender fit either pronoun.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kgraph.actors.resolve import ActorIndex
from kgraph.model import Actor
from kgraph.relations import syntax

MALE, FEMALE = "male", "female"

#: The gender a third-person pronoun refers to.
PRONOUN_GENDER: dict[str, str] = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}  # fmt: skip

#: Words before a name or in apposition to it that say whether the person is a man or a woman.
_GENDERED_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("mr", "sir", "lord", "king", "prince", "emperor", "sultan", "emir", "duke", "count",
         "father", "brother", "son", "husband", "uncle", "nephew", "grandfather", "widower",
         "boyfriend", "man", "boy", "spokesman", "congressman", "chairman", "businessman",
         "councilman", "assemblyman", "policeman", "sportsman", "actor", "monk", "pope"),
        MALE,
    ),
    **dict.fromkeys(
        ("mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess",
         "empress", "duchess", "countess", "mother", "sister", "daughter", "wife", "aunt",
         "niece", "grandmother", "widow", "girlfriend", "woman", "girl", "spokeswoman",
         "congresswoman", "chairwoman", "businesswoman", "councilwoman", "assemblywoman",
         "policewoman", "sportswoman", "actress", "nun", "first lady"),
        FEMALE,
    ),
}  # fmt: skip


def person_genders(doc: Doc, index: ActorIndex) -> dict[str, str]:
    """Person id → ``MALE`` or ``FEMALE``, for the people the text shows to be one."""
    seen: dict[str, set[str]] = {}
    for mention in index.mentions:
        if mention.actor.type != "Person":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for gender in _words_around(span) | _possessive_after(span, index):
            seen.setdefault(mention.actor.id, set()).add(gender)
    pronouns = {doc.vocab.strings.add(word) for word in PRONOUN_GENDER}
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower not in pronouns:
            continue  # no Token made for the many other words
        token = doc[i]
        gender = PRONOUN_GENDER[token.lower_]
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        speaker = _reporting_about_themselves(token, index)
        if speaker is not None:
            seen.setdefault(speaker.id, set()).add(gender)
    return {person: next(iter(genders)) for person, genders in seen.items() if len(genders) == 1}


def pronoun_fits(pronoun: Token, person: Actor | None, genders: dict[str, str]) -> bool:
    """Whether the person can be what the pronoun refers to, as far as the text shows."""
    if person is None:
        return False
    wanted = PRONOUN_GENDER.get(pronoun.lower_)
    known = genders.get(person.id)
    return wanted is None or known is None or known == wanted


def _words_around(span: Span) -> set[str]:
    """Genders that the words right before the name, or an apposition to it, give."""
    doc = span.doc
    words = [t.lower_.rstrip(".") for t in doc[max(span.sent.start, span.start - 3) : span.start]]
    found = {_GENDERED_WORDS[w] for w in words[-2:] if w in _GENDERED_WORDS}
    if len(words) >= 2 and " ".join(words[-2:]) in _GENDERED_WORDS:
        found.add(_GENDERED_WORDS[" ".join(words[-2:])])
    root = span.root
    phrases = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        phrases.append(root.head)
    found |= {
        _GENDERED_WORDS[p.lemma_.lower()] for p in phrases if p.lemma_.lower() in _GENDERED_WORDS
    }
    return found


def _possessive_after(span: Span, index: ActorIndex) -> set[str]:
    """ "X and his wife", "X told her staff": a possessive in the name's clause, with no other
    person named between them."""
    doc = span.doc
    for token in doc[span.end : min(span.end + 4, span.sent.end)]:
        if index.actor_at(token) is not None:
            return set()
        if token.dep_ == "poss" and token.lower_ in ("his", "her"):
            clause_of_name = next(syntax.governing_chain(span.root.head), None)
            if clause_of_name is not None and clause_of_name.is_ancestor(token):
                return {PRONOUN_GENDER[token.lower_]}
    return set()


def _reporting_about_themselves(pronoun: Token, index: ActorIndex) -> Actor | None:
    """ "X said she would run": the one person who says it, when the pronoun is the subject
    of what is said and no other person is named in between."""
    verb = syntax.speech_verb(pronoun)
    if verb is None or verb.i > pronoun.i:
        return None
    speakers = [a for t in syntax.clause_subjects(verb) if (a := index.actor_of_phrase(t))]
    if len(speakers) != 1 or speakers[0].type != "Person":
        return None
    between = index.mentions_between(verb.idx, pronoun.idx)
    if any(m.actor.type == "Person" for m in between):
        return None
    return speakers[0]
