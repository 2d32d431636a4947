"""The main job: articles on disk → an RDF graph file (and a network drawing), with a report.

``build`` is what ``kgraph build`` and ``make run`` do; ``extract_files``
what ``kgraph extract`` does; ``stats`` what ``kgraph stats`` prints.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from kgraph.articles import ErrorHandler, read_articles
from kgraph.atomic import atomic_write
from kgraph.errors import ArticleError
from kgraph.model import ArticleResult, Relation
from kgraph.relation_types import RELATION_TYPES


@dataclass(slots=True, kw_only=True)
class BuildReport:
    """What a build read, skipped and wrote."""

    output: Path | None = None
    plot: Path | None = None
    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    relations: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    flagged: int = 0

    def summary(self) -> str:
        """A few lines for the terminal: articles, actors by type, relations by type."""
        lines = [f"articles: {self.articles} read, {len(self.skipped)} skipped"]
        lines.append(f"actors: {sum(self.actors.values())} ({_counts(self.actors)})")
        asserted = sum(self.relations.values())
        lines.append(f"relations: {asserted} asserted, {self.flagged} negated or hypothetical")
        lines += [f"  {name:<18} {count}" for name, count in self.relations.most_common()]
        if self.output:
            lines.append(f"graph: {self.output}")
        if self.plot:
            lines.append(f"plot: {self.plot}")
        return "\n".join(lines)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counter.most_common())


def _collect(
    paths: Iterable[str | Path], report: BuildReport, on_error: ErrorHandler | None, n_process: int
) -> Iterator[ArticleResult]:
    from kgraph.pipeline import extract

    def skipped(error: ArticleError) -> None:
        report.skipped.append(error.source)
        if on_error is not None:
            on_error(error)

    seen_actors: dict[str, str] = {}
    for result in extract(read_articles(paths, on_error=skipped), n_process=n_process):
        report.articles += 1
        for actor in result.actors:
            seen_actors.setdefault(actor.id, actor.type)
        for relation in result.relations:
            if relation.negated or relation.hypothetical:
                report.flagged += 1
            else:
                report.relations[relation.relation] += 1
        yield result
    report.actors = Counter(seen_actors.values())


def build(
    paths: Iterable[str | Path],
    output: str | Path,
    *,
    format: str | None = None,
    plot: str | Path | None = None,
    n_process: int = 1,
    on_error: ErrorHandler | None = None,
) -> BuildReport:
    """Build the knowledge graph of the articles in ``paths`` and write it to ``output``.

    The graph file is written atomically: a failed run leaves any previous file as it was.

    Args:
        paths: article files or folders.
        output: the graph file; its suffix gives the format unless ``format`` is set.
        format: ``turtle``, ``trig``, ``nt`` or ``jsonld``.
        plot: also draw the actor network to this PNG.
        n_process: spaCy worker processes.
        on_error: called for each article that is skipped.
    """
    from kgraph.rdf import build_graph, serialize

    report = BuildReport()
    graph = build_graph(_collect(paths, report, on_error, n_process))
    report.output = serialize(graph, output, format=format)
    if plot is not None:
        from kgraph.network import to_networkx
        from kgraph.plot import plot_network

        report.plot = plot_network(to_networkx(graph), plot)
    return report


def extract_files(
    paths: Iterable[str | Path],
    *,
    n_process: int = 1,
    on_error: ErrorHandler | None = None,
    doc_ids: set[str] | None = None,
) -> Iterator[Relation]:
    """Every relation of the articles in ``paths`` (optionally only the articles ``doc_ids`` names)."""
    from kgraph.pipeline import extract

    articles = read_articles(paths, on_error=on_error)
    if doc_ids is not None:
        articles = (a for a in articles if a.id in doc_ids)
    for result in extract(articles, n_process=n_process):
        yield from result.relations


def write_jsonl(relations: Iterable[Relation], output: str | Path | None, *, stdout: TextIO) -> int:
    """Write relations as JSON Lines to ``output`` (atomically) or to ``stdout``; return the count."""

    def write(stream: IO[str]) -> int:
        count = 0
        for relation in relations:
            stream.write(json.dumps(relation.to_json(), ensure_ascii=False) + "\n")
            count += 1
        return count

    if output is None:
        return write(stdout)
    with atomic_write(output, encoding="utf-8", what="relations") as stream:
        return write(stream)


def stats(graph: Any) -> dict[str, Any]:
    """Counts of a built graph: triples, articles, actors by type, statements by relation and flag."""
    from kgraph.sparql import query

    def table(sparql: str) -> list[tuple[Any, ...]]:
        return query(graph, sparql).rows

    prefixes = "PREFIX kg: <https://w3id.org/kgraph/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    actors = table(
        prefixes + "SELECT ?type (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ?t ; skos:prefLabel ?l . "
        "FILTER(STRSTARTS(STR(?t), STR(kg:)) && ?t NOT IN (kg:Article, kg:RelationStatement)) "
        "BIND(STRAFTER(STR(?t), '#') AS ?type) } GROUP BY ?type ORDER BY DESC(?n)"
    )
    statements = table(
        prefixes + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
        "SELECT ?relation (SUM(IF(?neg || ?hyp, 0, 1)) AS ?asserted) (SUM(IF(?neg || ?hyp, 1, 0)) AS ?flagged) "
        "WHERE { ?s a kg:RelationStatement ; rdf:predicate ?p ; kg:negated ?neg ; kg:hypothetical ?hyp . "
        "BIND(STRAFTER(STR(?p), '#') AS ?relation) } GROUP BY ?relation ORDER BY DESC(?asserted)"
    )
    articles = table(prefixes + "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Article }")
    kebab = {t.property_name: name for name, t in RELATION_TYPES.items()}
    return {
        "triples": len(graph),
        "articles": int(articles[0][0]) if articles else 0,
        "actors": {str(t): int(n) for t, n in actors},
        "relations": {
            kebab.get(str(r), str(r)): {"asserted": int(a), "flagged": int(f)}
            for r, a, f in statements
        },
    }
