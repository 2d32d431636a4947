"""The errors kgraph raises: each names the input at fault and what the user can do.

Exit codes used by the CLI:
    0  success
    1  some articles were skipped (the rest of the batch was processed)
    2  usage error (click)
    3  a kgraph error: unreadable input, bad query, store problem
"""

from __future__ import annotations


class KgraphError(Exception):
    """Base class of all errors a user can cause; the CLI prints one line and exits 3."""

    exit_code = 3


class ArticleError(KgraphError):
    """An article cannot be read (not UTF-8, binary, empty, a bad date) or cannot be
    extracted (a rule failed on it): it is reported and skipped, the batch goes on.

    Attributes:
        source: the file (or ``file:line``) the article came from.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type[ArticleError], tuple[str, str]]:
        # Sent back from worker processes: rebuilt from both fields, not from the message.
        return (type(self), (self.source, self.problem))


class OntologyError(KgraphError):
    """The ontology or a relation name does not match the vocabulary."""


class QueryError(KgraphError):
    """A SPARQL query cannot be parsed or run, or a named query does not exist."""


class StoreError(KgraphError):
    """A graph file or store cannot be read or written."""
