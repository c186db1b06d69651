"""Ties in plain words: one phrase per tie, from the point of view of either end."""

from __future__ import annotations

import networkx as nx

from . import vocab


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
    """The kind of tie in a few words (`vocab.TieType.noun`, `subtype_noun`).

    >>> what({"type": "treaty", "subtype": "mutual_defense"}), what({"type": "arms_supply", "subtype": "mixed"})
    ('mutual defense treaty', 'arms')
    """
    kind = vocab.TIE_TYPES[tie["type"]]
    if tie["subtype"] in vocab.GENERIC_SUBTYPES:
        return kind.noun
    return kind.subtype_noun.format(vocab.subtype_label(tie["subtype"]))


def verb(tie: dict, viewpoint: str) -> str:
    """What the tie makes of `viewpoint` (one of its ends): 'supplies drones to'."""
    forward, backward = vocab.TIE_TYPES[tie["type"]].phrases
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
