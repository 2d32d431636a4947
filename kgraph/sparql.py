"""Running SPARQL on a kgraph graph: named queries shipped as ``queries/*.rq`` and ad-hoc text.

Each ``.rq`` file starts with a comment header: its first line says what the
query returns, and ``# @param NAME (required|optional) text`` lines declare
its parameters. A parameter is bound by writing its value, as an escaped RDF
term, in place of the variable (what Jena's ``ParameterizedSparqlString``
does), never by pasting the raw text, so a value such as ``x" } ; DROP ...`` is
only a literal that matches nothing. The bound text is then run by the engine
of whatever holds the graph: rdflib for a file, Oxigraph for a ``--store``, the
server for an ``--endpoint``. Initial bindings would not do: Oxigraph and
remote endpoints join them after the projection, so a parameter used in a
FILTER or a sub-query would match nothing.

SELECT and ASK queries are supported (ASK gives one row with the column
``ask``). CONSTRUCT and DESCRIBE give a graph, not a table, and are rejected
with a :class:`~kgraph.errors.QueryError`; run them with ``graph.query(...)``.

Example:
    >>> from rdflib import Graph, Literal, URIRef
    >>> graph = Graph()
    >>> _ = graph.add((URIRef("urn:x:a"), URIRef("urn:x:name"), Literal("Ankara")))
    >>> result = query(graph, "SELECT ?s WHERE { ?s ?p ?name }", params={"name": "Ankara"})
    >>> result.columns, result.rows
    (['s'], [('urn:x:a',)])
    >>> print(format_result(result, "csv"), end="")
    s
    urn:x:a
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Literal

from kgraph.errors import QueryError

if TYPE_CHECKING:
    from rdflib import Graph

#: A plain value of a result cell.
Value = str | int | float | bool | dt.date | None

_PARAM_LINE = re.compile(r"^#\s*@param\s+(\w+)\s+\((required|optional)\)\s*(.*)$")
# The parts of a SPARQL text a "?name" can hide in without being read as a variable
# (strings, IRIs, comments, the new name after AS), then variables: tokens as SPARQL's
# grammar reads them, so "?a < ?b" is a comparison but "<?b>" an IRI.
_SPARQL_TOKENS = re.compile(
    r"""(?P<skip>"{3}.*?"{3}|'{3}.*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""
    r"""|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n]*|\b(?i:AS)\s+[?$][A-Za-z_0-9\u00B7\u00C0-\uFFFF]+)"""
    r"""|[?$](?P<variable>[A-Za-z_0-9\u00B7\u00C0-\uFFFF]+)""",
    re.DOTALL,
)
# Values that are taken as IRIs rather than literals: an absolute URL or a URN.
_IRI = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|urn:)[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A query shipped as ``kgraph/queries/NAME.rq``.

    Attributes:
        name: the file stem, e.g. ``relations-of-actor``.
        description: the first line of the comment header.
        params: parameter name → (required, description).
        text: the SPARQL text.
    """

    name: str
    description: str
    params: dict[str, tuple[bool, str]]
    text: str


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A table of plain Python values.

    Attributes:
        columns: the variable names, in the order the query projects them.
        rows: one tuple per solution (``None`` for an unbound variable).
    """

    columns: list[str]
    rows: list[tuple[Value, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def to_dicts(self) -> list[dict[str, Value]]:
        """The rows as ``{column: value}`` dicts."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _parse_header(name: str, text: str) -> NamedQuery:
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line)
    description = comments[0].lstrip("# ").strip() if comments else ""
    params = {
        m.group(1): (m.group(2) == "required", m.group(3).strip())
        for m in map(_PARAM_LINE.match, comments)
        if m
    }
    return NamedQuery(name=name, description=description, params=params, text=text)


def _named_queries() -> dict[str, NamedQuery]:
    folder = files("kgraph.queries")
    return {
        entry.name[: -len(".rq")]: _parse_header(
            entry.name[: -len(".rq")], entry.read_text(encoding="utf-8")
        )
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


def list_queries() -> dict[str, str]:
    """The named queries: name → what the query returns.

    Example:
        >>> sorted(list_queries())
        ['accusations', 'actor-roles', 'relations-of-actor', 'relations-over-time']
    """
    return {name: named.description for name, named in _named_queries().items()}


def get_query(name: str) -> NamedQuery:
    """One named query, with its parameters and text.

    Raises:
        QueryError: no query has that name (the message lists the names).
    """
    queries = _named_queries()
    if name not in queries:
        raise QueryError(f"no query named {name!r}; available: {', '.join(queries)}")
    return queries[name]


def _term(value: Any) -> Any:
    """The rdflib term a parameter value is bound as."""
    from rdflib import Literal as RdfLiteral
    from rdflib import URIRef
    from rdflib.term import Identifier

    if isinstance(value, Identifier):
        return value
    if isinstance(value, str) and _IRI.match(value):
        return URIRef(value)
    return RdfLiteral(value)


def _plain(term: Any) -> Value:
    """A result cell as a plain Python value."""
    from rdflib import BNode, URIRef
    from rdflib import Literal as RdfLiteral

    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, RdfLiteral):
        value = term.toPython()
        if isinstance(value, bool | int | float | dt.date) and not isinstance(value, RdfLiteral):
            return value
        if isinstance(value, Decimal):
            return float(value)
        # Language-tagged strings, ill-typed literals and exotic datatypes: their text.
        return str(term)
    return str(term)


def _check_params(text: str, params: Mapping[str, Any], named: NamedQuery | None) -> dict[str, Any]:
    if named is not None:
        unknown = sorted(set(params) - set(named.params))
        if unknown:
            expected = ", ".join(named.params) or "none"
            raise QueryError(
                f"query {named.name!r} has no parameter {', '.join(unknown)}; "
                f"its parameters: {expected}"
            )
        missing = [p for p, (required, _) in named.params.items() if required and p not in params]
        if missing:
            raise QueryError(f"query {named.name!r} needs the parameter {', '.join(missing)}")
    else:
        variables = {
            m.group("variable") for m in _SPARQL_TOKENS.finditer(text) if m.group("variable")
        }
        for param in params:
            if param not in variables:
                raise QueryError(f"parameter {param!r}: the query has no variable ?{param}")
    return {param: _term(value) for param, value in params.items()}


def bind_parameters(text: str, params: Mapping[str, Any]) -> str:
    """``text`` with each parameter's variable replaced by the value as an escaped RDF term.

    A value that looks like an IRI (``https://...``, ``urn:...``) becomes an IRI, any
    other a literal; rdflib terms are written as they are. Variables inside strings,
    IRIs and comments, and the new name after ``AS``, are left alone: a query may
    read a parameter ``?relation`` in its WHERE clause and still name a column
    ``(?name AS ?relation)``. Bind only variables that the query reads: one that it
    projects (``SELECT ?x``), orders by (``ORDER BY ?x``) or assigns (``VALUES ?x``)
    would leave a constant where SPARQL needs a variable, and :func:`query` reports that.

    Example:
        >>> print(bind_parameters('SELECT ?s WHERE { ?s ?p ?who } # ?who', {"who": 'say "hi"'}))
        SELECT ?s WHERE { ?s ?p "say \\"hi\\"" } # ?who
        >>> bind_parameters("ASK { ?s ?p $o }", {"o": "urn:x:a"})
        'ASK { ?s ?p <urn:x:a> }'
        >>> bind_parameters("SELECT (?n AS ?x) WHERE { ?s ?p ?x BIND (?s AS ?n) }", {"x": "y"})
        'SELECT (?n AS ?x) WHERE { ?s ?p "y" BIND (?s AS ?n) }'
    """
    terms = {param: _term(value).n3() for param, value in params.items()}

    def replace(match: re.Match[str]) -> str:
        variable = match.group("variable")
        return terms.get(variable, match.group(0)) if variable else match.group(0)

    return _SPARQL_TOKENS.sub(replace, text)


def query(
    graph: Graph,
    sparql: str | None = None,
    *,
    name: str | None = None,
    params: Mapping[str, Any] | None = None,
) -> QueryResult:
    """Run a SELECT or ASK query, given as text or by name, and return a plain table.

    Args:
        graph: the rdflib graph to query.
        sparql: the query text (give this or ``name``).
        name: a named query, see :func:`list_queries`.
        params: variable name → value, bound before evaluation; a value that
            looks like an IRI (``https://...``, ``urn:...``) is bound as an IRI,
            any other as a literal.

    Returns:
        The columns and rows, with plain Python values.

    Raises:
        QueryError: unknown name, bad SPARQL, unknown or missing parameter,
            CONSTRUCT/DESCRIBE, or an error while evaluating.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    if (sparql is None) == (name is None):
        raise QueryError("give either a SPARQL text or the name of a query, not both or neither")
    named = get_query(name) if name is not None else None
    text = named.text if named is not None else str(sparql)
    bindings = _check_params(text, params or {}, named)
    label = f"query {name!r}" if name else "query"

    try:
        prepared = prepareQuery(text, initNs=dict(graph.namespaces()))
    except ParseException as exc:
        raise QueryError(
            f"{label}: bad SPARQL at line {exc.lineno}, column {exc.col}: {exc.msg}"
        ) from exc
    except Exception as exc:  # rdflib raises a bare Exception for an unknown prefix
        raise QueryError(f"{label}: bad SPARQL: {exc}") from exc
    if bindings:
        text = bind_parameters(text, bindings)
        try:
            prepareQuery(text, initNs=dict(graph.namespaces()))
        except Exception as exc:
            raise QueryError(
                f"{label}: cannot bind {', '.join('?' + p for p in bindings)}: the query "
                "projects, orders by or assigns it (SELECT ?x, ORDER BY ?x, VALUES ?x); "
                "bind only variables the query reads, or filter the results instead"
            ) from exc
    kind = prepared.algebra.name
    if kind in ("ConstructQuery", "DescribeQuery"):
        raise QueryError(
            f"{label}: {kind[: -len('Query')].upper()} gives a graph, not a table; "
            "use SELECT or ASK (or rdflib's graph.query for graphs)"
        )

    try:
        result = graph.query(text)
        if result.type == "ASK":
            return QueryResult(["ask"], [(bool(result.askAnswer),)])
        columns = [str(var) for var in result.vars or []]
        rows = [tuple(_plain(term) for term in row) for row in result]  # type: ignore[union-attr]
    except QueryError:
        raise
    except Exception as exc:  # evaluation errors come from deep inside rdflib or the store
        raise QueryError(f"{label}: cannot run: {exc}") from exc
    return QueryResult(columns, rows)


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _json_value(value: Value) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def format_result(result: QueryResult, fmt: Literal["table", "csv", "json"] = "table") -> str:
    """Render a result as an aligned text table, CSV, or a JSON list of objects.

    Example:
        >>> result = QueryResult(["who", "n"], [("Russia", 2), ("Türkiye", None)])
        >>> print(format_result(result))
        who      n
        -------  -
        Russia   2
        Türkiye
        >>> format_result(result, "json")
        '[{"who": "Russia", "n": 2}, {"who": "Türkiye", "n": null}]'
    """
    if fmt == "json":
        objects = [{k: _json_value(v) for k, v in row.items()} for row in result.to_dicts()]
        return json.dumps(objects, ensure_ascii=False)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
        return buffer.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}; use table, csv or json")
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [
        max([len(col), *(len(row[i]) for row in cells)]) for i, col in enumerate(result.columns)
    ]
    # Numbers read best right-aligned; a column is numeric when every value in it is.
    numeric = [
        bool(result.rows)
        and all(
            isinstance(row[i], int | float) and not isinstance(row[i], bool)
            for row in result.rows
            if row[i] is not None
        )
        for i in range(len(result.columns))
    ]

    def line(row: list[str]) -> str:
        parts = zip(row, widths, numeric, strict=True)
        return "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in parts).rstrip()

    header = [
        c.rjust(w) if n else c for c, w, n in zip(result.columns, widths, numeric, strict=True)
    ]
    return "\n".join(line(row) for row in [header, ["-" * w for w in widths], *cells])
