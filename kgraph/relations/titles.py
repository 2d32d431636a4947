"""Where a person's title is: the words before a name, appositions, "of" phrases.

Title finding for ``kgraph.relations.roles``: ``left_window`` collects the words
before a name that can hold a title ("Turkish President X"), ``title_phrases`` the
noun phrases in apposition to it ("X, the Kremlin spokesman"), ``find_title`` the
longest title of ``data/titles.tsv`` among some words, and ``organisations_in``,
``of_objects`` and ``whose_owner`` the organisations those words name. Nothing here
decides which role a title gives; ``roles.py`` does.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Span, Token

from kgraph.actors.descriptions import ORG_NOUNS, described_organisation
from kgraph.actors.resolve import ActorIndex
from kgraph.model import Actor
from kgraph.relations.lexicon import Lexicon, load_lexicon

#: Verbs that give someone an office named after "as": "elected as leader".
ROLE_VERBS = frozenset(
    {"elect", "appoint", "name", "choose", "select", "nominate", "install", "swear", "confirm",
     "reelect", "re-elect", "designate", "succeed", "replace"}
)  # fmt: skip


_WINDOW = 7


def find_title(tokens: list[Token], lexicon: Lexicon) -> tuple[str, set[int]] | None:
    """The longest title the tokens contain, and the token positions it covers.

    Hyphens and brackets are ignored, so "Secretary-General" and "secretary general" match alike;
    of two titles of one length, the one nearer the name (further right) wins.
    """
    normalised = lexicon.titles_as_read
    words = [
        (singular(t.lower_, lexicon.title_words), t.i)
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


def singular(word: str, title_words: AbstractSet[str]) -> str:
    """ "representatives" → "representative" when that is a title word ("Two Representatives")."""
    if word not in title_words and word.endswith("s") and word[:-1] in title_words:
        return word[:-1]
    return word


def modifies_another_noun(covered: set[int], window: list[Token], index: ActorIndex) -> bool:
    """Whether a common noun that names no actor follows the title before the name."""
    return any(
        t.i > max(covered) and t.pos_ == "NOUN" and index.actor_at(t) is None for t in window
    )


def run_for_by_another(title_start: int, sent: Span, index: ActorIndex) -> bool:
    """Whether "for" and a person's name come right before the title: "a ticket of Stein for
    president and Baraka": the office Stein runs for, not Baraka's title."""
    if title_start - 2 < sent.start or sent.doc[title_start - 1].lower_ != "for":
        return False
    before = index.actor_at(sent.doc[title_start - 2])
    return before is not None and before.type == "Person"


def left_window(mention_start: int, sent: Span, index: ActorIndex) -> list[Token]:
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


def organisations_in(tokens: list[Token], index: ActorIndex, person: Actor | None) -> list[Actor]:
    found: dict[str, Actor] = {}
    for token in tokens:
        actor = index.actor_at(token)
        if actor is None and token.dep_ == "compound" and token.lower_ in ORG_NOUNS:
            # "Republican committee member Doug Collins": the one committee named before.
            actor = described_organisation(token, index)
        if actor is not None and actor.type not in ("Person", "Topic") and actor != person:
            found.setdefault(actor.id, actor)
    return list(found.values())


def of_objects(head: Token, index: ActorIndex) -> list[Actor]:
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


def title_phrases(head: Token, index: ActorIndex) -> list[Token]:
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


def hyphenated_end(word: Token) -> int:
    """Where a hyphenated compound the word starts ends: "commander-in-chief"."""
    doc, end = word.doc, word.i
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end + 1].whitespace_:
        end += 2
    return end


def whose_owner(phrase: Token, index: ActorIndex) -> list[Actor]:
    """ "the Syrian Army, whose commander-in-chief is X": the title is the army's."""
    clause = phrase.head
    if clause.dep_ != "relcl" or not any(
        c.dep_ == "poss" and c.lower_ == "whose" for c in phrase.children
    ):
        return []
    owner = index.actor_of_phrase(clause.head)
    return [owner] if owner is not None and owner.type not in ("Person", "Topic") else []
