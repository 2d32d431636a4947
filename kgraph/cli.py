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
import signal
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
# Text, not click.Path: with --store or --endpoint, the first argument of `query` is the
# SPARQL, which a Path would mangle ("https://" → "https:/").
_GRAPH = click.argument("graph", required=False)


_ACTORS = click.option(
    "--actors",
    "actors_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A user's actor dictionary (CSV or JSON Lines; see README 'Actors'): its actors win.",
)


def _load_actors(path: Path | None) -> dict[str, Any]:
    """``{"actors": dictionary}`` for the extract options, or ``{}`` without --actors."""
    if path is None:
        return {}
    from kgraph.actors.dictionary import load_dictionary

    return {"actors": load_dictionary(path)}


def _source(command: F) -> F:
    """GRAPH (a file), or --store DIR, or --endpoint URL: where a command reads the graph."""
    command = click.option(
        "--endpoint",
        metavar="URL",
        help="Read from this SPARQL endpoint (its query URL) instead of a GRAPH file.",
    )(command)
    command = click.option(
        "--store",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Read from this Oxigraph store folder instead of a GRAPH file.",
    )(command)
    return _GRAPH(command)  # type: ignore[no-any-return]


def _open_source(graph: str | Path | None, store: Path | None, endpoint: str | None) -> Any:
    from kgraph.store import open_source

    if sum(x is not None for x in (graph, store, endpoint)) != 1:
        raise click.UsageError("give one graph source: GRAPH, --store DIR or --endpoint URL")
    return open_source(None if graph is None else Path(graph), store=store, endpoint=endpoint)


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
    type=click.Path(dir_okay=False, path_type=Path),
    help="The graph file to write (written atomically); with --store, the store's graph.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nt", "jsonld"]),
    help="Graph format; by default from the output file's suffix.",
)
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    help="Add to this Oxigraph store folder (created if missing); a re-run adds only what is new.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="Add to this SPARQL 1.1 endpoint (its query URL; updates go to .../update).",
)
@click.option(
    "--update-endpoint",
    metavar="URL",
    help="The endpoint's update URL, if not the query URL with 'query' replaced by 'update'.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the actor network to this PNG.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Parsing processes (with --dask local: Dask workers).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Extract on a Dask cluster: its scheduler (tcp://host:8786), or 'local' to start one.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Articles per committed batch.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="A progress bar on stderr (default: only when stderr is a terminal).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@_ACTORS
@_friendly_errors
def build(
    inputs: tuple[Path, ...],
    output: Path | None,
    fmt: str | None,
    store: Path | None,
    endpoint: str | None,
    update_endpoint: str | None,
    plot: Path | None,
    jobs: int,
    dask_address: str | None,
    batch_size: int,
    progress: bool | None,
    quiet: bool,
    actors_file: Path | None,
) -> None:
    """Build the knowledge graph of INPUTS (files or folders) into a file, store or endpoint."""
    from kgraph.build import build as build_graph_file

    if output is None and store is None and endpoint is None:
        raise click.UsageError("give -o FILE, --store DIR or --endpoint URL")
    if endpoint is not None and (output is not None or store is not None):
        raise click.UsageError("--endpoint goes alone, without -o or --store")
    # A `kill` (SIGTERM) unwinds like Ctrl-C: the store keeps its last committed batch and
    # the temporary store of a file build is removed, instead of dying mid-way.
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    skipped = _Skipped()
    try:
        report = build_graph_file(
            inputs,
            output,
            store=store,
            endpoint=endpoint,
            update_endpoint=update_endpoint,
            format=fmt,
            plot=plot,
            n_process=jobs,
            dask=dask_address,
            batch_size=batch_size,
            progress=False if quiet else progress,
            on_error=skipped,
            **_load_actors(actors_file),
        )
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not quiet:
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
@_ACTORS
@_friendly_errors
def extract(
    inputs: tuple[Path, ...], output: Path | None, fmt: str, jobs: int, actors_file: Path | None
) -> None:
    """Extract the relations of INPUTS as JSON Lines."""
    from kgraph.build import extract_files, write_jsonl

    skipped = _Skipped()
    relations = extract_files(inputs, n_process=jobs, on_error=skipped, **_load_actors(actors_file))
    write_jsonl(relations, output, stdout=sys.stdout)
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
@_source
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
    help="Bind a query variable (repeatable); the value goes in as an escaped RDF term.",
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
    graph: str | None,
    store: Path | None,
    endpoint: str | None,
    sparql: str | None,
    query_file: Path | None,
    name: str | None,
    params: tuple[str, ...],
    fmt: str,
    list_names: bool,
) -> None:
    """Run a SPARQL query over GRAPH, --store or --endpoint: as text, from --file, or by --name."""
    from kgraph.sparql import format_result, list_queries
    from kgraph.sparql import query as run_query

    if list_names:
        for query_name, description in list_queries().items():
            click.echo(f"{query_name}: {description}")
        return
    if graph is not None and sparql is None and (store is not None or endpoint is not None):
        graph, sparql = None, graph  # `kgraph query --store DIR 'SELECT ...'`
    given = [x for x in (sparql, query_file, name) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of SPARQL, --file or --name")
    text = query_file.read_text(encoding="utf-8") if query_file else sparql
    # Exactly one of text and name is set here (checked above).
    with _open_source(graph, store, endpoint) as source:
        result = run_query(source, text, name=name, params=_parse_params(params))
    text = format_result(result, fmt)
    click.echo(text, nl=not text.endswith("\n"))


@main.command()
@_source
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
def plot(
    graph: str | None,
    store: Path | None,
    endpoint: str | None,
    output: Path,
    actor: str | None,
    depth: int,
) -> None:
    """Draw the actor network of GRAPH, --store or --endpoint, edges signed by relation weights."""
    from kgraph.network import to_networkx
    from kgraph.plot import plot_network

    with _open_source(graph, store, endpoint) as source:
        G = to_networkx(source)
    path = plot_network(G, output, actor=actor, depth=depth)
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
@_ACTORS
@_friendly_errors
def eval_command(
    inputs: tuple[Path, ...], gold: Path, show: bool, jobs: int, actors_file: Path | None
) -> None:
    """Score extraction on INPUTS against a gold file (only the documents it names)."""
    from kgraph.build import extract_files
    from kgraph.evaluate import evaluate, format_report, load_gold

    gold_records = load_gold(gold)
    wanted = {record["doc"] for record in gold_records}
    skipped = _Skipped()
    options = _load_actors(actors_file)
    relations = list(
        extract_files(inputs, n_process=jobs, on_error=skipped, doc_ids=wanted, **options)
    )
    click.echo(format_report(evaluate(gold_records, relations), show=show))
    skipped.exit()


@main.command()
@_source
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@_friendly_errors
def stats(graph: str | None, store: Path | None, endpoint: str | None, fmt: str) -> None:
    """Counts of GRAPH (or --store, --endpoint): triples, articles, actors, relations."""
    from kgraph.build import stats as graph_stats

    with _open_source(graph, store, endpoint) as source:
        counts = graph_stats(source)
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


@main.command(name="actors")
@_source
@click.option("--type", "actor_type", help="Only actors of this type (Person, Country, ...).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@_friendly_errors
def actors_command(
    graph: Path | None, store: Path | None, endpoint: str | None, actor_type: str | None, fmt: str
) -> None:
    """List the actors of GRAPH (or --store, --endpoint): names, type, ids, mentions, relations."""
    from kgraph.actor_list import list_actors
    from kgraph.sparql import format_result

    with _open_source(graph, store, endpoint) as source:
        result = list_actors(source, type=actor_type)
    text = format_result(result, fmt)  # type: ignore[arg-type]
    click.echo(text, nl=not text.endswith("\n"))
