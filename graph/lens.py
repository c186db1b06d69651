"""'Who says so?': the world as one state or organisation claims it.

Every actor named in a `claimed_by` or `denied_by` has a voice. Seen through it, the ties it
claims are drawn plainly (in its world they hold), those it denies are struck through, and
each contested tie it speaks of gets a sentence a student can read: "The United States says
Iran supplies missiles to Russia; Iran and Russia deny it." The statuses are those of the
view's day (`claims.status_on`, applied by `filter_graph`).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .errors import UsageError
from .narrate import name

# Names that take "the" in a sentence ("the United States says"). Everything else is said bare.
_THE_START = ("United ", "European ", "Holy ", "Soviet ", "African Union", "Organization of ", "Republic of ")
_THE_END = (" Republic", " Islands", " Emirates", "Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros")


@dataclass(frozen=True)
class Said:
    """What an actor says of one tie on the day shown: `claims` or `denies`, in a sentence."""

    tie: str
    stance: str
    sentence: str


def spoken_name(G: nx.Graph, actor: str) -> str:
    """An actor's name as it stands in a sentence.

    >>> G = nx.MultiDiGraph(names={"USA": "United States", "IRN": "Iran"})
    >>> spoken_name(G, "USA"), spoken_name(G, "IRN")
    ('the United States', 'Iran')
    """
    said = name(G, actor)
    return f"the {said}" if said.startswith(_THE_START) or said.endswith(_THE_END) else said


def _and(words: list[str]) -> str:
    return words[0] if len(words) < 2 else ", ".join(words[:-1]) + " and " + words[-1]


def _ids(text: str) -> list[str]:
    return [i for i in text.split("|") if i]


def voices(G: nx.MultiDiGraph) -> list[str]:
    """The ids of every actor that claims or denies a tie of `G`, at any date (its rows and
    its history), sorted by name."""
    found = {i for *_, t in G.edges(data=True) for col in ("claimed_by", "denied_by") for i in _ids(t[col])}
    for changes in G.graph.get("claims", {}).values():
        found |= {i for c in changes for col in ("claimed_by", "denied_by") for i in _ids(c[col])}
    return sorted(found, key=lambda n: name(G, n).casefold())


def stance(tie: dict, actor: str) -> str:
    """What `actor` says of `tie`: "denies", "claims" or "" (nothing recorded).

    >>> stance({"claimed_by": "USA|GBR", "denied_by": "IRN"}, "IRN")
    'denies'
    """
    if actor in _ids(tie["denied_by"]):
        return "denies"
    return "claims" if actor in _ids(tie["claimed_by"]) else ""


_VERBS = {
    "treaty": "has a treaty with",
    "sanctions": "sanctions",
    "arms_supply": "supplies {what} to",
    "conflict": "is fighting",
}


def clause(H: nx.MultiDiGraph, tie: dict) -> str:
    """The tie as a plain clause in the present: "North Korea supplies troops to Russia"."""
    what = tie["subtype"].replace("_", " ") if tie["subtype"] and tie["subtype"] != "mixed" else "arms"
    verb = _VERBS[tie["type"]].format(what=what)
    return f"{spoken_name(H, tie['source'])} {verb} {spoken_name(H, tie['target'])}"


def sentence(H: nx.MultiDiGraph, tie: dict) -> str:
    """Who says a contested tie holds, and who denies it, in one sentence.

    >>> H = nx.MultiDiGraph(names={"USA": "United States", "IRN": "Iran", "RUS": "Russia"})
    >>> sentence(H, {"source": "IRN", "target": "RUS", "type": "arms_supply", "subtype": "missiles",
    ...              "status": "disputed", "claimed_by": "USA", "denied_by": "IRN|RUS"})
    'The United States says Iran supplies missiles to Russia; Iran and Russia deny it.'
    """
    claimants = _ids(tie["claimed_by"])
    deniers = _ids(tie["denied_by"])
    said = f"{_and([spoken_name(H, i) for i in claimants])} {'says' if len(claimants) == 1 else 'say'}"
    text = f"{said} {clause(H, tie)}"
    if deniers:
        text += f"; {_and([spoken_name(H, i) for i in deniers])} {'denies' if len(deniers) == 1 else 'deny'} it"
    elif tie["status"] == "alleged":
        text += "; no one involved has confirmed it"
    return text[0].upper() + text[1:] + "."


def said_by(H: nx.MultiDiGraph, actor: str) -> list[Said]:
    """The contested ties of the view `H` that `actor` claims or denies on its day, each with
    its sentence: denials first, then claims, each in order of the sentence."""
    if actor not in H.graph.get("names", {}) and actor not in H:
        raise UsageError(f"There is no actor with the id {actor!r}.")
    found = [
        Said(k, stance(t, actor), sentence(H, t))
        for *_, k, t in H.edges(keys=True, data=True)
        if t["status"] != "confirmed" and stance(t, actor)
    ]
    return sorted(found, key=lambda s: (s.stance != "denies", s.sentence))


def seen_by(H: nx.MultiDiGraph, actor: str) -> nx.MultiDiGraph:
    """A copy of the view for drawing as `actor` claims it: each tie it claims is drawn as
    confirmed, each it denies as denied (`drawn_as`); every other tie as it is."""
    D = H.copy()
    for *_, t in D.edges(keys=True, data=True):
        said = stance(t, actor)
        if said == "denies":
            t["drawn_as"] = "denied"
        elif said == "claims":
            t["drawn_as"] = "confirmed"
    return D
