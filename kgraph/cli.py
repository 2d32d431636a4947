"""The ``kgraph`` command: one click group, each command a thin wrapper over a library function.

Exit codes: 0 success; 1 some articles were skipped (the rest was processed);
2 usage error; 3 a kgraph error (unreadable graph, bad query, unwritable output).
Results go to stdout; progress, skipped articles and errors to stderr.
Heavy modules are imported inside commands, so ``kgraph --help`` and
``kgraph query`` never load spaCy.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kgraph.errors import ArticleError, KgraphError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_SKIPPED = 1

_INPUTS = click.argument(
    "inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
_GRAPH = click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))


def _friendly_errors(command: F) -> F:
    """Turn a KgraphError into one line on stderr and its exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KgraphError as error:
            click.echo(f"kgraph: error: {error}", err=True)
            sys.exit(error.exit_code)

    return wrapper  # type: ignore[return-value]


class _Skipped:
    """Reports each skipped article on stderr and remembers whether any was."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: ArticleError) -> None:
        self.count += 1
        click.echo(f"kgraph: skipped {error}", err=True)

    def exit(self) -> None:
        if self.count:
            click.echo(f"kgraph: {self.count} article(s) skipped", err=True)
            sys.exit(EXIT_SKIPPED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kgraph")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does on stderr.")
def main(verbose: bool) -> None:
    """Build a knowledge graph of political relations from news articles."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@main.command()
@_INPUTS
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The graph file to write (written atomically).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nt", "jsonld"]),
    help="Graph format; by default from the output file's suffix.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the actor network to this PNG.",
)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Parsing processes."
)
@_friendly_errors
def build(
    inputs: tuple[Path, ...], output: Path, fmt: str | None, plot: Path | None, jobs: int
) -> None:
    """Build the knowledge graph of INPUTS (files or folders) into a graph file."""
    from kgraph.build import build as build_graph_file

    skipped = _Skipped()
    report = build_graph_file(
        inputs, output, format=fmt, plot=plot, n_process=jobs, on_error=skipped
    )
    click.echo(report.summary())
    skipped.exit()


@main.command()
@_INPUTS
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here (atomically) instead of stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl"]),
    default="jsonl",
    show_default=True,
    help="Output format: JSON Lines as in spec/RELATIONS.md.",
)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Parsing processes."
)
@_friendly_errors
def extract(inputs: tuple[Path, ...], output: Path | None, fmt: str, jobs: int) -> None:
    """Extract the relations of INPUTS as JSON Lines."""
    from kgraph.build import extract_files, write_jsonl

    skipped = _Skipped()
    write_jsonl(extract_files(inputs, n_process=jobs, on_error=skipped), output, stdout=sys.stdout)
    skipped.exit()


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for value in values:
        name, sep, bound = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{value!r}: write NAME=VALUE", param_hint="--param")
        params[name.lstrip("?$")] = bound
    return params


@main.command()
@_GRAPH
@click.argument("sparql", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the SPARQL query from this file.",
)
@click.option("--name", help="Run a named query (see --list).")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query variable (repeatable); values are bound, never pasted into the text.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option("--list", "list_names", is_flag=True, help="List the named queries and exit.")
@_friendly_errors
def query(
    graph: Path,
    sparql: str | None,
    query_file: Path | None,
    name: str | None,
    params: tuple[str, ...],
    fmt: str,
    list_names: bool,
) -> None:
    """Run a SPARQL query over GRAPH: as text, from --file, or by --name."""
    from kgraph.rdf import load_graph
    from kgraph.sparql import format_result, list_queries
    from kgraph.sparql import query as run_query

    if list_names:
        for query_name, description in list_queries().items():
            click.echo(f"{query_name}: {description}")
        return
    given = [x for x in (sparql, query_file, name) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of SPARQL, --file or --name")
    text = query_file.read_text(encoding="utf-8") if query_file else sparql
    # Exactly one of text and name is set here (checked above).
    result = run_query(load_graph(graph), text, name=name, params=_parse_params(params))
    text = format_result(result, fmt)
    click.echo(text, nl=not text.endswith("\n"))


@main.command()
@_GRAPH
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The PNG to write.",
)
@click.option("--actor", help="Draw only this actor's neighbourhood (a name or an IRI).")
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="How many steps from --actor.",
)
@_friendly_errors
def plot(graph: Path, output: Path, actor: str | None, depth: int) -> None:
    """Draw the actor network of GRAPH, edges signed by the relation weights."""
    from kgraph.network import to_networkx
    from kgraph.plot import plot_network
    from kgraph.rdf import load_graph

    path = plot_network(to_networkx(load_graph(graph)), output, actor=actor, depth=depth)
    click.echo(f"plot: {path}")


@main.command(name="eval")
@_INPUTS
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold relations (JSON Lines, spec/RELATIONS.md).",
)
@click.option("--show", is_flag=True, help="List every miss and false positive with its sentence.")
@click.option(
    "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Parsing processes."
)
@_friendly_errors
def eval_command(inputs: tuple[Path, ...], gold: Path, show: bool, jobs: int) -> None:
    """Score extraction on INPUTS against a gold file (only the documents it names)."""
    from kgraph.build import extract_files
    from kgraph.evaluate import evaluate, format_report, load_gold

    gold_records = load_gold(gold)
    wanted = {record["doc"] for record in gold_records}
    skipped = _Skipped()
    relations = list(extract_files(inputs, n_process=jobs, on_error=skipped, doc_ids=wanted))
    click.echo(format_report(evaluate(gold_records, relations), show=show))
    skipped.exit()


@main.command()
@_GRAPH
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@_friendly_errors
def stats(graph: Path, fmt: str) -> None:
    """Counts of GRAPH: triples, articles, actors by type, relations asserted and flagged."""
    from kgraph.build import stats as graph_stats
    from kgraph.rdf import load_graph

    counts = graph_stats(load_graph(graph))
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    click.echo(f"triples: {counts['triples']}\narticles: {counts['articles']}")
    click.echo("actors:")
    for actor_type, n in counts["actors"].items():
        click.echo(f"  {actor_type:<26} {n}")
    click.echo("relations (asserted / negated or hypothetical):")
    for relation, n in counts["relations"].items():
        click.echo(f"  {relation:<18} {n['asserted']:>5} / {n['flagged']}")
