"""Dependency-tree helpers shared by the relation rules: arguments, modality, speech.

All functions take spaCy tokens and return tokens or flags; none knows about
relations, so each can be tested on a hand-built ``Doc``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

#: Verbs that report speech; their subject is the speaker of the clause they govern.
SPEECH_VERBS = frozenset(
    {
        "say", "tell", "add", "state", "claim", "announce", "insist", "stress", "note", "argue",
        "declare", "write", "tweet", "explain", "assert", "reiterate", "suggest", "report",
        "confirm", "told", "emphasize", "emphasise", "remark", "comment", "respond", "reply",
    }
)  # fmt: skip
#: Nouns for people, who do what a participle after them says ("candidates running").
PEOPLE_NOUNS = frozenset(
    {
        "candidate", "people", "person", "official", "member", "protester", "demonstrator",
        "leader", "politician", "lawmaker", "activist", "resident", "voter", "supporter",
        "critic", "man", "woman", "soldier", "fighter", "worker", "student", "group",
    }
)  # fmt: skip
#: Auxiliaries that make a clause possible, conditional or future rather than asserted.
HYPOTHETICAL_AUX = frozenset(
    {"could", "would", "might", "may", "should", "will", "shall", "can", "'ll", "must"}
)
#: The auxiliaries of a plain future: "X will strike Y" announces what X is to do.
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
#: Verbs whose infinitive complement has not (yet) happened ("plans to visit").
INTENT_VERBS = frozenset(
    {
        "plan", "intend", "want", "hope", "seek", "expect", "aim", "promise", "offer", "propose",
        "consider", "prepare", "try", "attempt", "vow", "pledge", "threaten", "wish", "need",
        "ask", "urge", "call", "demand", "going", "schedule", "set", "likely", "able", "ready",
    }
)  # fmt: skip
#: Verbs whose complement did not happen ("refused to meet").
NEGATING_VERBS = frozenset(
    {"refuse", "fail", "decline", "deny", "reject", "stop", "avoid", "cancel"}
)
#: Verbs whose object is a claim they dispute ("denied Russian interference").
DENYING_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "disprove"})
#: Nouns that present their clause as a claim rather than a fact ("accusations that X ...").
CLAIM_NOUNS = frozenset(
    {"accusation", "allegation", "claim", "rumor", "rumour", "report", "suggestion", "speculation"}
)
#: Nouns whose infinitive has not happened yet ("a resolution to expel the troops").
PROPOSAL_NOUNS = frozenset(
    {
        "proposal", "plan", "resolution", "bill", "motion", "bid", "request", "demand", "call",
        "threat", "effort", "attempt", "push", "offer", "promise", "pledge", "order",
    }
)  # fmt: skip
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "none", "neither", "nor"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


UNTIL = frozenset({"until", "till"})


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("France and Germany").

    A conjunct that is really the subject of a verb right after it is left out: in
    "US troops had defeated ISIS and Turkey would be moving in", Turkey was not defeated.
    """
    return [token, *(c for c in token.conjuncts if not _subject_of_next_verb(c))]


def _subject_of_next_verb(noun: Token) -> bool:
    after = noun.right_edge.i + 1
    if after >= len(noun.doc):
        return False
    following = noun.doc[after]
    if following.tag_ not in ("MD", "VBD", "VBZ", "VBP"):
        return False
    verb = following if following.pos_ == "VERB" else following.head
    return verb.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children
    )


def prep_objects(head: Token, preposition: str) -> list[Token]:
    """Objects of a preposition attached to ``head`` ("meet *with* X", "called *on* X").

    A preposition coordinated with another counts as attached to the same head: "voted
    for the first article but *against* the second".
    """
    found = []
    attached = [c for c in head.children if c.dep_ in ("prep", "prt", "agent", "dative")]
    coordinated = [c for p in attached if p.dep_ == "prep" for c in p.children if c.dep_ == "conj"]
    for child in [*head.children, *(c for c in coordinated if c.pos_ == "ADP")]:
        if child.dep_ in ("prep", "prt", "agent", "dative", "conj") and child.lower_ == preposition:
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "pcomp"):
                    found.extend(conjuncts(grandchild))
        if child.dep_ == "prt" and child.lower_ == preposition:
            # "call on X": the object may hang from the verb as dobj when "on" is a particle.
            found.extend(t for c in head.children if c.dep_ == "dobj" for t in conjuncts(c))
    return found


def direct_objects(verb: Token) -> list[Token]:
    """Direct objects of a verb, coordinated ones included."""
    return [t for child in verb.children if child.dep_ == "dobj" for t in conjuncts(child)]


def is_passive(verb: Token) -> bool:
    """Whether the verb is passive ("was accused")."""
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def passive_agents(verb: Token) -> list[Token]:
    """The "by X" agents of a passive verb."""
    return prep_objects(verb, "by")


def passive_subjects(verb: Token) -> list[Token]:
    """The grammatical subjects of a passive verb (its logical objects)."""
    return [t for child in verb.children if child.dep_ == "nsubjpass" for t in conjuncts(child)]


