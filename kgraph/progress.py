"""A progress bar for long builds, on stderr: articles/s, relations so far, skipped articles.

It is shown only when stderr is a terminal (so logs and CI output stay clean),
unless the caller forces it on or off.

Example:
    >>> bar = Progress(enabled=False)
    >>> bar.advance(relations=3)
    >>> bar.advance(relations=2, skipped=1)
    >>> bar.articles, bar.relations, bar.skipped
    (2, 5, 1)
    >>> bar.close()
"""

from __future__ import annotations

import sys


class Progress:
    """Counts articles, relations and skipped articles, and draws them with tqdm.

    Args:
        enabled: draw the bar; by default only when stderr is a terminal.
        total: the number of articles, when known.
    """

    def __init__(self, *, enabled: bool | None = None, total: int | None = None) -> None:
        self.articles = self.relations = self.skipped = 0
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar = None
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total, unit="article", desc="kgraph build", file=sys.stderr, leave=True
            )

    def advance(self, *, articles: int = 1, relations: int = 0, skipped: int = 0) -> None:
        """Record articles done (with their relations) and articles skipped."""
        self.articles += articles
        self.relations += relations
        self.skipped += skipped
        if self._bar is not None:
            self._bar.set_postfix(relations=self.relations, skipped=self.skipped, refresh=False)
            self._bar.update(articles)

    def close(self) -> None:
        """Finish the bar (a newline on the terminal)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
