"""Organisations' names within one article: their type, acronyms, short and long forms.

"the Syrian Democratic Forces (SDF)" makes "SDF" the same actor; "Ford" is the
article's "Ford Motor Company", "the Court" its "Supreme Court", "Wooster" its
"College of Wooster". ``kgraph.actors.resolve`` gives each organisation span the
label these name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Span

from kgraph.actors.gazetteer import Gazetteer, is_acronym

#: Words of an organisation's name that tell its type; the first pattern that matches wins.
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
#: Small words inside a name that make no letter of its acronym.
_CONNECTORS = frozenset({"of", "the", "and", "for", "&", "de", "in", "on"})
#: Last words of a company's name, whose first word alone stands for it ("Ford").
_COMPANY_WORDS = frozenset(
    {"company", "corporation", "corp", "inc", "incorporated", "ltd", "limited", "llc", "plc",
     "group", "co"}
)  # fmt: skip
#: Words that name the kind of an organisation after or before its own name: "Ithaca
#: College" is "Ithaca", the "College of Wooster" "Wooster", "Salling Group A/S" "Salling
#: Group", the "Liberal National Party" the "Liberal National".
ORG_KIND_WORDS = frozenset(
    {"party", "college", "university", "school", "academy", "institute", "institution",
     "hospital", "foundation", "airline", "airlines", "airways",
     "association", "society", "club", "group", "company", "corporation", "corp", "inc",
     "incorporated", "ltd", "limited", "llc", "plc", "a/s", "ag", "sa", "gmbh", "nv", "bv"}
)  # fmt: skip


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


def spelling_rank(name: str) -> tuple[bool, int, str]:
    """How well a spelling shows a name: not shouted in capitals, then the most capitals."""
    return not name.isupper(), sum(c.isupper() for c in name), name


#: Endings of words in "s" that are no plurals ("Congress", "Corpus", "Genesis", "News").
_NOT_PLURAL = ("ss", "us", "is", "ws")


def spelling_key(name: str) -> str:
    """The key under which an article's spellings of one name meet: case aside, and the
    last noun in the plural or not ("Indian Railways", "the Indian Railway").

    >>> spelling_key("Indian Railways") == spelling_key("Indian railway")
    True
    """
    *first, last = name.casefold().split() or [""]
    if first and len(last) > 4 and last.endswith("s") and not last.endswith(_NOT_PLURAL):
        return " ".join([*first, last[:-1]])
    return " ".join([*first, last])


def company_short_names(organisations: set[str]) -> dict[str, str | None]:
    """First word → the article's one company name it begins ("Ford": "Ford Motor Company")."""
    short: dict[str, str | None] = {}
    for name in sorted(organisations):
        words = name.split()
        if len(words) > 1 and words[-1].lower().rstrip(".,") in _COMPANY_WORDS:
            short[words[0]] = name if short.get(words[0], name) == name else None
    return short


@dataclass(frozen=True, slots=True)
class Wording:
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