def clause_subjects(verb: Token) -> list[Token]:
    """The logical subjects of an active verb, following shared-subject links.

    Coordinated verbs share the subject of the first ("X met Y and criticised Z");
    an infinitive takes its controller ("X agreed to cooperate"; with an object,
    the object: "X urged Y to negotiate"); a participle or relative clause takes
    the noun it modifies ("X, accusing Y", "X, who met Y").
    """
    current = verb
    for _ in range(8):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj", "expl")]
        subjects = [s for s in subjects if s.dep_ != "expl"]
        if subjects:
            if subjects[0].lower_ in _RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return conjuncts(current.head)
            return [t for s in subjects for t in conjuncts(s) + _stranded_conjuncts(s)]
        if misattached_conjunct(current):
            current = current.head.head
        elif current.dep_ == "conj" and current.head.pos_ in ("VERB", "AUX"):
            current = current.head
        elif current.dep_ == "xcomp":
            controllers = [c for c in current.head.children if c.dep_ == "dobj"]
            if controllers:
                return conjuncts(controllers[0])
            current = current.head
        elif current.dep_ == "advcl" and (current.tag_ == "VBG" or _purpose_of_subject(current)):
            current = current.head
        elif current.dep_ == "relcl" or (
            current.dep_ == "acl" and current.head.dep_ in ("nsubj", "appos", "ROOT")
        ):
            return conjuncts(current.head)
        elif current.dep_ == "acl" and current.head.lemma_.lower() in PEOPLE_NOUNS:
            # "one of the candidates running in the election": the candidates run; unnamed.
            return []
        elif current.dep_ == "acl":
            # "posted a message on Twitter blaming Iran": the one who posted blames, not Twitter.
            current = current.head
            while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
                current = current.head
        else:
            return []
    return []


def _stranded_conjuncts(subject: Token) -> list[Token]:
    """Names coordinated with the subject that the parser hung on it as modifiers.

    "Donald Trump and Turkish President Erdoğan spoke" is often parsed with "Trump"
    as a modifier (nmod) of "Erdoğan" carrying the "and"; it is a subject all the same.
    """
    return [
        token
        for child in subject.children
        if child.dep_ in ("nmod", "compound") and child.i < subject.i
        for token in child.subtree
        if token.pos_ == "PROPN" and any(c.dep_ == "cc" for c in token.children)
    ]


def governing_chain(token: Token) -> Iterator[Token]:
    """The token and every head above it, up to the sentence root."""
    current = token
    yield current
    while current.dep_ != "ROOT" and current.head.i != current.i:
        current = current.head.head if misattached_conjunct(current) else current.head
        yield current


def _purpose_of_subject(infinitive: Token) -> bool:
    """ "The coalition came to Iraq to fight ISIS": an infinitive of purpose whose doer is
    the subject of the verb it hangs on. Not when that verb has an object, who may be the
    doer ("paid bounties to the Taliban to kill soldiers"), nor a passive or a copula."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return False
    verb = infinitive.head
    return (
        verb.pos_ == "VERB"
        and verb.tag_ != "VBN"  # "platforms built to support the statues"
        and verb.lemma_ != "be"
        and not is_passive(verb)
        and verb.dep_ not in ("acl", "relcl")
        and not any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)
    )


def misattached_conjunct(verb: Token) -> bool:
    """A finite verb the parser coordinated with an infinitive: "X urged Y to reconsider and spoke".

    A finite verb cannot share the infinitive's slot; it is coordinated with the main verb.
    """
    return (
        verb.dep_ == "conj"
        and verb.head.dep_ == "xcomp"
        and verb.tag_ in ("VBD", "VBZ")
        and verb.head.tag_ == "VB"
    )


def negated_here(token: Token) -> bool:
    """Whether the token itself carries a negation ("not", "never", or the determiner "no").

    "did not endorse her until July" is no negation: "not ... until" says when it happened.
    """
    if not any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return False
    return not _until(token)


def _until(verb: Token) -> bool:
    """Whether a time phrase or clause opened by "until"/"till" hangs on the verb."""
    for child in verb.children:
        if child.lower_ in UNTIL and child.dep_ == "prep":
            return True
        if child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in UNTIL for c in child.children
        ):
            return True
    return False


def modality(cue: Token, *, future_is_hypothetical: bool = True) -> tuple[bool, bool]:
    """``(negated, hypothetical)`` for the clause of a cue word.

    Negation: "not"/"never"/"no" on the cue or on the verb that governs a noun
    cue, or a negating verb above it ("refused to meet"). Hypothetical: a modal
    or future auxiliary, an intent verb above it ("plans to visit"), a
    conditional "if"/"unless", a question, or a clause presented as a claim
    ("accusations that X interfered"). With ``future_is_hypothetical=False`` a plain
    future ("will", "shall") does not make it hypothetical.
    """
    hypothetical_aux = HYPOTHETICAL_AUX if future_is_hypothetical else HYPOTHETICAL_AUX - FUTURE_AUX
    negated = hypothetical = False
    if _asked(cue):
        hypothetical = True
    previous = None
    for depth, head in enumerate(governing_chain(cue)):
        if previous is not None and previous.dep_ == "relcl":
            break  # "the election, in which Biden is running": a relative clause asserts on its own
        if previous is not None and _own_clause(previous):
            break  # "it would not have been destroyed, and I applaud him": a clause of its own
        lemma = head.lemma_.lower()
        if (
            depth > 0
            and previous is not None
            and previous.dep_ in ("ccomp", "parataxis")
            and lemma in SPEECH_VERBS
        ):
            break  # modality of the speech act is not that of what is reported
        if negated_here(head):
            negated = True
        if any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in hypothetical_aux for c in head.children
        ):
            hypothetical = True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children):
            hypothetical = True
        if (
            depth > 0
            and previous is not None
            and previous.dep_ in ("dobj", "nsubjpass")
            and lemma in DENYING_VERBS
        ):
            hypothetical = True  # "Russian interference was denied": a claim, not a fact
        if (
            depth > 0
            and previous is not None
            and previous.dep_ in ("xcomp", "ccomp", "acl", "prep", "pcomp")
        ):
            # "calls asking the US to waive it": the participle is what the call does, not
            # a proposal yet to happen as in "a resolution to expel the troops".
            says_what_it_does = (
                depth == 1
                and head.pos_ == "NOUN"
                and previous.dep_ == "acl"
                and previous.tag_ == "VBG"
            )
            if lemma in INTENT_VERBS and not says_what_it_does:
                hypothetical = True
            if lemma in NEGATING_VERBS:
                negated = True
            if (lemma in CLAIM_NOUNS or lemma in PROPOSAL_NOUNS) and not says_what_it_does:
                hypothetical = True
        previous = head
        if head.dep_ == "ROOT":
            break
        if depth > 0 and head.pos_ in ("VERB", "AUX") and head.dep_ == "conj":
            break  # "did not meet Y and criticised Z": the first verb's modality is its own
    return negated, hypothetical


def supposed(token: Token) -> bool:
    """Whether the token's clause is a question or depends on "if"/"unless"/"whether"."""
    if _asked(token):
        return True
    for head in governing_chain(token):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in head.children):
            return True
        if any(  # "If there's a court order, then Facebook has to search"
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
            for c in head.children
        ):
            return True
        if head.dep_ == "ROOT":
            break
    return False


