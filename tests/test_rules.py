"""Single extraction rules on hand-built spaCy Docs: no statistical model involved.

Each Doc is written as a table, one token a line, like the parse the English
pipeline gives: ``word head dep pos tag lemma [ent]``. ``head`` is the absolute
index of the head token, ``=`` as lemma repeats the word, and ``ent`` is an IOB
tag (``B-GPE``, ``I-PERSON``). Countries need no gazetteer id on the span:
actor resolution looks their names up.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc, Span

from kgraph.actors.resolve import resolve_actors
from kgraph.model import Article, Relation
from kgraph.relations import syntax
from kgraph.relations.extract import extract_relations

NLP = spacy.blank("en")
_NO_SPACE_BEFORE = frozenset({".", ",", "?", "'s", "n't"})


def parse(table: str) -> Doc:
    """A Doc from a table of ``word head dep pos tag lemma [ent]`` lines."""
    rows = [line.split() for line in table.strip().splitlines()]
    words = [row[0] for row in rows]
    return Doc(
        NLP.vocab,
        words=words,
        spaces=[
            i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE for i in range(len(words))
        ],
        heads=[int(row[1]) for row in rows],
        deps=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        tags=[row[4] for row in rows],
        lemmas=[row[0] if row[5] == "=" else row[5] for row in rows],
        ents=[row[6] if len(row) > 6 else "O" for row in rows],
    )


def texts(tokens: list) -> list[str]:
    return [token.text for token in tokens]


def extract(doc: Doc, date: dt.date | None = dt.date(2023, 5, 12)) -> list[Relation]:
    article = Article(id="test", date=date, title="", text=doc.text, source="test.txt")
    return list(extract_relations(doc, article, resolve_actors(doc)))


def triples(relations: list[Relation]) -> list[tuple[str, str, str]]:
    return [(r.subject.label, r.relation, r.object.label) for r in relations]


# --- parses used by several tests ------------------------------------------------------------

RUSSIA_ACCUSED_UKRAINE = """
Russia   1 nsubj PROPN NNP =      B-GPE
accused  1 ROOT  VERB  VBD accuse
Ukraine  1 dobj  PROPN NNP =      B-GPE
.        1 punct PUNCT .   =
"""

UKRAINE_WAS_ACCUSED_BY_RUSSIA = """
Ukraine  2 nsubjpass PROPN NNP =      B-GPE
was      2 auxpass   AUX   VBD be
accused  2 ROOT      VERB  VBN accuse
by       2 agent     ADP   IN  =
Russia   3 pobj      PROPN NNP =      B-GPE
.        2 punct     PUNCT .   =
"""

ERDOGAN_SAID_RUSSIA_MET_IRAN = """
Erdoğan  1 nsubj PROPN NNP =    B-PERSON
said     1 ROOT  VERB  VBD say
Russia   3 nsubj PROPN NNP =    B-GPE
met      1 ccomp VERB  VBD meet
Iran     3 dobj  PROPN NNP =    B-GPE
.        1 punct PUNCT .   =
"""

RUSSIA_MET_IRAN_ERDOGAN_SAID = """
Russia   1 nsubj     PROPN NNP =    B-GPE
met      1 ROOT      VERB  VBD meet
Iran     1 dobj      PROPN NNP =    B-GPE
,        1 punct     PUNCT ,   =
Erdoğan  5 nsubj     PROPN NNP =    B-PERSON
said     1 parataxis VERB  VBD say
.        1 punct     PUNCT .   =
"""


# --- syntax.clause_subjects ------------------------------------------------------------------


def test_subject_of_a_plain_clause() -> None:
    doc = parse(RUSSIA_ACCUSED_UKRAINE)

    assert texts(syntax.clause_subjects(doc[1])) == ["Russia"]


def test_coordinated_subjects_are_all_subjects() -> None:
    doc = parse("""
        France    3 nsubj PROPN NNP =     B-GPE
        and       0 cc    CCONJ CC  =
        Germany   0 conj  PROPN NNP =     B-GPE
        condemned 3 ROOT  VERB  VBD condemn
        Russia    3 dobj  PROPN NNP =     B-GPE
        .         3 punct PUNCT .   =
    """)

    assert texts(syntax.clause_subjects(doc[3])) == ["France", "Germany"]


def test_a_coordinated_verb_shares_the_first_verbs_subject() -> None:
    doc = parse("""
        Russia     1 nsubj PROPN NNP =         B-GPE
        met        1 ROOT  VERB  VBD meet
        Iran       1 dobj  PROPN NNP =         B-GPE
        and        1 cc    CCONJ CC  =
        criticized 1 conj  VERB  VBD criticize
        Ukraine    4 dobj  PROPN NNP =         B-GPE
        .          1 punct PUNCT .   =
    """)

    assert texts(syntax.clause_subjects(doc[4])) == ["Russia"]


def test_an_infinitive_takes_the_subject_that_controls_it() -> None:
    doc = parse("""
        Russia    1 nsubj PROPN NNP =         B-GPE
        agreed    1 ROOT  VERB  VBD agree
        to        3 aux   PART  TO  =
        cooperate 1 xcomp VERB  VB  =
        .         1 punct PUNCT .   =
    """)

    assert texts(syntax.clause_subjects(doc[3])) == ["Russia"]


def test_an_infinitive_after_an_object_takes_the_object() -> None:
    doc = parse("""
        Russia    1 nsubj PROPN NNP =    B-GPE
        urged     1 ROOT  VERB  VBD urge
        Iran      1 dobj  PROPN NNP =    B-GPE
        to        4 aux   PART  TO  =
        negotiate 1 xcomp VERB  VB  =
        .         1 punct PUNCT .   =
    """)

    assert texts(syntax.clause_subjects(doc[4])) == ["Iran"]


def test_a_relative_clause_takes_the_noun_it_modifies() -> None:
    doc = parse("""
        Erdoğan 6 nsubj PROPN NNP =     B-PERSON
        ,       0 punct PUNCT ,   =
        who     3 nsubj PRON  WP  =
        met     0 relcl VERB  VBD meet
        Putin   3 dobj  PROPN NNP =     B-PERSON
        ,       0 punct PUNCT ,   =
        spoke   6 ROOT  VERB  VBD speak
        .       6 punct PUNCT .   =
    """)

    assert texts(syntax.clause_subjects(doc[3])) == ["Erdoğan"]


def test_a_participle_clause_takes_the_main_subject() -> None:
    doc = parse("""
        Russia   1 nsubj PROPN NNP =      B-GPE
        rejected 1 ROOT  VERB  VBD reject
        the      3 det   DET   DT  =
        claims   1 dobj  NOUN  NNS claim
        ,        1 punct PUNCT ,   =
        saying   1 advcl VERB  VBG say
        they     7 nsubj PRON  PRP =
        were     5 ccomp AUX   VBD be
        lies     7 attr  NOUN  NNS lie
        .        1 punct PUNCT .   =
    """)

    assert texts(syntax.clause_subjects(doc[5])) == ["Russia"]


def test_a_clause_without_subject_has_none() -> None:
    doc = parse("""
        Meet  0 ROOT  VERB  VB  meet
        Iran  0 dobj  PROPN NNP =    B-GPE
        .     0 punct PUNCT .   =
    """)

    assert syntax.clause_subjects(doc[0]) == []


# --- passives and prepositions ---------------------------------------------------------------


def test_passive_verb_and_its_agent() -> None:
    doc = parse(UKRAINE_WAS_ACCUSED_BY_RUSSIA)

    assert syntax.is_passive(doc[2])
    assert texts(syntax.passive_agents(doc[2])) == ["Russia"]
    assert texts(syntax.passive_subjects(doc[2])) == ["Ukraine"]


def test_an_active_verb_is_not_passive() -> None:
    doc = parse(RUSSIA_ACCUSED_UKRAINE)

    assert not syntax.is_passive(doc[1])
    assert syntax.passive_agents(doc[1]) == []


def test_prepositional_objects_include_coordinated_ones() -> None:
    doc = parse("""
        Iran   1 nsubj PROPN NNP =    B-GPE
        met    1 ROOT  VERB  VBD meet
        with   1 prep  ADP   IN  =
        Russia 2 pobj  PROPN NNP =    B-GPE
        and    3 cc    CCONJ CC  =
        China  3 conj  PROPN NNP =    B-GPE
        .      1 punct PUNCT .   =
    """)

    assert texts(syntax.prep_objects(doc[1], "with")) == ["Russia", "China"]
    assert syntax.prep_objects(doc[1], "against") == []


def test_a_particle_verb_takes_its_direct_object() -> None:
    doc = parse("""
        Iran   1 nsubj PROPN NNP =    B-GPE
        called 1 ROOT  VERB  VBD call
        on     1 prt   ADP   RP  =
        Russia 1 dobj  PROPN NNP =    B-GPE
        .      1 punct PUNCT .   =
    """)

    assert texts(syntax.prep_objects(doc[1], "on")) == ["Russia"]


# --- syntax.modality -------------------------------------------------------------------------


def test_a_plain_statement_is_asserted() -> None:
    doc = parse(RUSSIA_ACCUSED_UKRAINE)

    assert syntax.modality(doc[1]) == (False, False)


def test_not_negates() -> None:
    doc = parse("""
        Russia 3 nsubj PROPN NNP =    B-GPE
        did    3 aux   AUX   VBD do
        not    3 neg   PART  RB  =
        meet   3 ROOT  VERB  VB  =
        Iran   3 dobj  PROPN NNP =    B-GPE
        .      3 punct PUNCT .   =
    """)

    assert syntax.modality(doc[3]) == (True, False)


def test_a_modal_makes_it_hypothetical() -> None:
    doc = parse("""
        Russia 2 nsubj PROPN NNP =    B-GPE
        could  2 aux   AUX   MD  =
        meet   2 ROOT  VERB  VB  =
        Iran   2 dobj  PROPN NNP =    B-GPE
        .      2 punct PUNCT .   =
    """)

    assert syntax.modality(doc[2]) == (False, True)


def test_refusing_to_do_it_negates_it() -> None:
    doc = parse("""
        Russia  1 nsubj PROPN NNP =      B-GPE
        refused 1 ROOT  VERB  VBD refuse
        to      3 aux   PART  TO  =
        meet    1 xcomp VERB  VB  =
        Iran    3 dobj  PROPN NNP =      B-GPE
        .       1 punct PUNCT .   =
    """)

    assert syntax.modality(doc[3]) == (True, False)


def test_planning_to_do_it_is_hypothetical() -> None:
    doc = parse("""
        Russia 1 nsubj PROPN NNP =     B-GPE
        plans  1 ROOT  VERB  VBZ plan
        to     3 aux   PART  TO  =
        visit  1 xcomp VERB  VB  =
        Iran   3 dobj  PROPN NNP =     B-GPE
        .      1 punct PUNCT .   =
    """)

    assert syntax.modality(doc[3]) == (False, True)


def test_a_condition_is_hypothetical() -> None:
    doc = parse("""
        Iran     1 nsubj PROPN NNP =       B-GPE
        protests 1 ROOT  VERB  VBZ protest
        if       4 mark  SCONJ IN  =
        Russia   4 nsubj PROPN NNP =       B-GPE
        meets    1 advcl VERB  VBZ meet
        Israel   4 dobj  PROPN NNP =       B-GPE
        .        1 punct PUNCT .   =
    """)

    assert syntax.modality(doc[4]) == (False, True)


def test_a_question_is_hypothetical() -> None:
    doc = parse("""
        Did    2 aux   AUX   VBD do
        Russia 2 nsubj PROPN NNP =    B-GPE
        meet   2 ROOT  VERB  VB  =
        Iran   2 dobj  PROPN NNP =    B-GPE
        ?      2 punct PUNCT .   =
    """)

    assert syntax.modality(doc[2]) == (False, True)


def test_negating_the_speech_verb_does_not_negate_what_is_reported() -> None:
    # "X did not say that Y met Z" says nothing about whether Y met Z.
    doc = parse("""
        Erdoğan 3 nsubj PROPN NNP =    B-PERSON
        did     3 aux   AUX   VBD do
        not     3 neg   PART  RB  =
        say     3 ROOT  VERB  VB  =
        that    6 mark  SCONJ IN  =
        Russia  6 nsubj PROPN NNP =    B-GPE
        met     3 ccomp VERB  VBD meet
        Iran    6 dobj  PROPN NNP =    B-GPE
        .       3 punct PUNCT .   =
    """)

    assert syntax.modality(doc[6]) == (False, False)


def test_negation_inside_the_reported_clause_is_kept() -> None:
    doc = parse("""
        Erdoğan 1 nsubj PROPN NNP =    B-PERSON
        said    1 ROOT  VERB  VBD say
        Russia  5 nsubj PROPN NNP =    B-GPE
        did     5 aux   AUX   VBD do
        not     5 neg   PART  RB  =
        meet    1 ccomp VERB  VB  =
        Iran    5 dobj  PROPN NNP =    B-GPE
        .       1 punct PUNCT .   =
    """)

    assert syntax.modality(doc[5]) == (True, False)


# --- syntax.speech_verb ----------------------------------------------------------------------


def test_the_speech_verb_above_a_reported_clause() -> None:
    doc = parse(ERDOGAN_SAID_RUSSIA_MET_IRAN)

    assert syntax.speech_verb(doc[3]) == doc[1]


def test_the_speech_verb_after_the_reported_clause() -> None:
    doc = parse(RUSSIA_MET_IRAN_ERDOGAN_SAID)

    assert syntax.speech_verb(doc[1]) == doc[5]


def test_an_unreported_clause_has_no_speech_verb() -> None:
    doc = parse(RUSSIA_ACCUSED_UKRAINE)

    assert syntax.speech_verb(doc[1]) is None


def test_according_to_names_the_source() -> None:
    doc = parse("""
        Russia    1 nsubj PROPN NNP =      B-GPE
        met       1 ROOT  VERB  VBD meet
        Iran      1 dobj  PROPN NNP =      B-GPE
        ,         1 punct PUNCT ,   =
        according 1 prep  VERB  VBG accord
        to        4 prep  ADP   IN  =
        Erdoğan   5 pobj  PROPN NNP =      B-PERSON
        .         1 punct PUNCT .   =
    """)

    assert texts(syntax.according_to(doc[1])) == ["Erdoğan"]


# --- actors on hand-built docs ----------------------------------------------------------------


def test_an_entity_ruler_id_names_the_gazetteer_entry() -> None:
    doc = parse(RUSSIA_ACCUSED_UKRAINE.replace("Russia ", "Rossiya"))
    doc.ents = [Span(doc, 0, 1, label="GPE", span_id="RU|name"), *doc.ents[1:]]

    [relation] = extract(doc)

    assert triples([relation]) == [("Russia", "accuses", "Ukraine")]
    assert relation.subject.names == ("Russia", "Rossiya")


# --- relations from cues ---------------------------------------------------------------------


def test_a_verb_cue_relates_subject_and_object() -> None:
    doc = parse(RUSSIA_ACCUSED_UKRAINE)

    [relation] = extract(doc)

    assert triples([relation]) == [("Russia", "accuses", "Ukraine")]
    assert relation.subject.type == relation.object.type == "Country"
    assert relation.subject.iso_code == "RU"
    assert (relation.negated, relation.hypothetical, relation.attributed_to) == (False, False, None)
    assert relation.cue == "accuse"
    assert relation.confidence == 0.9
    assert relation.evidence == "Russia accused Ukraine."
    assert relation.span == (0, len(doc.text))
    assert relation.date == dt.date(2023, 5, 12)  # no date expression: the article date


def test_without_an_article_date_a_relation_has_no_date() -> None:
    doc = parse(RUSSIA_ACCUSED_UKRAINE)

    [relation] = extract(doc, date=None)

    assert relation.date is None


def test_a_passive_cue_takes_the_agent_as_subject() -> None:
    doc = parse(UKRAINE_WAS_ACCUSED_BY_RUSSIA)

    assert triples(extract(doc)) == [("Russia", "accuses", "Ukraine")]


def test_coordinated_subjects_give_one_relation_each() -> None:
    doc = parse("""
        France    3 nsubj PROPN NNP =     B-GPE
        and       0 cc    CCONJ CC  =
        Germany   0 conj  PROPN NNP =     B-GPE
        condemned 3 ROOT  VERB  VBD condemn
        Russia    3 dobj  PROPN NNP =     B-GPE
        .         3 punct PUNCT .   =
    """)

    assert triples(extract(doc)) == [
        ("France", "criticizes", "Russia"),
        ("Germany", "criticizes", "Russia"),
    ]


def test_coordination_on_both_sides_gives_every_pair() -> None:
    doc = parse("""
        France    3 nsubj PROPN NNP =     B-GPE
        and       0 cc    CCONJ CC  =
        Germany   0 conj  PROPN NNP =     B-GPE
        condemned 3 ROOT  VERB  VBD condemn
        Russia    3 dobj  PROPN NNP =     B-GPE
        and       4 cc    CCONJ CC  =
        Belarus   4 conj  PROPN NNP =     B-GPE
        .         3 punct PUNCT .   =
    """)

    assert sorted(triples(extract(doc))) == [
        ("France", "criticizes", "Belarus"),
        ("France", "criticizes", "Russia"),
        ("Germany", "criticizes", "Belarus"),
        ("Germany", "criticizes", "Russia"),
    ]


def test_a_light_verb_noun_gives_its_relation() -> None:
    doc = parse("""
        Iran   1 nsubj PROPN NNP =    B-GPE
        held   1 ROOT  VERB  VBD hold
        talks  1 dobj  NOUN  NNS talk
        with   2 prep  ADP   IN  =
        Russia 3 pobj  PROPN NNP =    B-GPE
        .      1 punct PUNCT .   =
    """)

    [relation] = extract(doc)

    assert triples([relation]) == [("Iran", "meets", "Russia")]
    assert relation.cue == "talk"


def test_a_noun_cue_without_its_light_verb_gives_nothing() -> None:
    doc = parse("""
        Iran    1 nsubj PROPN NNP =      B-GPE
        ignored 1 ROOT  VERB  VBD ignore
        talks   1 dobj  NOUN  NNS talk
        with    2 prep  ADP   IN  =
        Russia  3 pobj  PROPN NNP =      B-GPE
        .       1 punct PUNCT .   =
    """)

    assert extract(doc) == []


GOOD_RELATIONS = """
Iran      1 nsubj PROPN NNP =        B-GPE
has       1 ROOT  VERB  VBZ have
good      3 amod  ADJ   JJ  =
relations 1 dobj  NOUN  NNS relation
with      3 prep  ADP   IN  =
Russia    4 pobj  PROPN NNP =        B-GPE
.         1 punct PUNCT .   =
"""


def test_good_relations_with_is_friends_with() -> None:
    doc = parse(GOOD_RELATIONS)

    assert triples(extract(doc)) == [("Iran", "friends-with", "Russia")]


def test_relations_without_a_friendly_modifier_are_not_friendship() -> None:
    doc = parse(GOOD_RELATIONS.replace("good ", "tense"))

    assert extract(doc) == []


def test_a_symmetric_relation_is_stored_once_per_sentence() -> None:
    doc = parse("""
        Iran   1 nsubj PROPN NNP =    B-GPE
        met    1 ROOT  VERB  VBD meet
        Russia 1 dobj  PROPN NNP =    B-GPE
        and    1 cc    CCONJ CC  =
        Russia 5 nsubj PROPN NNP =    B-GPE
        met    1 conj  VERB  VBD meet
        Iran   5 dobj  PROPN NNP =    B-GPE
        .      1 punct PUNCT .   =
    """)

    assert triples(extract(doc)) == [("Iran", "meets", "Russia")]


def test_a_directed_relation_is_kept_in_both_directions() -> None:
    doc = parse("""
        Iran    1 nsubj PROPN NNP =      B-GPE
        accused 1 ROOT  VERB  VBD accuse
        Russia  1 dobj  PROPN NNP =      B-GPE
        and     1 cc    CCONJ CC  =
        Russia  5 nsubj PROPN NNP =      B-GPE
        accused 1 conj  VERB  VBD accuse
        Iran    5 dobj  PROPN NNP =      B-GPE
        .       1 punct PUNCT .   =
    """)

    assert triples(extract(doc)) == [("Iran", "accuses", "Russia"), ("Russia", "accuses", "Iran")]


def test_a_person_attacking_a_person_criticizes() -> None:
    doc = parse("""
        Erdoğan  1 nsubj PROPN NNP =      B-PERSON
        attacked 1 ROOT  VERB  VBD attack
        Putin    1 dobj  PROPN NNP =      B-PERSON
        .        1 punct PUNCT .   =
    """)

    assert triples(extract(doc)) == [("Erdoğan", "criticizes", "Putin")]


def test_a_country_attacking_attacks() -> None:
    doc = parse("""
        Russia   1 nsubj PROPN NNP =      B-GPE
        attacked 1 ROOT  VERB  VBD attack
        Ukraine  1 dobj  PROPN NNP =      B-GPE
        .        1 punct PUNCT .   =
    """)

    assert triples(extract(doc)) == [("Russia", "attacks", "Ukraine")]


def test_a_person_attacking_with_troops_attacks() -> None:
    doc = parse("""
        Putin    1 nsubj PROPN NNP =      B-PERSON
        attacked 1 ROOT  VERB  VBD attack
        Ukraine  1 dobj  PROPN NNP =      B-GPE
        with     1 prep  ADP   IN  =
        troops   3 pobj  NOUN  NNS troop
        .        1 punct PUNCT .   =
    """)

    assert triples(extract(doc)) == [("Putin", "attacks", "Ukraine")]


def test_denying_someone_something_is_not_denying_a_claim() -> None:
    doc = parse("""
        Russia 1 nsubj  PROPN NNP =    B-GPE
        denied 1 ROOT   VERB  VBD deny
        Iran   1 dative PROPN NNP =    B-GPE
        a      4 det    DET   DT  =
        visa   1 dobj   NOUN  NN  =
        .      1 punct  PUNCT .   =
    """)

    assert extract(doc) == []


def test_denying_a_claim_gives_a_topic() -> None:
    doc = parse("""
        Russia      1 nsubj PROPN NNP =          B-GPE
        denied      1 ROOT  VERB  VBD deny
        the         3 det   DET   DT  =
        accusations 1 dobj  NOUN  NNS accusation
        .           1 punct PUNCT .   =
    """)

    [relation] = extract(doc)

    assert triples([relation]) == [("Russia", "denies", "accusations")]
    assert relation.object.type == "Topic"


def test_a_reported_relation_is_attributed_to_the_speaker() -> None:
    doc = parse(ERDOGAN_SAID_RUSSIA_MET_IRAN)

    [relation] = extract(doc)

    assert triples([relation]) == [("Russia", "meets", "Iran")]
    assert relation.attributed_to is not None
    assert relation.attributed_to.label == "Erdoğan"


def test_a_parenthetical_speaker_is_the_attribution() -> None:
    doc = parse(RUSSIA_MET_IRAN_ERDOGAN_SAID)

    [relation] = extract(doc)

    assert relation.attributed_to is not None
    assert relation.attributed_to.label == "Erdoğan"


def test_a_negated_relation_is_kept_and_flagged() -> None:
    doc = parse("""
        Russia 3 nsubj PROPN NNP =    B-GPE
        did    3 aux   AUX   VBD do
        not    3 neg   PART  RB  =
        meet   3 ROOT  VERB  VB  =
        Iran   3 dobj  PROPN NNP =    B-GPE
        .      3 punct PUNCT .   =
    """)

    [relation] = extract(doc)

    assert triples([relation]) == [("Russia", "meets", "Iran")]
    assert relation.negated and not relation.hypothetical


# --- roles from titles -----------------------------------------------------------------------


def test_a_title_before_a_name_gives_a_role() -> None:
    doc = parse("""
        Turkish   4 amod     ADJ   JJ  =      B-NORP
        President 4 compound PROPN NNP =
        Recep     4 compound PROPN NNP =      B-PERSON
        Tayyip    4 compound PROPN NNP =      I-PERSON
        Erdoğan   5 nsubj    PROPN NNP =      I-PERSON
        spoke     5 ROOT     VERB  VBD speak
        .         5 punct    PUNCT .   =
    """)

    [relation] = extract(doc)

    assert triples([relation]) == [("Recep Tayyip Erdoğan", "leader-of", "Türkiye")]
    assert relation.cue == "president"


@pytest.mark.parametrize(
    ("title", "relation"),
    [
        ("Prime Minister", "leader-of"),
        ("Deputy Prime Minister", "member-of"),
        ("Vice President", "member-of"),
        ("President", "leader-of"),
    ],
)
def test_the_longest_title_decides_the_role(title: str, relation: str) -> None:
    words = title.split()
    n = len(words)
    title_rows = "\n".join(f"{word} {n + 2} compound PROPN NNP =" for word in words)
    doc = parse(f"""
        Russian {n + 2} amod ADJ JJ = B-NORP
        {title_rows}
        Alexander {n + 2} compound PROPN NNP = B-PERSON
        Novak {n + 3} nsubj PROPN NNP = I-PERSON
        spoke {n + 3} ROOT VERB VBD speak
        . {n + 3} punct PUNCT . =
    """)

    assert triples(extract(doc)) == [("Alexander Novak", relation, "Russia")]


def test_a_former_office_holder_holds_no_office() -> None:
    doc = parse("""
        Former    4 amod     ADJ   JJ  =
        US        4 compound PROPN NNP =      B-GPE
        President 4 compound PROPN NNP =
        Donald    4 compound PROPN NNP =      B-PERSON
        Trump     5 nsubj    PROPN NNP =      I-PERSON
        spoke     5 ROOT     VERB  VBD speak
        .         5 punct    PUNCT .   =
    """)

    assert extract(doc) == []


def test_a_sitting_office_holder_holds_the_office() -> None:
    doc = parse("""
        US        3 compound PROPN NNP =      B-GPE
        President 3 compound PROPN NNP =
        Joe       3 compound PROPN NNP =      B-PERSON
        Biden     4 nsubj    PROPN NNP =      I-PERSON
        spoke     4 ROOT     VERB  VBD speak
        .         4 punct    PUNCT .   =
    """)

    assert triples(extract(doc)) == [("Joe Biden", "leader-of", "United States")]


@pytest.mark.parametrize("words", ["the Kremlin spokesman", "a Kremlin spokesman"])
def test_an_apposition_gives_a_role(words: str) -> None:
    det, kremlin, spokesman = words.split()
    doc = parse(f"""
        Peskov     5 nsubj    PROPN NNP =        B-PERSON
        ,          0 punct    PUNCT ,   =
        {det}      4 det      DET   DT  =
        {kremlin}  4 compound PROPN NNP =        B-ORG
        {spokesman} 0 appos   NOUN  NN  =
        spoke      5 ROOT     VERB  VBD speak
        .          5 punct    PUNCT .   =
    """)

    assert ("Peskov", "spokesperson-for", "Kremlin") in triples(extract(doc))
