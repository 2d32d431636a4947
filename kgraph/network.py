"""Network views of a kgraph RDF graph: actors as nodes, relation statements as edges.

``to_networkx`` reads the statement nodes (not the plain triples), so every edge
keeps its provenance; ``aggregate`` folds them into one signed, weighted edge
per ordered actor pair; ``ego_network`` and ``network_stats`` work on either.
networkx and rdflib are imported inside the functions, so importing this
module stays cheap.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from kgraph.errors import KgraphError
from kgraph.evaluate import norm
from kgraph.iris import ONTOLOGY
from kgraph.relation_types import RELATION_TYPES, SYMMETRIC

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_DCTERMS = "http://purl.org/dc/terms/"
_PROV = "http://www.w3.org/ns/prov#"
# kg: classes that are not actors or topics.
_NOT_ACTORS = frozenset({"Article", "RelationStatement"})
# Broad classes lose to a specific one when a node carries several (e.g. after inference).
_BROAD = ("Actor", "Organization")


def _relation_name(prop: str) -> str:
    """``kg:friendsWith`` → ``friends-with``; any other IRI → its kebab-cased local name."""
    local = re.split(r"[#/]", prop)[-1]
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


def _actor_type(types: set[str]) -> str | None:
    names = sorted(t[len(ONTOLOGY) :] for t in types if t.startswith(ONTOLOGY))
    names = [n for n in names if n not in _NOT_ACTORS]
    specific = [n for n in names if n not in _BROAD]
    return (specific or names or [None])[0]


def to_networkx(
    graph: Graph, *, include_negated: bool = False, include_topics: bool = True
) -> nx.MultiDiGraph:
    """A directed multigraph with one edge per relation statement.

    Nodes are actor (and topic) IRIs with the attributes ``label``, ``type`` and
    ``alt_labels``. Each edge goes from the statement's subject to its object,
    keyed by the statement IRI, with the attributes ``relation`` (kebab-case),
    ``weight`` and ``quad`` (from the vocabulary), ``date`` (ISO string or None),
    ``doc``, ``evidence``, ``confidence``, ``negated``, ``hypothetical`` and
    ``attributed_to`` (the speaker's label or None).

    Args:
        graph: an rdflib graph as ``kgraph.rdf.build_graph`` makes.
        include_negated: keep negated and hypothetical statements too.
        include_topics: keep topic nodes and the edges to them.

    Returns:
        The multigraph.

    Example:
        >>> from rdflib import Graph
        >>> graph = Graph().parse(format="turtle", data='''
        ... @prefix kg: <https://w3id.org/kgraph/ontology#> .
        ... @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        ... <urn:tr> a kg:Country ; skos:prefLabel "Türkiye" .
        ... <urn:ru> a kg:Country ; skos:prefLabel "Russia" .
        ... <urn:st1> a kg:RelationStatement ; rdf:subject <urn:tr> ;
        ...     rdf:predicate kg:friendsWith ; rdf:object <urn:ru> ; kg:negated false .
        ... ''')
        >>> G = to_networkx(graph)
        >>> G.nodes["urn:tr"]["label"], G.nodes["urn:tr"]["type"]
        ('Türkiye', 'Country')
        >>> G.edges["urn:tr", "urn:ru", "urn:st1"]["relation"]
        'friends-with'
    """
    import networkx as nx
    from rdflib import Literal, URIRef

    def value(node: Any, prop: str) -> Any:
        term = graph.value(node, URIRef(prop))
        if isinstance(term, Literal):
            return term.toPython()
        return None if term is None else str(term)

    def label(node: Any) -> str:
        found = value(node, _SKOS + "prefLabel")
        return str(found) if found is not None else str(node)

    G = nx.MultiDiGraph()
    rdf_type = URIRef(_RDF + "type")

    def add_node(node: Any) -> bool:
        """Add an actor or topic node; False when it is a topic left out."""
        iri = str(node)
        if iri in G:
            return True
        kind = _actor_type({str(t) for t in graph.objects(node, rdf_type)}) or "Actor"
        if kind == "Topic" and not include_topics:
            return False
        alt = sorted(str(a) for a in graph.objects(node, URIRef(_SKOS + "altLabel")))
        G.add_node(iri, label=label(node), type=kind, alt_labels=alt)
        return True

    # Every typed actor is a node, even one that takes part in no relation.
    for node, cls in graph.subject_objects(rdf_type):
        kind = _actor_type({str(cls)})
        if isinstance(node, URIRef) and kind is not None and (kind != "Topic" or include_topics):
            add_node(node)

    for st in graph.subjects(rdf_type, URIRef(ONTOLOGY + "RelationStatement")):
        negated = bool(value(st, ONTOLOGY + "negated"))
        hypothetical = bool(value(st, ONTOLOGY + "hypothetical"))
        if (negated or hypothetical) and not include_negated:
            continue
        subject = graph.value(st, URIRef(_RDF + "subject"))
        obj = graph.value(st, URIRef(_RDF + "object"))
        prop = graph.value(st, URIRef(_RDF + "predicate"))
        if subject is None or obj is None or prop is None:
            continue  # an incomplete statement: nothing to draw
        if not (add_node(subject) and add_node(obj)):
            continue
        name = _relation_name(str(prop))
        rtype = RELATION_TYPES.get(name)
        article = graph.value(st, URIRef(_PROV + "wasDerivedFrom"))
        date = value(st, _DCTERMS + "date")
        speaker = graph.value(st, URIRef(_PROV + "wasAttributedTo"))
        confidence = value(st, ONTOLOGY + "confidence")
        G.add_edge(
            str(subject),
            str(obj),
            key=str(st),
            relation=name,
            weight=rtype.weight if rtype else 0.0,
            quad=rtype.quad if rtype else None,
            date=date.isoformat() if hasattr(date, "isoformat") else date,
            doc=value(article, _DCTERMS + "identifier") if article is not None else None,
            evidence=value(st, ONTOLOGY + "evidence"),
            confidence=float(confidence) if confidence is not None else None,
            negated=negated,
            hypothetical=hypothetical,
            attributed_to=label(speaker) if speaker is not None else None,
        )
    return G


def aggregate(G: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per ordered actor pair, summing the statements between them.

    Edge attributes: ``count`` (statements), ``weight`` (sum of their signed
    weights), ``sign`` (+1, -1 or 0: the sign of ``weight``) and ``relations``
    (relation → count). A symmetric relation counts in both directions.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> _ = G.add_edge("tr", "ru", key="s1", relation="friends-with", weight=3.0)
        >>> _ = G.add_edge("tr", "ru", key="s2", relation="accuses", weight=-2.0)
        >>> A = aggregate(G)
        >>> A.edges["tr", "ru"]
        {'count': 2, 'weight': 1.0, 'sign': 1, 'relations': {'friends-with': 1, 'accuses': 1}}
        >>> A.edges["ru", "tr"]["relations"]
        {'friends-with': 1}
    """
    import networkx as nx

    A = nx.DiGraph()
    A.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        relation = data.get("relation")
        weight = float(data.get("weight", 0.0) or 0.0)
        pairs = [(u, v), (v, u)] if relation in SYMMETRIC and u != v else [(u, v)]
        for a, b in pairs:
            if not A.has_edge(a, b):
                A.add_edge(a, b, count=0, weight=0.0, sign=0, relations={})
            edge = A.edges[a, b]
            edge["count"] += 1
            edge["weight"] += weight
            edge["relations"][relation] = edge["relations"].get(relation, 0) + 1
    for _, _, edge in A.edges(data=True):
        edge["sign"] = (edge["weight"] > 0) - (edge["weight"] < 0)
    return A


def find_actor(G: nx.Graph, actor: str) -> str:
    """The node of an actor given by IRI, label or alternative label.

    Labels are compared without case, diacritics or a leading "the"; a label
    wins over an alternative label.

    Raises:
        KgraphError: no such actor (the message lists close matches), or the
            name belongs to several actors (the message lists their IRIs).
    """
    if actor in G:
        return actor
    key = norm(actor)
    by_label = [n for n, d in G.nodes(data=True) if norm(d.get("label")) == key]
    by_alt = [
        n for n, d in G.nodes(data=True) if any(norm(a) == key for a in d.get("alt_labels", ()))
    ]
    for found in (by_label, by_alt):
        if len(found) == 1:
            return found[0]
        if found:
            raise KgraphError(f"{actor!r} names several actors; give one IRI: {', '.join(found)}")
    names = {
        str(name)
        for _, d in G.nodes(data=True)
        for name in [d.get("label"), *d.get("alt_labels", ())]
        if name
    }
    close = difflib.get_close_matches(actor, sorted(names), n=5, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; check the spelling"
    raise KgraphError(f"no actor {actor!r} in the network{hint}")


def ego_network(G: nx.Graph, actor: str, depth: int = 1) -> nx.Graph:
    """The actors within ``depth`` steps of one actor (in either direction), and their edges.

    Args:
        G: a graph from ``to_networkx`` or ``aggregate``.
        actor: an IRI, label or alternative label (any case, diacritics optional).
        depth: how many steps away from the actor to go.

    Returns:
        A new graph of the same kind as ``G``.

    Raises:
        KgraphError: unknown or ambiguous actor (see :func:`find_actor`).

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("tr", label="Türkiye", alt_labels=["Turkey"])
        >>> G.add_node("ru", label="Russia")
        >>> G.add_node("us", label="United States")
        >>> _ = G.add_edge("ru", "tr", relation="friends-with")
        >>> _ = G.add_edge("ru", "us", relation="accuses")
        >>> sorted(ego_network(G, "turkey"))
        ['ru', 'tr']
        >>> sorted(ego_network(G, "TURKIYE", depth=2))
        ['ru', 'tr', 'us']
    """
    import networkx as nx

    center = find_actor(G, actor)
    return nx.ego_graph(G, center, radius=depth, undirected=True).copy()


def network_stats(G: nx.Graph, *, top: int = 10) -> dict[str, Any]:
    """Counts of a network, as plain values.

    Returns:
        ``nodes`` and ``edges`` (numbers), ``relations`` (relation → statements),
        ``types`` (node type → nodes) and ``top_actors`` (the ``top`` nodes of
        highest degree: dicts of ``id``, ``label``, ``degree``).

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("tr", label="Türkiye", type="Country")
        >>> G.add_node("ru", label="Russia", type="Country")
        >>> _ = G.add_edge("ru", "tr", relation="meets")
        >>> _ = G.add_edge("ru", "tr", relation="meets")
        >>> stats = network_stats(G, top=1)
        >>> stats["nodes"], stats["edges"], stats["relations"], stats["types"]
        (2, 2, {'meets': 2}, {'Country': 2})
        >>> stats["top_actors"]
        [{'id': 'ru', 'label': 'Russia', 'degree': 2}]
    """
    relations: Counter[str] = Counter()
    for _, _, data in G.edges(data=True):
        if "relations" in data:  # an aggregated edge
            relations.update(data["relations"])
        elif data.get("relation") is not None:
            relations[data["relation"]] += 1
    types = Counter(str(d.get("type")) for _, d in G.nodes(data=True))
    labels = {n: str(d.get("label", n)) for n, d in G.nodes(data=True)}
    ranked = sorted(G.degree(), key=lambda nd: (-nd[1], labels[nd[0]], str(nd[0])))
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "relations": dict(relations.most_common()),
        "types": dict(types.most_common()),
        "top_actors": [
            {"id": str(n), "label": labels[n], "degree": int(d)} for n, d in ranked[:top]
        ],
    }
