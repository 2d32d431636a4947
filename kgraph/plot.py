"""Drawings of the signed actor network as PNG files.

matplotlib is imported inside the function and only its Agg canvas is used
(no pyplot, no global backend switch), so plotting works headless and leaves
the caller's matplotlib state alone.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgraph.atomic import atomic_write
from kgraph.network import aggregate, ego_network, find_actor

if TYPE_CHECKING:
    import networkx as nx

#: Node colours by actor type (colour-blind friendly; no pure green or red, which mark edges).
TYPE_COLOURS: dict[str, str] = {
    "Person": "#4e79a7",
    "Country": "#f28e2b",
    "Territory": "#bab0ac",
    "Organization": "#76b7b2",
    "PoliticalParty": "#b07aa1",
    "Alliance": "#edc948",
    "GovernmentBody": "#9c755f",
    "InternationalOrganization": "#ff9da7",
    "ArmedGroup": "#7f3c8d",
    "Company": "#3969ac",
    "Media": "#80ba5a",
    "Topic": "#d9d9d9",
}
_OTHER = "#999999"
_EDGE_COLOURS = {1: "#1a9850", -1: "#d73027", 0: "#8c8c8c"}


def _largest(A: nx.DiGraph, keep: int, center: str | None) -> nx.DiGraph:
    """The ``keep`` best-connected nodes (and the centre): a bigger drawing is unreadable."""
    ranked = sorted(A.degree(weight="count"), key=lambda nd: (-nd[1], str(nd[0])))
    nodes = {n for n, _ in ranked[:keep]}
    if center is not None:
        nodes.add(center)
    return A.subgraph(nodes).copy()


def plot_network(
    G: nx.Graph,
    path: str | os.PathLike[str],
    *,
    actor: str | None = None,
    depth: int = 1,
    title: str | None = None,
    max_nodes: int = 60,
) -> Path:
    """Draw the aggregated signed network and write it as a PNG, atomically.

    Edges are green when their summed weight is positive (cooperation), red when
    negative (conflict) and grey for roles; their width grows with ``|weight|``.
    Nodes are coloured by type and labelled.

    Args:
        G: a graph from ``to_networkx`` (aggregated here) or from ``aggregate``.
        path: the PNG file to write; missing folders are created.
        actor: draw only this actor's ego network (IRI, label or alternative label).
        depth: how far the ego network reaches.
        title: the figure title (default: a description of what is drawn).
        max_nodes: keep only this many best-connected actors (plus ``actor``).

    Returns:
        The path written.

    Raises:
        KgraphError: ``actor`` is not in the network.
        StoreError: the file cannot be written.
    """
    import networkx as nx
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    center = find_actor(G, actor) if actor is not None else None
    view = ego_network(G, center, depth) if center is not None else G
    A = aggregate(view) if view.is_multigraph() else view
    if A.number_of_edges():
        # Actors in no relation only push the rest into a corner of the layout.
        A = A.subgraph([n for n in A if A.degree(n) or n == center]).copy()
    if len(A) > max_nodes:
        A = _largest(A, max_nodes, center)

    fig = Figure(figsize=(11, 8.5), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if title is None:
        title = (
            "Actor network" if center is None else f"{A.nodes[center].get('label')}: depth {depth}"
        )
    ax.set_title(title)
    # A fixed seed: the same graph gives the same picture; a larger k spreads the labels.
    spread = 2.0 / max(len(A), 1) ** 0.5
    pos: dict[Any, Any] = nx.spring_layout(A, k=spread, seed=7, weight=None) if len(A) else {}

    largest = max((abs(d.get("weight", 0.0)) for _, _, d in A.edges(data=True)), default=0.0)
    for u, v, data in A.edges(data=True):
        if u == v:
            continue  # a self-loop has no direction to draw
        width = 0.8 + (3.5 * abs(data.get("weight", 0.0)) / largest if largest else 0.0)
        ax.annotate(
            "",
            xy=pos[v],
            xytext=pos[u],
            arrowprops={
                "arrowstyle": "-|>",
                "color": _EDGE_COLOURS[int(data.get("sign", 0))],
                "lw": width,
                "alpha": 0.75,
                "shrinkA": 9,
                "shrinkB": 9,
                # Curved, so that u→v and v→u do not lie on top of each other.
                "connectionstyle": "arc3,rad=0.12",
            },
        )

    types = sorted({str(d.get("type")) for _, d in A.nodes(data=True)})
    for kind in types:
        nodes = [n for n, d in A.nodes(data=True) if str(d.get("type")) == kind]
        xs, ys = zip(*(pos[n] for n in nodes), strict=True)
        ax.scatter(
            xs,
            ys,
            s=260,
            c=TYPE_COLOURS.get(kind, _OTHER),
            edgecolors="white",
            linewidths=1.0,
            zorder=3,
            label=kind,
        )
    if center is not None:
        ax.scatter(
            *pos[center], s=420, facecolors="none", edgecolors="black", linewidths=1.6, zorder=4
        )
    for node, xy in pos.items():
        label = str(A.nodes[node].get("label", node))
        ax.annotate(
            label,
            xy,
            xytext=(0, 9),
            textcoords="offset points",
            fontsize=8,
            ha="center",
            va="bottom",
            zorder=5,
        )
    if not len(A):
        ax.text(0.5, 0.5, "no actors to draw", ha="center", va="center", transform=ax.transAxes)

    handles, _ = ax.get_legend_handles_labels()
    handles += [
        Line2D([], [], color=_EDGE_COLOURS[1], lw=2, label="cooperation"),
        Line2D([], [], color=_EDGE_COLOURS[-1], lw=2, label="conflict"),
        Line2D([], [], color=_EDGE_COLOURS[0], lw=2, label="role / neutral"),
    ]
    # Outside the axes, so that it never hides a node.
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False
    )
    fig.subplots_adjust(left=0.03, right=0.82, top=0.93, bottom=0.03)
    ax.margins(0.12)
    return _save(fig, Path(path))


def _save(fig: Any, path: Path) -> Path:
    """Write the PNG atomically: readers never see half a file."""
    with atomic_write(path, what="plot") as stream:
        fig.savefig(stream, format="png")
    return path