def longer_forms_of(organisations: set[str], wording: Wording) -> dict[str, tuple[str, bool]]:
    """Short form → the article's one longer organisation name it stands for, and whether
    the short form is a name of it (not a common noun: "the Court").

    A short form is the longer name's head, a common noun ("the Court" of the "Supreme
    Court" or the "Court of Appeals", the "Liberal Party" of the "Australian Liberal
    Party"), or a proper name without the words of its kind ("Ithaca" of "Ithaca
    College", "Scripps" of the "Scripps Institution of Oceanography", "HDT" of "HDT Limited",
    "Wooster" of the "College of Wooster", "Mysore Division" of the "Mysore Division of the
    SWR"), the words before "for" ("Max Planck Institute for ..."). Not a name the article
    uses for a place ("Kansas" is not the "University of Kansas"), nor a name before "of"
    and a place ("Constitution Party of Idaho" is the party's state branch), nor a name
    after a connector ("Biological Diversity" is not the "Center for Biological Diversity").
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
        if len(longers) == 1
        and short not in wording.places
        and (not short.isupper() or _kind_words_after(short, next(iter(longers))))
    }


def _kind_words_after(short: str, longer: str) -> bool:
    """Whether the longer name is the short one and words of its kind ("HDT Limited")."""
    rest = longer.removeprefix(short + " ").split()
    return longer.startswith(short + " ") and all(
        word.lower().rstrip(".,") in ORG_KIND_WORDS for word in rest
    )


def _short_forms(longer: str, wording: Wording) -> list[tuple[str, bool]]:
    """The short forms of a name, each with whether it names it (see :func:`longer_forms_of`)."""
    words = longer.split()
    forms = []
    for size in range(1, len(words)):
        head, tail = " ".join(words[:size]), words[size:]
        if tail[0] == "for" and len(tail) > 1:
            # "Max Planck Institute" of "Max Planck Institute for Evolutionary Anthropology"
            forms.append((head, size > 1))
        if tail[0] == "of" and len(tail) > 1 and size > 1 and words[size - 1].istitle():
            # "the Department" of the "California Department of Corrections": the word of
            # its kind before "of", a common noun.
            forms.append((words[size - 1], False))
        if tail[0] == "of" and len(tail) > 1:
            rest = " ".join(tail[1:])
            if not wording.is_place(rest.removeprefix("the ")):
                forms.append((head, size > 1))  # "Court" of "Court of Appeals"
            if size == 1 and head.lower() in ORG_KIND_WORDS and not wording.is_common_noun(rest):
                forms.append((rest, True))  # "Wooster" of "College of Wooster"
        kinds = all(word.lower().rstrip(".,") in ORG_KIND_WORDS for word in tail) or (
            # "Scripps" of the "Scripps Institution of Oceanography" (not "Boston University"
            # of its "School of Public Health": a name of its own kind is another body)
            len(tail) > 2
            and tail[0].lower() in ORG_KIND_WORDS
            and tail[1] in ("of", "for")
            and not any(word.lower() in ORG_KIND_WORDS for word in words[:size])
        )
        if kinds and not (size == 1 and wording.is_common_noun(head)):
            forms.append((head, True))  # "Ithaca" of "Ithaca College", not "Chess" of "Chess Club"
        letters = initials(head)
        if len(letters) >= 2 and tail[0] not in _CONNECTORS:
            forms.append((f"{letters} {' '.join(tail)}", True))  # "UC Davis"
        if size == 1 and len(tail) > 1 and is_acronym(head) and tail[0][:1].isupper():
            # "World Athletics Championships" of the "IAAF World Athletics Championships":
            # the name without the acronym of the body that holds it.
            forms.append((" ".join(tail), True))
        if words[size - 1].lower() not in _CONNECTORS and tail[0][:1].isupper():
            short = " ".join(tail)
            if (
                org_type(short) != "Organization"
                or wording.is_common_noun(tail[-1])
                or (len(tail) == 1 and short.lower() in ORG_KIND_WORDS)
            ):
                forms.append((short, False))  # "Court" of "Supreme Court", "Society"
    if (
        2 <= len(words) <= 3
        and all(word.istitle() and word.isalpha() for word in words)
        and not any(word.lower() in ORG_KIND_WORDS for word in words)
        and not wording.is_common_noun(words[-1])
        and len(words[-1]) > 2
    ):
        # "Navaratnam" of "Skandaraj Navaratnam", a person's name the NER took for an
        # organisation's, or "Sachs" of "Goldman Sachs": the last word of a name.
        forms.append((words[-1], True))
    return [(form, names_it) for form, names_it in forms if form[:1].isupper()]


def spelled_before(span: Span, acronym: str) -> str | None:
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


def short_for_an_institution(
    name: str, longer_forms: dict[str, tuple[str, bool]], cluster: list[str]
) -> bool:
    """Whether a "person" known by one word only is the short form of an institution's
    name: "the Wooster professor" of the "College of Wooster"."""
    longer, _ = longer_forms.get(name, (None, True))
    return (
        longer is not None
        and all(" " not in other for other in cluster)
        and any(word.lower() in ORG_KIND_WORDS for word in longer.split())
    )


#: Nouns of posts that follow the name of the body they are in ("Railway Manager").
POST_NOUNS = frozenset(
    {"manager", "director", "officer", "superintendent", "engineer", "inspector", "commissioner",
     "administrator", "coordinator", "controller", "secretary", "chairman", "chairwoman",
     "spokesman", "spokeswoman", "spokesperson", "head", "chief"}
)  # fmt: skip
#: What makes an adjective of a noun in a title ("Division" → "Divisional"); "" for none.
_ADJECTIVE_ENDINGS = frozenset({"", "al", "ial", "an", "ian", "n"})


def before_a_post(name: str, organisations: set[str]) -> str | None:
    """The article's organisation whose post a name before a title names ("the Mysore
    Division Railway Manager" of the "Mysore Division", "Mysore Divisional Railway Manager"
    too): the longest other organisation name the words begin with, its last word maybe
    made an adjective ("Divisional"); the words after it belong to the title."""
    words = name.split()
    found = None
    for other in organisations:
        begin = other.split()
        if not 0 < len(begin) < len(words) or (found and len(found.split()) >= len(begin)):
            continue
        last = len(begin) - 1
        ending = words[last].removeprefix(begin[last]) if words[last] != begin[last] else ""
        if words[:last] == begin[:last] and ending in _ADJECTIVE_ENDINGS:
            found = other
    return found
