#!/usr/bin/env python
"""Does ``kgraph build`` stream? Its peak RSS on a corpus and on the corpus repeated N times.

``kgraph build`` runs as a subprocess (the ``kgraph`` console script of this
Python), once on the corpus and once on a temporary JSON Lines file holding the
corpus ``--repeat`` times with fresh ids (``<id>-r0`` ... ``<id>-r9``), so the
second build really has N times as many articles, actors' mentions and
statements. The peak RSS of each is read with ``os.wait4`` on that one child:
its ``ru_maxrss`` (KiB on Linux), which covers the build process and any worker
process it waited for. A build that streams stays within +20% on the larger
input; one that holds the whole graph in memory grows with it.

It is a report: exit 0 whatever the figures, unless ``--check`` (exit 1 when
the target is missed or a build fails).

Usage:
    python benchmarks/memory.py                      # 265 and 2,650 articles
    python benchmarks/memory.py --repeat 3 --output-format turtle
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = (REPO / ".." / "shared" / "corpus" / "wikinews.jsonl").resolve()
#: The larger build may use at most this much more memory than the small one.
GROWTH_TARGET = 1.20
_SUFFIX = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "jsonld": ".jsonld"}


@dataclass(slots=True)
class BuildRun:
    """One ``kgraph build`` subprocess and what it cost."""

    label: str
    articles: int
    exit_code: int
    seconds: float
    peak_rss_mib: float
    output_bytes: int | None
    message: str = ""  # the last line of stderr when the build failed


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines corpus")
    parser.add_argument("--repeat", type=int, default=10, help="copies in the larger corpus")
    parser.add_argument(
        "--output-format", choices=sorted(_SUFFIX), default="nt", help="graph format to write"
    )
    parser.add_argument("--jobs", type=int, default=1, help="kgraph build --jobs")
    parser.add_argument(
        "--store", action="store_true", help="also pass --store DIR, if kgraph build has it"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    return parser.parse_args(argv)


def kgraph_command() -> list[str]:
    """The ``kgraph`` console script next to this Python, else the CLI through ``-c``."""
    script = Path(sys.executable).parent / "kgraph"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from kgraph.cli import main; main()"]


def repeated_corpus(corpus: Path, repeat: int, path: Path) -> int:
    """Write ``corpus`` ``repeat`` times to ``path`` with ids suffixed ``-r<n>``; the count."""
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    with path.open("w", encoding="utf-8") as out:
        for copy in range(repeat):
            for record in records:
                out.write(json.dumps({**record, "id": f"{record['id']}-r{copy}"}) + "\n")
    return len(records) * repeat


def build_options(args: argparse.Namespace, folder: Path) -> list[str]:
    """Options after the inputs: format, jobs, and --store when asked for and available."""
    options = ["--format", args.output_format, "--jobs", str(args.jobs)]
    if args.store:
        help_text = subprocess.run(
            [*kgraph_command(), "build", "--help"], capture_output=True, text=True, check=False
        ).stdout
        if "--store" in help_text:
            options += ["--store", str(folder / "store")]
        else:
            print("kgraph build has no --store option yet; building files only", file=sys.stderr)
    return options


def run_build(
    label: str, corpus: Path, articles: int, args: argparse.Namespace, folder: Path
) -> BuildRun:
    """Run one ``kgraph build`` and read its peak RSS from ``os.wait4``."""
    output = folder / f"{label}{_SUFFIX[args.output_format]}"
    options = build_options(args, folder)
    store = folder / "store"
    if store.exists():  # each build starts from an empty store
        shutil.rmtree(store)
    command = [*kgraph_command(), "build", str(corpus), "-o", str(output), *options]
    print(f"  kgraph build: {label} ({articles} articles)...", file=sys.stderr, flush=True)
    # Files, not pipes: nobody reads a pipe while we block in wait4.
    with (folder / "stdout").open("w") as out, (folder / "stderr").open("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        err.seek(0)
        lines = err.read().strip().splitlines()
    return BuildRun(
        label=label,
        articles=articles,
        exit_code=process.returncode,
        seconds=seconds,
        peak_rss_mib=usage.ru_maxrss / 1024,
        output_bytes=output.stat().st_size if output.exists() else None,
        message=lines[-1] if process.returncode and lines else "",
    )


def print_report(runs: list[BuildRun], args: argparse.Namespace) -> bool | None:
    """Print the table and the verdict; whether the target was met (None: a build failed)."""
    print(
        f"kgraph build peak RSS ({' '.join(kgraph_command())}; --format {args.output_format}, "
        f"--jobs {args.jobs}); corpus {args.corpus}"
    )
    header = f"{'input':<12}{'articles':>9}{'exit':>5}{'seconds':>9}{'articles/s':>11}"
    header += f"{'peak RSS MiB':>14}{'output MiB':>12}"
    print(header)
    print("-" * len(header))
    for run in runs:
        size = "-" if run.output_bytes is None else f"{run.output_bytes / 2**20:,.1f}"
        print(
            f"{run.label:<12}{run.articles:>9}{run.exit_code:>5}{run.seconds:>9.1f}"
            f"{run.articles / run.seconds:>11.1f}{run.peak_rss_mib:>14,.0f}{size:>12}"
        )
        if run.message:
            print(f"    {run.message}")
    small, large = runs
    ratio = large.peak_rss_mib / small.peak_rss_mib
    passed = None if small.exit_code or large.exit_code else ratio <= GROWTH_TARGET
    verdict = {True: "PASS", False: "FAIL", None: "n/a (a build failed)"}[passed]
    print(
        f"peak RSS x{args.repeat} / x1: {ratio:.2f} (target <= {GROWTH_TARGET:.2f}, "
        f"i.e. at most +{GROWTH_TARGET - 1:.0%})  {verdict}"
    )
    return passed


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus and the repeated corpus; print peak RSS and the ratio."""
    args = parse_args(argv)
    corpus = args.corpus.resolve()
    with tempfile.TemporaryDirectory(prefix="kgraph-memory-") as name:
        folder = Path(name)
        repeated = folder / f"{corpus.stem}-x{args.repeat}.jsonl"
        total = repeated_corpus(corpus, args.repeat, repeated)
        runs = [
            run_build("x1", corpus, total // args.repeat, args, folder),
            run_build(f"x{args.repeat}", repeated, total, args, folder),
        ]
    passed = print_report(runs, args)
    if args.json:
        data = {"runs": [asdict(run) for run in runs], "passed": passed}
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 1 if args.check and passed is not True else 0


if __name__ == "__main__":
    sys.exit(main())
