"""Actor merges and dictionary roles → SPARQL 1.1 Update: one node per real-world actor.

``kgraph.actors.registry.ActorRegistry`` decides at the end of a build which
actor IRIs are one actor (``MergePlan.moves``: source → target). This module
turns the plan into plain SPARQL 1.1 Update strings, so that the same merge runs
on an in-memory rdflib graph, an Oxigraph store or a remote endpoint. In order:

1. mention counts: the target's ``kg:mentionCount`` becomes the sum over the
   group (done first: once two nodes are one, two equal counts would collapse);
2. the sources' ``skos:prefLabel`` becomes a ``skos:altLabel``, and their types
   go (the target keeps its own);
3. every triple with a source as subject or object is rewritten to the target
   (relations, statement nodes, ``kg:mentionedIn``, labels);
4. an altLabel equal to the target's prefLabel is dropped (SKOS keeps them
   disjoint), and symmetric relations are put back in their one stored direction.

``dictionary_updates`` adds what a user's actor dictionary says and no article
needs to: the dated roles of the dictionary's actors the build met, as role
statements derived from a ``kg:ActorDictionary`` node, with ``kg:validFrom`` /
``kg:validUntil``.

Example:
    >>> from rdflib import Literal, URIRef
    >>> from kgraph.actors.registry import MergePlan
    >>> from kgraph.rdf import new_graph
    >>> from kgraph.vocabulary import KG, SKOS
    >>> graph = new_graph()
    >>> full, short = URIRef("https://x.org/donald-trump"), URIRef("https://x.org/trump")
    >>> for node, label, count in ((full, "Donald Trump", 5), (short, "Trump", 2)):
    ...     _ = graph.add((node, SKOS.prefLabel, Literal(label)))
    ...     _ = graph.add((node, KG.mentionCount, Literal(count)))
    >>> apply_merges(graph, MergePlan(moves={str(short): str(full)}, types={str(full): "Person"}))
    1
    >>> graph.value(full, KG.mentionCount).toPython()
    7
    >>> sorted(map(str, graph.objects(full, SKOS.altLabel)))
    ['Trump']
    >>> (short, None, None) in graph
    False
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

import kgraph
from kgraph.actors.dictionary import ActorDictionary
from kgraph.actors.registry import MergePlan
from kgraph.iris import dictionary_iri, statement_iri
from kgraph.relation_types import RELATION_TYPES, SYMMETRIC
from kgraph.vocabulary import ACTOR_CLASSES, KG, relation_property

__all__ = ["apply_merges", "dictionary_updates", "merge_updates"]

#: Operations per update request (joined with ";"), so that no single request grows without bound.
CHUNK = 200

_KG = "https://w3id.org/kgraph/ontology#"
_PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
_ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_COUNT = f"<{_KG}mentionCount>"
# Characters an IRI may not hold in SPARQL (and that kgraph never mints).
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _iri(text: str) -> str:
    if _BAD_IRI.search(text):
        raise ValueError(f"{text!r} cannot be written as a SPARQL IRI")
    return f"<{text}>"


def _group_operations(target: str, sources: list[str]) -> list[str]:
    """The update operations that fold ``sources`` into ``target``, in order.

    Every pattern has a constant subject or object, so each operation is an index
    lookup in any store (rdflib's in-memory one included), not a scan.
    """
    new = _iri(target)
    olds = [_iri(source) for source in sources]
    members = " ".join([new, *olds])
    symmetric = " ".join(
        f"<{_KG}{RELATION_TYPES[name].property_name}>" for name in sorted(SYMMETRIC)
    )
    operations = [
        # 1. The sum of the group's counts, before two equal counts could collapse into one.
        f"DELETE {{ ?m {_COUNT} ?c }} INSERT {{ {new} {_COUNT} ?total }} WHERE {{ "
        f"{{ SELECT (SUM(?c0) AS ?total) "
        f"WHERE {{ VALUES ?m0 {{ {members} }} ?m0 {_COUNT} ?c0 }} }} "
        f"VALUES ?m {{ {members} }} ?m {_COUNT} ?c }}"
    ]
    for old in olds:
        operations += [
            # 2. A source's name stays a name of the actor; its guessed type goes.
            f"DELETE {{ {old} {_PREF} ?l }} INSERT {{ {old} {_ALT} ?l }} "
            f"WHERE {{ {old} {_PREF} ?l }}",
            f"DELETE {{ {old} {_TYPE} ?t }} WHERE {{ {old} {_TYPE} ?t }}",
            # 3. Subjects, then objects (a source's relation to itself ends on the target).
            f"DELETE {{ {old} ?p ?o }} INSERT {{ {new} ?p ?o }} WHERE {{ {old} ?p ?o }}",
            f"DELETE {{ ?s ?p {old} }} INSERT {{ ?s ?p {new} }} WHERE {{ ?s ?p {old} }}",
        ]
    operations += [
        # 4. SKOS disjointness; symmetric relations back in their one direction (smaller IRI first).
        f"DELETE {{ {new} {_ALT} ?l }} WHERE {{ {new} {_PREF} ?l ; {_ALT} ?l }}",
        f"DELETE {{ {new} ?p ?o }} INSERT {{ ?o ?p {new} }} WHERE {{ VALUES ?p {{ {symmetric} }} "
        f"{new} ?p ?o FILTER(STR(?o) < STR({new})) }}",
        f"DELETE {{ ?s ?p {new} }} INSERT {{ {new} ?p ?s }} WHERE {{ VALUES ?p {{ {symmetric} }} "
        f"?s ?p {new} FILTER(STR({new}) < STR(?s)) }}",
    ]
    return operations


def merge_updates(plan: MergePlan) -> list[str]:
    """The SPARQL 1.1 Update requests that carry out a merge plan, to be run in order.

    Args:
        plan: what ``ActorRegistry.plan()`` decided.

    Returns:
        Update requests, each a few operations joined by ";" (empty when there is
        nothing to merge).

    Raises:
        ValueError: an IRI that SPARQL cannot hold (kgraph mints none).
    """
    groups: dict[str, list[str]] = {}
    for source, target in sorted(plan.moves.items()):
        groups.setdefault(target, []).append(source)
    operations = [
        operation
        for target in sorted(groups)
        for operation in _group_operations(target, groups[target])
    ]
    return [
        " ;\n".join(operations[start : start + CHUNK]) for start in range(0, len(operations), CHUNK)
    ]


def apply_merges(graph: Graph, plan: MergePlan) -> int:
    """Run a merge plan on a graph (any rdflib store); return how many actors were merged away."""
    for update in merge_updates(plan):
        graph.update(update)
    return len(plan.moves)


def dictionary_updates(
    dictionary: ActorDictionary, *, seen: Callable[[str], bool] = lambda iri: True
) -> list[str]:
    """``INSERT DATA`` updates for the dated roles of the dictionary actors a build met.

    Args:
        dictionary: the user's actor dictionary.
        seen: whether the build met an actor IRI (``ActorRegistry.seen``); the roles
            of actors no article names stay out of the graph.
    """
    graph = Graph()
    source = URIRef(dictionary_iri(dictionary.name))
    add = graph.add
    for actor in dictionary.actors:
        if not actor.roles or not seen(actor.iri):
            continue
        add((source, RDF.type, KG.ActorDictionary))
        add((source, DCTERMS.title, Literal(f"actor dictionary {dictionary.name}")))
        subject = URIRef(actor.iri)
        for role in actor.roles:
            organisation = URIRef(role.organisation)
            add((organisation, RDF.type, ACTOR_CLASSES[role.organisation_type]))
            if not seen(role.organisation):
                # An organisation no article named still needs its name in the graph.
                add((organisation, SKOS.prefLabel, Literal(role.organisation_label)))
            prop = relation_property(role.relation)
            add((subject, prop, organisation))
            node = URIRef(
                statement_iri(
                    doc=f"{dictionary.name}#{actor.id}#{role.text}",
                    span=(0, 0),
                    relation=role.relation,
                    subject=actor.iri,
                    object=role.organisation,
                )  # fmt: skip
            )
            add((node, RDF.type, KG.RelationStatement))
            add((node, RDF.subject, subject))
            add((node, RDF.predicate, prop))
            add((node, RDF.object, organisation))
            add((node, PROV.wasDerivedFrom, source))
            add((node, KG.evidence, Literal(f"{actor.source}: {role.text}")))
            add((node, KG.spanStart, Literal(0, datatype=XSD.integer)))
            add((node, KG.spanEnd, Literal(0, datatype=XSD.integer)))
            if role.start is not None:
                add((node, KG.validFrom, Literal(role.start.isoformat(), datatype=XSD.date)))
                add((node, DCTERMS.date, Literal(role.start.isoformat(), datatype=XSD.date)))
            if role.end is not None:
                add((node, KG.validUntil, Literal(role.end.isoformat(), datatype=XSD.date)))
            add((node, KG.negated, Literal(False)))
            add((node, KG.hypothetical, Literal(False)))
            add((node, KG.confidence, Literal("1.0", datatype=XSD.decimal)))
            add((node, KG.cue, Literal("dictionary")))
            add((node, KG.extractorVersion, Literal(f"kgraph {kgraph.__version__}")))
    if len(graph) == 0:
        return []
    lines = sorted(graph.serialize(format="nt").splitlines())
    return [
        "INSERT DATA {\n" + "\n".join(lines[start : start + CHUNK]) + "\n}"
        for start in range(0, len(lines), CHUNK)
    ]
