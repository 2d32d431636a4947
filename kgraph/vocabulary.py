"""The RDF vocabulary of kgraph: the ``kg:`` namespace and the W3C namespaces it reuses.

``KG`` is a closed ``DefinedNamespace``: a typo such as ``KG.acuses`` raises
``AttributeError`` instead of minting a term nobody declared. A test keeps its
terms equal to those ``ontology/kgraph.ttl`` declares, and the ontology equal to
``kgraph/data/relations.tsv``.

Example:
    >>> str(KG.friendsWith)
    'https://w3id.org/kgraph/ontology#friendsWith'
    >>> relation_property("spokesperson-for") == KG.spokespersonFor
    True
    >>> relation_name(KG.partOf)
    'part-of'
    >>> ACTOR_CLASSES["PoliticalParty"] == KG.PoliticalParty
    True
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace

from kgraph.errors import OntologyError
from kgraph.iris import DATA, ONTOLOGY
from kgraph.relation_types import RELATION_TYPES

__all__ = [
    "ACTOR_CLASSES",
    "DCTERMS",
    "KG",
    "KGDATA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "WD",
    "XSD",
    "relation_name",
    "relation_property",
]

#: W3C Organization Ontology (``org:headOf``, ``org:memberOf``).
ORG = Namespace("http://www.w3.org/ns/org#")
#: Wikidata entities (``wd:Q43``).
WD = Namespace("http://www.wikidata.org/entity/")
#: Where instance data lives (actors, topics, articles, statements).
KGDATA = Namespace(DATA)


class KG(DefinedNamespace):
    """The kgraph ontology, ``https://w3id.org/kgraph/ontology#``."""

    _NS = Namespace(ONTOLOGY)
    _fail = True

    # Classes
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Territory: URIRef
    Organization: URIRef
    PoliticalParty: URIRef
    Alliance: URIRef
    GovernmentBody: URIRef
    InternationalOrganization: URIRef
    ArmedGroup: URIRef
    Company: URIRef
    Media: URIRef
    Topic: URIRef
    Article: URIRef
    ActorDictionary: URIRef
    RelationStatement: URIRef

    # Properties of actors and statements
    mentionedIn: URIRef
    validFrom: URIRef
    validUntil: URIRef
    isoCode: URIRef
    mentionCount: URIRef
    evidence: URIRef
    spanStart: URIRef
    spanEnd: URIRef
    negated: URIRef
    hypothetical: URIRef
    confidence: URIRef
    cue: URIRef
    extractorVersion: URIRef

    # Annotations of the relation properties
    cameoCode: URIRef
    ploverCode: URIRef
    quadClass: URIRef
    weight: URIRef

    # Relations: kgraph/data/relations.tsv, in its order, under kg:relatedTo
    relatedTo: URIRef
    friendsWith: URIRef
    hostileTo: URIRef
    praises: URIRef
    supports: URIRef
    meets: URIRef
    negotiatesWith: URIRef
    agreesWith: URIRef
    cooperatesWith: URIRef
    aids: URIRef
    requests: URIRef
    criticizes: URIRef
    accuses: URIRef
    denies: URIRef
    rejects: URIRef
    threatens: URIRef
    protestsAgainst: URIRef
    sanctions: URIRef
    coerces: URIRef
    attacks: URIRef
    interferesIn: URIRef
    leaderOf: URIRef
    memberOf: URIRef
    spokespersonFor: URIRef
    candidateFor: URIRef
    partOf: URIRef


#: Actor type strings (``kgraph.model.Actor.type``) → their class. ``Topic`` is
#: included so every ``Actor.type`` can be looked up, but ``kg:Topic`` is not a
#: subclass of ``kg:Actor``.
ACTOR_CLASSES: dict[str, URIRef] = {
    name: KG[name]
    for name in (
        "Person",
        "Country",
        "Territory",
        "Organization",
        "PoliticalParty",
        "Alliance",
        "GovernmentBody",
        "InternationalOrganization",
        "ArmedGroup",
        "Company",
        "Media",
        "Topic",
    )
}

#: The prefixes bound on every graph kgraph makes.
PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY,
    "kgd": DATA,
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "org": str(ORG),
    "wd": str(WD),
}

# Built once: both directions are looked up once per relation of a build.
_PROPERTY_BY_NAME: dict[str, URIRef] = {
    name: KG[rtype.property_name] for name, rtype in RELATION_TYPES.items()
}
_NAME_BY_PROPERTY: dict[URIRef, str] = {uri: name for name, uri in _PROPERTY_BY_NAME.items()}


def relation_property(name: str) -> URIRef:
    """The RDF property of a relation name.

    Args:
        name: a kebab-case relation name of ``spec/RELATIONS.md`` (``"friends-with"``).

    Returns:
        The ``kg:`` property, e.g. ``kg:friendsWith``.

    Raises:
        OntologyError: the name is not in the vocabulary.
    """
    try:
        return _PROPERTY_BY_NAME[name]
    except KeyError:
        raise OntologyError(
            f"{name!r} is not a relation of the vocabulary; "
            f"use one of {', '.join(_PROPERTY_BY_NAME)}"
        ) from None


def relation_name(uri: str) -> str:
    """The relation name of an RDF property (the inverse of ``relation_property``).

    Args:
        uri: a relation property IRI, such as ``kg:friendsWith``.

    Returns:
        The kebab-case relation name, e.g. ``"friends-with"``.

    Raises:
        OntologyError: the IRI is not one of the relation properties.
    """
    try:
        return _NAME_BY_PROPERTY[URIRef(str(uri))]
    except KeyError:
        raise OntologyError(
            f"<{uri}> is not a relation property of the kgraph ontology ({ONTOLOGY})"
        ) from None
