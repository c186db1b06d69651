"""Ties in plain words: one phrase per tie, from the point of view of either end."""

from __future__ import annotations

import networkx as nx

from . import vocab

PHRASES = {  # type: (from the source's side, from the target's side)
    "treaty": ("has a {what} with", "has a {what} with"),
    "sanctions": ("sanctions", "is sanctioned by"),
    "arms_supply": ("supplies {what} to", "gets {what} from"),
    "conflict": ("is in conflict with", "is in conflict with"),
}
WHAT = {
    "treaty": "treaty",
    "arms_supply": "arms",
}


def years(tie: dict) -> str:
    """The years of a tie, as people say them.

    >>> years({"start": "2022-02-24", "end": ""})
    '2022–'
    >>> years({"start": "2024-06-19", "end": "2024-12"})
    '2024'
    """
    first, last = tie["start"][:4], tie["end"][:4]
    if not last:
        return f"{first}–"
    return first if first == last else f"{first}–{last}"


def what(tie: dict) -> str:
    """The kind of tie in a few words: "mutual defense treaty", "drones"."""
    if tie["type"] == "treaty":
        return f"{vocab.subtype_label(tie['subtype'])} treaty" if tie["subtype"] else "treaty"
    if tie["type"] == "arms_supply":
        return vocab.subtype_label(tie["subtype"]) if tie["subtype"] and tie["subtype"] != "mixed" else "arms"
    return vocab.subtype_label(tie["subtype"]) if tie["subtype"] else tie["type"]


def verb(tie: dict, viewpoint: str) -> str:
    """What the tie makes of `viewpoint` (one of its ends): 'supplies drones to'."""
    forward, backward = PHRASES[tie["type"]]
    return (forward if viewpoint == tie["source"] else backward).format(what=what(tie))


def when(tie: dict) -> str:
    """Years and, for a contested claim, its status: '(2024–, disputed)'."""
    status = "" if tie["status"] == "confirmed" else f", {tie['status']}"
    return f"({years(tie)}{status})"


def phrase(tie: dict, viewpoint: str) -> str:
    """What the tie says about `viewpoint`, with its years and status.

    >>> phrase({"type": "sanctions", "subtype": "", "source": "USA", "target": "IRN",
    ...         "start": "2024-09-10", "end": "", "status": "confirmed"}, "IRN")
    'is sanctioned by (2024–)'
    """
    return f"{verb(tie, viewpoint)} {when(tie)}"


def name(G: nx.Graph, n: str) -> str:
    """An actor's name, also when the view has dropped the actor."""
    return G.nodes[n]["name"] if n in G else G.graph.get("names", {}).get(n, n)
