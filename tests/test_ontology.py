"""The ontology, the SHACL shapes and the KG namespace agree with the relation vocabulary."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pyshacl
import pytest
from conftest import RDF_ERDOGAN
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDFS, SH, Namespace

from kgraph.errors import OntologyError
from kgraph.model import ACTOR_TYPES
from kgraph.rdf import load_ontology, load_shapes
from kgraph.relation_types import RELATION_TYPES
from kgraph.vocabulary import (
    ACTOR_CLASSES,
    KG,
    ORG,
    OWL,
    PROV,
    RDF,
    SKOS,
    XSD,
    relation_name,
    relation_property,
)

KGSH = Namespace("https://w3id.org/kgraph/shapes#")
_DECLARING_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {
        s
        for s, o in ontology.subject_objects(RDF.type)
        if o in _DECLARING_TYPES and isinstance(s, URIRef) and s.startswith(str(KG))
    }


def test_ontology_parses_and_names_itself(ontology: Graph) -> None:
    assert (URIRef("https://w3id.org/kgraph/ontology"), RDF.type, OWL.Ontology) in ontology


def test_kg_namespace_equals_the_ontology(ontology: Graph) -> None:
    namespace_terms = set(dir(KG))
    declared = declared_terms(ontology)
    assert namespace_terms - declared == set(), "in kgraph.vocabulary.KG but not in kgraph.ttl"
    assert declared - namespace_terms == set(), "in kgraph.ttl but not in kgraph.vocabulary.KG"


def test_kg_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = KG.acuses


@pytest.mark.parametrize("name", list(RELATION_TYPES))
def test_relation_property_matches_the_tsv(ontology: Graph, name: str) -> None:
    rtype = RELATION_TYPES[name]
    prop = URIRef(str(KG) + rtype.property_name)
    types = set(ontology.objects(prop, RDF.type))
    assert OWL.ObjectProperty in types
    assert (OWL.SymmetricProperty in types) == rtype.symmetric
    assert list(ontology.objects(prop, SKOS.notation)) == [Literal(name)]
    assert list(ontology.objects(prop, RDFS.label)) == [Literal(rtype.label, lang="en")]
    assert list(ontology.objects(prop, RDFS.comment)) == [Literal(rtype.comment, lang="en")]
    assert list(ontology.objects(prop, KG.cameoCode)) == [Literal(rtype.cameo)]
    expected_plover = [Literal(rtype.plover)] if rtype.plover else []
    assert list(ontology.objects(prop, KG.ploverCode)) == expected_plover
    assert list(ontology.objects(prop, KG.quadClass)) == [Literal(rtype.quad)]
    (weight,) = ontology.objects(prop, KG.weight)
    assert isinstance(weight, Literal) and weight.datatype == XSD.decimal
    assert weight.toPython() == Decimal(str(rtype.weight))
    assert KG.relatedTo in set(ontology.objects(prop, RDFS.subPropertyOf))
    assert relation_name(prop) == name and relation_property(name) == prop


def test_no_relation_property_beyond_the_tsv(ontology: Graph) -> None:
    in_ontology = set(ontology.subjects(RDFS.subPropertyOf, KG.relatedTo))
    assert in_ontology == {relation_property(name) for name in RELATION_TYPES}


def test_roles_reuse_w3c_org(ontology: Graph) -> None:
    assert ORG.headOf in set(ontology.objects(KG.leaderOf, RDFS.subPropertyOf))
    assert ORG.memberOf in set(ontology.objects(KG.memberOf, RDFS.subPropertyOf))


def test_relation_lookup_errors() -> None:
    with pytest.raises(OntologyError, match="befriends"):
        relation_property("befriends")
    with pytest.raises(OntologyError, match="mentionCount"):
        relation_name(KG.mentionCount)


def test_actor_classes(ontology: Graph) -> None:
    assert set(ACTOR_TYPES) <= set(ACTOR_CLASSES)
    for name, cls in ACTOR_CLASSES.items():
        assert (cls, RDF.type, OWL.Class) in ontology
        assert ((cls, RDFS.subClassOf, KG.Actor) in ontology) == (name != "Topic")
    assert (KG.Article, RDFS.subClassOf, PROV.Entity) in ontology
    assert (KG.RelationStatement, RDFS.subClassOf, RDF.Statement) in ontology


def test_ontology_declares_everything_a_built_graph_uses(ontology: Graph, rdf_graph: Graph) -> None:
    used = set(rdf_graph.predicates()) | set(rdf_graph.objects(None, RDF.type))
    used |= set(rdf_graph.objects(None, RDF.predicate))
    ours = {term for term in used if isinstance(term, URIRef) and term.startswith(str(KG))}
    assert ours and ours - declared_terms(ontology) == set()


# --- SHACL --------------------------------------------------------------------------------


def test_shapes_list_the_relations_of_the_tsv(shapes: Graph) -> None:
    (values,) = shapes.objects(KGSH.StatementPredicate, SH["in"])
    assert list(Collection(shapes, values)) == [relation_property(n) for n in RELATION_TYPES]
    shape_of_kind = {
        "actor": "ActorObjectShape",
        "topic": "TopicObjectShape",
        "actor-or-topic": "ActorOrTopicObjectShape",
    }
    for kind, shape in shape_of_kind.items():
        targets = set(shapes.objects(KGSH[shape], SH.targetObjectsOf))
        expected = {
            relation_property(n) for n, t in RELATION_TYPES.items() if t.object_kind == kind
        }
        assert targets == expected, kind
    subjects = set(shapes.objects(KGSH.RelationSubjectShape, SH.targetSubjectsOf))
    assert subjects == {relation_property(n) for n in RELATION_TYPES}


def validate(graph: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology)
    return conforms, text


def test_built_graph_conforms(rdf_graph: Graph, shapes: Graph, ontology: Graph) -> None:
    conforms, text = validate(rdf_graph, shapes, ontology)
    assert conforms, text


def _one_statement(graph: Graph) -> URIRef:
    return min(URIRef(str(node)) for node in graph.subjects(RDF.type, KG.RelationStatement))


def _drop_subject(graph: Graph) -> None:
    graph.remove((_one_statement(graph), RDF.subject, None))


def _second_pref_label(graph: Graph) -> None:
    graph.add((URIRef(RDF_ERDOGAN.id), SKOS.prefLabel, Literal("Tayyip")))


def _confidence_too_high(graph: Graph) -> None:
    graph.set((_one_statement(graph), KG.confidence, Literal(Decimal("1.5"))))


def _unknown_predicate(graph: Graph) -> None:
    graph.set((_one_statement(graph), RDF.predicate, KG.mentionedIn))


def _span_reversed(graph: Graph) -> None:
    node = _one_statement(graph)
    graph.set((node, KG.spanStart, Literal(900)))


def _topic_as_actor_object(graph: Graph) -> None:
    topic = next(graph.subjects(RDF.type, KG.Topic))
    graph.add((URIRef(RDF_ERDOGAN.id), KG.accuses, topic))


def _negative_mention_count(graph: Graph) -> None:
    graph.set((URIRef(RDF_ERDOGAN.id), KG.mentionCount, Literal(-1)))


def _article_without_identifier(graph: Graph) -> None:
    article = next(graph.subjects(RDF.type, KG.Article))
    graph.remove((article, URIRef("http://purl.org/dc/terms/identifier"), None))


@pytest.mark.parametrize(
    ("break_it", "shape"),
    [
        (_drop_subject, "StatementSubject"),
        (_second_pref_label, "ActorPrefLabel"),
        (_confidence_too_high, "StatementConfidence"),
        (_unknown_predicate, "StatementPredicate"),
        (_span_reversed, "StatementSpanStart"),
        (_topic_as_actor_object, "ActorObjectShape"),
        (_negative_mention_count, "ActorMentionCount"),
        (_article_without_identifier, "ArticleIdentifier"),
    ],
)
def test_broken_graph_does_not_conform(
    rdf_graph: Graph,
    shapes: Graph,
    ontology: Graph,
    break_it: Callable[[Graph], None],
    shape: str,
) -> None:
    break_it(rdf_graph)
    conforms, text = validate(rdf_graph, shapes, ontology)
    assert not conforms
    assert str(KGSH[shape]) in text or f"kgsh:{shape}" in text, text
