"""Stable, syntax-safe IRIs for actors, topics, articles and relation statements.

IRIs are minted from identity, never from counters, so building the same
articles twice gives the same graph. Only ``[a-z0-9-]`` ever reaches a local
name, which is safe in Turtle, N-Triples, TriG and JSON-LD whatever the name
holds (quotes, ``>``, spaces, scripts other than Latin fall back to a hash).

Example:
    >>> actor_iri(label="Türkiye", type="Country", iso_code="TR")
    'https://w3id.org/kgraph/id/country/tr'
    >>> actor_iri(label="Recep Tayyip Erdoğan", type="Person")
    'https://w3id.org/kgraph/id/person/recep-tayyip-erdogan'
    >>> slug('<script>"x"</script>')
    'script-x-script'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

BASE = "https://w3id.org/kgraph/"
#: The ontology namespace (classes and properties).
ONTOLOGY = BASE + "ontology#"
#: Where instance data lives.
DATA = BASE + "id/"

_NON_SLUG = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not decompose into an ASCII base letter.
_TRANSLITERATE = str.maketrans(
    {"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe"}
)


def _digest(*parts: str, length: int = 16) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def slug(text: str) -> str:
    """A lowercase ASCII slug; a short hash when nothing of the text is ASCII."""
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE).lower())
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    result = _NON_SLUG.sub("-", ascii_only.translate(_TRANSLITERATE)).strip("-")[:80].strip("-")
    return result or "h" + _digest(text, length=12)


def _type_segment(actor_type: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", actor_type).lower()


def actor_iri(*, label: str, type: str, iso_code: str | None = None) -> str:
    """The IRI of an actor: by ISO code for countries, else by type and name."""
    if iso_code:
        return f"{DATA}country/{iso_code.lower()}"
    return f"{DATA}{_type_segment(type)}/{slug(label)}"


def topic_iri(label: str) -> str:
    """The IRI of a topic (a claim, policy or event that is not an actor)."""
    return f"{DATA}topic/{slug(label)}"


def article_iri(doc_id: str) -> str:
    """The IRI of an article; the hash keeps ids that differ only in punctuation apart."""
    return f"{DATA}article/{slug(doc_id)}-{_digest(doc_id, length=8)}"


def dictionary_iri(name: str) -> str:
    """The IRI of a user's actor dictionary, the source of the roles it gives."""
    return f"{DATA}dictionary/{slug(name)}-{_digest(name, length=8)}"


def statement_iri(
    *, doc: str, span: tuple[int, int], relation: str, subject: str, object: str
) -> str:
    """The IRI of one relation statement: a hash of what identifies it."""
    key = _digest(doc, f"{span[0]}:{span[1]}", relation, subject, object, length=20)
    return f"{DATA}statement/{key}"