_CONDITIONS = frozenset({"if", "unless", "whether"})


def _own_clause(verb: Token) -> bool:
    """Whether a verb conjoined to another makes a clause of its own: its own subject, or a
    tense of its own ("did not meet Y and criticised Z"); not a bare verb sharing the
    other's auxiliary ("will meet and sign")."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return True
    return verb.tag_ in ("VBD", "VBZ", "VBP")


def announced(cue: Token) -> bool:
    """Whether the cue's clause announces, in a plain future, what its subject will do.

    "I will destroy the economy of Turkey", "Russia will strike Ukraine if it joins NATO":
    the clause is hypothetical only by its "will"; a condition on another clause does not
    change that, but "if" on this one, a modal, a question or a negation does.
    """
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    while verb.dep_ == "conj" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        verb = verb.head  # "I will destroy and obliterate": one "will" for both
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return False
    return modality(cue) == (False, True) and modality(cue, future_is_hypothetical=False) == (
        False,
        False,
    )


def _asked(cue: Token) -> bool:
    """Whether the cue stands in a question: the sentence ends with "?" and no break
    ("[...]", ";", "...") separates the cue from it, as when a quotation runs on."""
    sent = cue.sent
    if not sent.text.rstrip().rstrip("\"”’'").endswith("?"):
        return False
    between = sent.doc[cue.i + 1 : sent.end]
    return not any(t.text in (";", "...", "…", "[...]", "]") for t in between)


def speech_verb(cue: Token) -> Token | None:
    """The verb of saying that reports the cue's clause, if any.

    Found above the clause ("X said [Y met Z]"), beside it as a parenthetical
    ("Y met Z, X said"), or as "according to X".
    """
    previous = cue
    for head in governing_chain(cue):
        # An adverbial clause ("If Iran attacks, the US will respond") is never what is reported.
        if (
            head.i != cue.i
            and head.lemma_.lower() in SPEECH_VERBS
            and previous.dep_
            in (
                "ccomp",
                "parataxis",
                "conj",
                "xcomp",
            )
        ):
            return head
        for child in head.children:
            if (
                child.dep_ == "parataxis"
                and child.lemma_.lower() in SPEECH_VERBS
                and child.i != previous.i
                and (child.i > cue.i or any(c.dep_ == "nsubj" for c in child.children))
            ):
                return child
        previous = head
    return None


def according_to(cue: Token) -> list[Token]:
    """The sources of "according to X" in the cue's sentence."""
    for token in cue.sent:
        if (
            token.lower_ == "according"
            and token.i + 1 < token.sent.end
            and token.nbor(1).lower_ == "to"
        ):
            return [t for c in token.nbor(1).children if c.dep_ == "pobj" for t in conjuncts(c)]
    return []
