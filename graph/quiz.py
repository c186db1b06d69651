"""Questions generated from the data: a quiz and a printable worksheet.

Every question is built from the ties and memberships in force at one date, with wrong
options that are really wrong at that date, and an answer explained in one sentence with
its source. The same seed gives the same questions.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import jinja2
import networkx as nx

from . import defence, vocab
from .build import memberships_on
from .errors import UsageError
from .narrate import name, years
from .pairs import pair_graph
from .render import asset
from .still import Still

OPTIONS = 4


@dataclass(frozen=True)
class Question:
    kind: str
    text: str  # ends with "?"
    options: tuple[str, ...]
    answer: int  # index into options
    explanation: str
    source_url: str
    facts: dict  # what a checker needs to verify it against the graph


def _ties(H: nx.MultiDiGraph, kind: str, *, subtype: str | None = None, confirmed: bool = True) -> list[dict]:
    return [
        t
        for *_, t in H.edges(data=True)
        if t["type"] == kind
        and (subtype is None or t["subtype"] == subtype)
        and (not confirmed or t["status"] == "confirmed")
    ]


def _states(H: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, kind in H.nodes(data="kind") if kind == "state")


def _pick_options(rng: random.Random, right: str, wrong: list[str]) -> tuple[tuple[str, ...], int] | None:
    wrong = sorted(set(wrong) - {right})
    if len(wrong) < OPTIONS - 1:
        return None
    chosen = rng.sample(wrong, OPTIONS - 1) + [right]
    rng.shuffle(chosen)
    return tuple(chosen), chosen.index(right)


def _partners(H: nx.MultiDiGraph, actor: str) -> set[str]:
    return set(nx.all_neighbors(H, actor)) if actor in H else set()


def _actor_question(
    H: nx.MultiDiGraph,
    rng: random.Random,
    kind: str,
    text: str,
    actor: str,
    right: str,
    wrong: list[str],
    tie: dict,
    why: str,
) -> Question | None:
    """A question whose options are actors: `right` and three of `wrong`, shuffled."""
    picked = _pick_options(rng, right, wrong)
    if not picked:
        return None
    options, answer = picked
    names = tuple(name(H, o) for o in options)
    return Question(kind, text, names, answer, why, tie["source_url"], {"actor": actor, "options": options})


def mutual_defense(H: nx.MultiDiGraph, rng: random.Random) -> Question | None:
    ties = _ties(H, "treaty", subtype="mutual_defense")
    if not ties:
        return None
    tie = rng.choice(sorted(ties, key=lambda t: t["id"]))
    x, right = (tie["source"], tie["target"]) if rng.random() < 0.5 else (tie["target"], tie["source"])
    # Every defence partner on the day, by any rule, is kept out of the wrong options: a
    # contested treaty, an unconfirmed one, or a collective-defence article (NATO's Article 5
    # binds France and the United Kingdom as surely as a treaty between the two would).
    every = _ties(H, "treaty", subtype="mutual_defense", confirmed=False)
    allies = {t["source"] for t in every if t["target"] == x} | {t["target"] for t in every if t["source"] == x}
    allies |= set(defence.defenders(H, x, H.graph["as_of"]))
    plausible = [n for n in _partners(H, x) if n not in allies and H.nodes[n]["kind"] == "state"]
    wrong = plausible if len(plausible) >= OPTIONS - 1 else [n for n in _states(H) if n not in allies and n != x]
    text = f"Which of these states is bound by a treaty to help defend {name(H, x)}?"
    why = f"{name(H, right)} and {name(H, x)}: {tie['title']} ({years(tie)})."
    return _actor_question(H, rng, "mutual_defense", text, x, right, wrong, tie, why)


def arms_supplier(H: nx.MultiDiGraph, rng: random.Random) -> Question | None:
    ties = _ties(H, "arms_supply")
    if not ties:
        return None
    tie = rng.choice(sorted(ties, key=lambda t: t["id"]))
    recipient, right = tie["target"], tie["source"]
    suppliers = {t["source"] for t in _ties(H, "arms_supply", confirmed=False) if t["target"] == recipient}
    wrong = sorted({t["source"] for t in ties} - suppliers - {recipient})
    text = f"Which of these states supplies arms to {name(H, recipient)}?"
    return _actor_question(
        H, rng, "arms_supplier", text, recipient, right, wrong, tie, f"{tie['title']} ({years(tie)})."
    )


def sanctions_since(H: nx.MultiDiGraph, rng: random.Random) -> Question | None:
    ties = _ties(H, "sanctions")
    if not ties:
        return None
    tie = rng.choice(sorted(ties, key=lambda t: t["id"]))
    a, b = tie["source"], tie["target"]
    first = min(int(t["start"][:4]) for t in ties if t["source"] == a and t["target"] == b)
    wrong = [str(first + d) for d in (-12, -7, -4, -2, 2, 4, 7, 12) if first + d <= H.graph["as_of"].year]
    picked = _pick_options(rng, str(first), wrong)
    if not picked:
        return None
    options, answer = picked
    earliest = min((t for t in ties if t["source"] == a and t["target"] == b), key=lambda t: t["start"])
    return Question(
        "sanctions_since",
        f"Since which year has {name(H, a)} had sanctions on {name(H, b)} in force?",
        options,
        answer,
        f"{earliest['title']}: from {earliest['start']}.",
        earliest["source_url"],
        {"source": a, "target": b},
    )


def disputed(H: nx.MultiDiGraph, rng: random.Random) -> Question | None:
    contested = sorted((t for *_, t in H.edges(data=True) if t["status"] == "disputed"), key=lambda t: t["id"])
    confirmed = sorted({t["title"] for *_, t in H.edges(data=True) if t["status"] == "confirmed"})
    if not contested or len(confirmed) < OPTIONS - 1:
        return None
    tie = rng.choice(contested)
    picked = _pick_options(rng, tie["title"], confirmed)
    if not picked:
        return None
    options, answer = picked
    deniers = ", ".join(name(H, d) for d in tie["denied_by"].split("|") if d)
    claimers = ", ".join(name(H, c) for c in tie["claimed_by"].split("|") if c)
    return Question(
        "disputed",
        "Which of these claims is disputed, that is, denied by a party to it?",
        options,
        answer,
        f"{tie['title']}: claimed by {claimers}, denied by {deniers}.",
        tie["source_url"],
        {"titles": options},
    )


def link(H: nx.MultiDiGraph, rng: random.Random) -> Question | None:
    P = pair_graph(H)
    states = [n for n in sorted(P) if P.nodes[n].get("kind") == "state"]
    rng.shuffle(states)
    for a in states[:60]:
        two = {n: p for n, p in nx.single_source_shortest_path(P, a, cutoff=2).items() if len(p) == 3}
        choices = sorted(n for n in two if P.nodes[n].get("kind") == "state")
        if not choices:
            continue
        b = rng.choice(choices)
        middles = set(P[a]) & set(P[b])
        right = sorted(middles)[0] if len(middles) == 1 else None
        if right is None:
            continue
        wrong = [n for n in P[a] if n not in middles and n != b]
        picked = _pick_options(rng, right, wrong)
        if not picked:
            continue
        options, answer = picked
        first = P[a][right]["ties"][0]
        second = P[right][b]["ties"][0]
        return Question(
            "link",
            f"{name(H, a)} and {name(H, b)} have no direct tie. Which state links them?",
            tuple(name(H, o) for o in options),
            answer,
            f"{name(H, right)}: {first['title']} ({years(first)}), and {second['title']} ({years(second)}).",
            second["source_url"],
            {"a": a, "b": b, "options": options},
        )
    return None


def not_member(H: nx.MultiDiGraph, rng: random.Random) -> Question | None:
    day = H.graph["as_of"]
    members: dict[str, list[dict]] = {}
    for m in memberships_on(H, day):
        members.setdefault(m["organization"], []).append(m)
    orgs = sorted(o for o, ms in members.items() if len(ms) >= OPTIONS - 1 and o != "UN")
    if not orgs:
        return None
    org = rng.choice(orgs)
    inside = {m["member"] for m in members[org]}
    # Plausible wrong answers: states tied to members, but not members themselves.
    near = sorted({p for m in inside for p in _partners(H, m)} - inside)
    outside = [n for n in near if H.nodes[n]["kind"] == "state"] or sorted(n for n in _states(H) if n not in inside)
    if not outside:
        return None
    right = rng.choice(outside)
    chosen = rng.sample(sorted(inside), OPTIONS - 1) + [right]
    rng.shuffle(chosen)
    source = next(m["source_url"] for m in members[org])
    return Question(
        "not_member",
        f"Which of these is NOT a member of {name(H, org)}?",
        tuple(name(H, o) for o in chosen),
        chosen.index(right),
        f"On {day:%d %B %Y} {name(H, right)} was not a member of {name(H, org)}; the others were.",
        source,
        {"organization": org, "options": tuple(chosen)},
    )


KINDS: dict[str, Callable[[nx.MultiDiGraph, random.Random], Question | None]] = {
    "mutual_defense": mutual_defense,
    "arms_supplier": arms_supplier,
    "sanctions_since": sanctions_since,
    "disputed": disputed,
    "link": link,
    "not_member": not_member,
}


def quiz(H: nx.MultiDiGraph, n: int, *, seed: int, kinds: tuple[str, ...] = tuple(KINDS)) -> list[Question]:
    """`n` questions about the view `H` (it must have an `as_of` date), the same for the same seed."""
    if H.graph.get("as_of") is None:
        raise UsageError("A quiz needs a date: questions are true or false at one date.")
    if n < 1 or n > 50:
        raise UsageError("Ask for 1 to 50 questions.")
    rng = random.Random(seed)
    questions: list[Question] = []
    seen: set[str] = set()
    turn = rng.randrange(len(kinds))
    for _ in range(n * 20):
        if len(questions) >= n:
            break
        turn += 1
        kind = kinds[turn % len(kinds)]
        q = KINDS[kind](H, rng)
        if q and q.text + "".join(q.options) not in seen:
            seen.add(q.text + "".join(q.options))
            questions.append(q)
    if not questions:
        raise UsageError("This view has too few ties to ask about: widen the date, the types or the region.")
    return questions


def source_checks(H: nx.MultiDiGraph, n: int, *, seed: int) -> tuple[list[Question], list[str]]:
    """Up to `n` "check the source" questions about the contested ties of the view `H`
    (alleged or disputed): open source k, is the claim confirmed, who makes it, who denies
    it? Returns the questions and the sources they number (source k is the k-th)."""
    contested = sorted((t for *_, t in H.edges(data=True) if t["status"] != "confirmed"), key=lambda t: t["id"])
    rng = random.Random(seed)
    sources: list[str] = []
    questions = []
    for tie in rng.sample(contested, min(n, len(contested))):
        if tie["source_url"] not in sources:
            sources.append(tie["source_url"])
        number = sources.index(tie["source_url"]) + 1
        claim = [c for c in tie["claimed_by"].split("|") if c]
        deny = [d for d in tie["denied_by"].split("|") if d]
        other = deny or [p for p in (tie["source"], tie["target"]) if p not in claim][:1] or [tie["target"]]
        claimers, deniers = (", ".join(name(H, a) if a in H else a for a in ids) or "someone" for ids in (claim, other))
        options = (
            "Confirmed: the states involved acknowledge it",
            f"Alleged: claimed by {claimers}; nobody is recorded as denying it",
            f"Disputed: claimed by {claimers}, denied by {deniers}",
            f"Disputed: claimed by {deniers}, denied by {claimers}",
        )
        answer = 2 if tie["status"] == "disputed" else 1
        questions.append(
            Question(
                "check_source",
                f"Open source {number}. “{tie['title']}”: is this claim confirmed? Who makes it, and who denies it?",
                options,
                answer,
                f"{tie['title']}: {vocab.STATUSES[tie['status']].label.lower()} — {options[answer].split(': ', 1)[1]}.",
                tie["source_url"],
                {"tie": tie["id"], "number": number},
            )
        )
    return questions, sources


@cache
def _sheet() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(asset("worksheet.html.j2"))


def worksheet(
    questions: list[Question],
    *,
    title: str,
    day: dt.date,
    paper: str = "A4",
    picture: Still | None = None,
    checks: list[Question] | tuple = (),
    sources: list[str] | tuple = (),
) -> str:
    """A printable page: the still picture of the view (`still.still`) with its legend and
    date, the questions with space to answer, the "check the source" questions (`checks`,
    numbering `sources`), and the key on a page of its own. Every text is escaped by the
    template (`templates/worksheet.html.j2`)."""
    colours = (
        sorted({row["colour"] for row in picture.legend} | {line["colour"] for line in picture.lines})
        if picture
        else []
    )
    return _sheet().render(
        title=title,
        day=f"{day:%d %B %Y}",
        size="A4" if paper.upper() == "A4" else "letter",
        picture=picture,
        legend_height=18 * ((len(picture.legend) + 2) // 3) + 12 if picture else 0,
        colours=colours,
        questions=list(questions),
        checks=list(checks),
        sources=list(sources),
    )
