"""The NER's entity spans that can name actors, mended where the model usually slips.

The small English model runs words of the sentence into a name ("Multiple Creative
Commons", "Humberto 785 miles"), stops short of a long one ("League of Women" +
"Voters"), splits one at an editor's bracket, tags common nouns and sentences in
other scripts as names. :func:`actor_spans` gives the spans with those slips mended,
for ``kgraph.actors.resolve`` to resolve; :func:`clean_name` is the name a span gives.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from spacy.tokens import Doc, Span, Token

from kgraph.actors.gazetteer import fold, load_non_actors
from kgraph.actors.organisations import ORG_KIND_WORDS, initials
from kgraph.relations.lexicon import load_lexicon

#: NER labels that can name an actor.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
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
#: Marks after which a word opens a clause as if it began the sentence ("((WN)) Will ...").
_CLAUSE_MARKS = frozenset({")", ":", '"', "“", "‘", "'", "—", "–"})
#: First words of the names of weather systems, which the NER takes for people
#: ("Storm Lorenzo"): such a name is not a person's.
_STORM_WORDS = frozenset({"hurricane", "storm", "typhoon", "cyclone", "tropical"})
#: Last words of the names of institutions, often named after a person ("John Radcliffe
#: Hospital", "Indian Railways"): a "person" whose name ends in one is the institution.
_INSTITUTION_NOUNS = frozenset(
    {"hospital", "university", "college", "school", "academy", "institute", "museum",
     "library", "foundation", "railway", "railways", "clinic", "infirmary", "seminary"}
)  # fmt: skip
#: Last words of the names of places and buildings ("Richard J. Donovan Correctional
#: Facility", "Karl Marx Avenue"): a "person" whose name ends in one is a place, no actor.
#: Not the words that are also surnames ("Frank Church", "Shirley Temple", "John Tower").
_FACILITY_NOUNS = frozenset(
    {"facility", "prison", "jail", "penitentiary", "airport", "station", "avenue", "street",
     "road", "boulevard", "stadium", "arena", "cathedral", "mosque", "synagogue", "building",
     "hotel"}
)  # fmt: skip
#: Words no name ends in: a span ending in one was cut short ("Citizens of the").
_DANGLING = frozenset({"of", "the", "and", "&", "for", "in", "on", "to", "a", "an"})


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


def actor_spans(doc: Doc) -> list[Span]:
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
    mended = [span for span in map(_before_dangling_words, mended) if span is not None]
    common = _common_nouns(mended)
    return [span for span in mended if span.ent_id_ or _names_an_actor(span, common)]


def _before_dangling_words(span: Span) -> Span | None:
    """A span the NER cut short inside a name ("Citizens of the", "The Progressive and"),
    without the small words it ends in; None when one word is left, the first of a longer
    name, which alone names nothing ("the City of" Melbourne, "Citizens of the" UK)."""
    end = span.end
    while end > span.start and span.doc[end - 1].lower_ in _DANGLING:
        end -= 1
    if span.ent_id_ or end == span.end:
        return span
    name = span.doc[span.start : end]
    if len([token for token in name if token.lower_ not in _DANGLING]) < 2:
        return None
    return Span(span.doc, span.start, end, label=span.label_)


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
    place_end = _place_in_name_end(span)
    if place_end is not None:
        # A span's entity id is its root's, here the place's: the place is now a word of
        # the organisation's name, no mention of the state it names.
        for token in doc[span.end : place_end]:
            token.ent_id_ = ""
        return Span(doc, span.start, place_end, label="ORG")
    name = clean_name(span)
    # Only a name the article gives that goes on from this one can complete it, in
    # whatever case the words go on here ("the League of Women voters").
    longer_names = {o.casefold() for o in organisations if o != name and o.startswith(name)}
    for end in range(min(len(doc), span.end + 5), span.end, -1) if longer_names else ():
        longer = Span(doc, span.start, end, label="ORG")
        if not doc[end - 1].is_punct and clean_name(longer).casefold() in longer_names:
            return longer
    # "Lost 52" + "Project": the NER left out the first words of a name the article gives.
    ending = {o.casefold() for o in organisations if o != name and o.endswith(" " + name)}
    for start in range(max(0, span.start - 4), span.start) if ending else ():
        words = doc[start : span.start]
        if any(t.is_punct or t.i in covered for t in words) or not words[0].is_title:
            continue
        longer = Span(doc, start, span.end, label="ORG")
        if clean_name(longer).casefold() in ending:
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


def _place_in_name_end(span: Span) -> int | None:
    """Where an organisation's name ends that goes on in the place the NER tagged apart
    ("University College" + "London"): the place right after it, which its words qualify,
    is the name's last word."""
    doc = span.doc
    end = span.end
    if span.label_ != "ORG" or end >= len(doc) or doc[end].ent_iob_ != "B":
        return None
    if doc[end].ent_type_ != "GPE":
        return None
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    last = doc[end]
    root = span.root
    if root.dep_ != "compound" or root.head != last or last.dep_ == "compound":
        return None
    return end + 1


def _trimmed(span: Span) -> Span:
    """The span without the words the NER ran into it (a ruler's match is left alone).

    * a sentence's first word, capitalised only for that ("Multiple Creative Commons",
      "Following South Carolina"), or a question's auxiliary ("Will Red Hat employees ...?");
    * the "et al." of a citation after a person's name ("Stamenković et al");
    * an acronym after the name it abbreviates ("National Hurricane Center (NHC");
    * a distance after a name ("Humberto 785 miles"), and, in a person's name, the
      lowercase words after it ("Dorian miles");
    * a weather system the NER took for a person ("Storm Lorenzo") is no person, nor an
      institution or a place named after one ("John Radcliffe Hospital", "Karl Marx Avenue").
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
    end = _before_region(doc, start, end)
    cut = _before_glued_words(doc, start, end, person=span.label_ == "PERSON")
    # A "person" whose name ran on into a figure ("Victoria 1.6%", "Voskhod 2", "Humberto
    # 785 miles") is no person: a place, a craft, a storm. As an organisation's name it is
    # not taken for a person named so, and can join the namesake of another type.
    figure = any(t.like_num and t.text[:1].isdigit() for t in doc[cut:end])
    end = cut
    label = span.label_
    if label == "PERSON" and (figure or (doc[start].lower_ in _STORM_WORDS and end - start > 1)):
        label = "ORG"
    elif label == "PERSON" and end - start > 1 and doc[end - 1].is_title:
        last = doc[end - 1].lower_
        label = "ORG" if last in _INSTITUTION_NOUNS else "FAC" if last in _FACILITY_NOUNS else label
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
    # "Enrolling Minetest into GSoC could ...": a gerund whose object is the name.
    if token.tag_ == "VBG" and any(
        child.dep_ == "dobj" and child.i > token.i and child.text[:1].isupper()
        for child in token.children
    ):
        return True
    question = token.sent.text.strip().rstrip("\"'”’").endswith("?")
    return token.lower_ in _QUESTION_OPENERS and question


def _before_region(doc: Doc, start: int, end: int) -> int:
    """Where a place's name ends before "in" and the region it lies in ("Omsk in Siberia"),
    which the NER took for one name; not a body's ("Mission in Kosovo")."""
    for i in range(start + 1, min(start + 3, end - 1)):
        if doc[i].lower_ != "in":
            continue
        before, after = doc[start:i], doc[i + 1 : end]
        if len(after) <= 2 and all(
            token.pos_ == "PROPN" and token.is_title and token.lower_ not in ORG_KIND_WORDS
            for token in (*before, *after)
        ):
            return i
        break
    return end


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
