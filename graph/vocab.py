"""The fixed vocabularies of the data contract, and how each term is drawn."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TieType:
    """One kind of tie: its meaning, its drawing, its words and its allowed subtypes.

    `phrases`: what the tie makes of its source and of its target ("supplies {what} to",
    "gets {what} from"), `{what}` being the tie in words: `noun` without a subtype, else
    `subtype_noun` with the subtype's words. `cooperative`: the analyses of blocs and
    balance count it as cooperation, else as hostility. `telling`: when a pair shares
    several ties, a path tells the hop by the lowest.
    """

    name: str
    label: str
    directed: bool
    colour: str
    dashes: tuple[int, ...] | None
    width: int
    subtypes: tuple[str, ...]
    dash_hint: str
    phrases: tuple[str, str]
    noun: str
    subtype_noun: str
    cooperative: bool
    telling: int


# Colours from the Okabe–Ito palette, chosen to stay apart under protanopia and
# deuteranopia; each type also has its own dash pattern and legend text, so colour
# is never the only cue.
TIE_TYPES: dict[str, TieType] = {
    t.name: t
    for t in (
        TieType(
            name="treaty",
            label="Treaty",
            directed=False,
            colour="#0072B2",
            dashes=None,
            width=3,
            subtypes=(
                "mutual_defense",
                "defense_guarantee",
                "strategic_partnership",
                "non_aggression",
                "friendship",
                "security_cooperation",
                "defense_cooperation",
                "mutual_support",
                "neutrality",
                "consultation",
            ),
            dash_hint="solid line",
            phrases=("has a {what} with", "has a {what} with"),
            noun="treaty",
            subtype_noun="{} treaty",
            cooperative=True,
            telling=1,
        ),
        TieType(
            name="sanctions",
            label="Sanctions",
            directed=True,
            colour="#CC79A7",
            dashes=(12, 6),
            width=3,
            subtypes=(
                "comprehensive",
                "sectoral",
                "arms_embargo",
                "targeted",
                "trade_embargo",
                "counter_sanctions",
            ),
            dash_hint="long dashes, arrow to the target",
            phrases=("sanctions", "is sanctioned by"),
            noun="sanctions",
            subtype_noun="{}",
            cooperative=False,
            telling=3,
        ),
        TieType(
            name="arms_supply",
            label="Arms supply",
            directed=True,
            colour="#009E73",
            dashes=(3, 5),
            width=3,
            subtypes=(
                "drones",
                "missiles",
                "artillery",
                "ammunition",
                "aircraft",
                "air_defense",
                "armour",
                "ships",
                "troops",
                "mixed",
            ),
            dash_hint="dotted line, arrow to the recipient",
            phrases=("supplies {what} to", "gets {what} from"),
            noun="arms",
            subtype_noun="{}",
            cooperative=True,
            telling=2,
        ),
        TieType(
            name="conflict",
            label="Conflict",
            directed=False,
            colour="#D55E00",
            dashes=(14, 4, 3, 4),
            width=4,
            subtypes=("war", "armed_conflict", "invasion", "strikes", "border_clash", "occupation"),
            dash_hint="dash-dot line",
            phrases=("is in conflict with", "is in conflict with"),
            noun="conflict",
            subtype_noun="{}",
            cooperative=False,
            telling=0,
        ),
    )
}
# Subtypes that say no more than the type ("mixed" arms): the tie is told by its noun.
GENERIC_SUBTYPES = frozenset({"", "mixed"})


@dataclass(frozen=True)
class Status:
    """How sure a claim is, and how strongly its line is drawn (`alpha`: a contested claim is pale)."""

    name: str
    label: str
    alpha: float


# `alleged`: asserted by others, not acknowledged; `disputed`: asserted, and denied by a party.
STATUSES: dict[str, Status] = {
    s.name: s
    for s in (
        Status("confirmed", "Confirmed", 1.0),
        Status("alleged", "Alleged", 0.55),
        Status("disputed", "Disputed", 0.55),
    )
}

KINDS: tuple[str, ...] = ("state", "organization")

# UN M49 regions.
REGIONS: tuple[str, ...] = ("Africa", "Americas", "Asia", "Europe", "Oceania")


def subtype_label(subtype: str) -> str:
    """Return a subtype as words.

    >>> subtype_label("mutual_defense")
    'mutual defense'
    """
    return subtype.replace("_", " ")


@dataclass(frozen=True)
class LineStyle:
    """How one kind of line is drawn and named in the legend. `double`: two rails with a
    white core, kept for obligations that bind both sides."""

    label: str
    hint: str
    colour: str
    dashes: tuple[int, ...] | None
    width: int
    arrow: bool
    double: bool = False
    strike: bool = False  # crossed out: the voice chosen in "Who says so?" denies it


# One row per style: a tie type, or a subtype drawn apart from its type. Colour still
# says the type (a defence treaty is a treaty: blue); the double line says the obligation.
LINE_STYLES: dict[str, LineStyle] = {
    **{t.name: LineStyle(t.label, t.dash_hint, t.colour, t.dashes, t.width, t.directed) for t in TIE_TYPES.values()},
    "mutual_defense": LineStyle("Mutual defence", "each must defend the other", "#0072B2", None, 7, False, double=True),
    "defense_guarantee": LineStyle(
        "Defence guarantee", "double line, arrow to the one defended", "#0072B2", None, 7, True, double=True
    ),
    "membership": LineStyle("Member of", "thin grey dots", "#6E6E6E", (2, 4), 1, False),
    # A member linked to an organisation whose treaty binds all members to defend each
    # other (NATO's Article 5…): the obligation the picture must show, in the treaty's blue.
    "defence_membership": LineStyle(
        "Member of a defence alliance", "blue dots: all members must defend each other", "#0072B2", (2, 4), 3, False
    ),
    # Not a kind of tie but how one is seen: a tie the chosen voice denies ("Who says so?")
    # keeps its type's colour and dashes, pale and crossed out; the legend shows it in grey.
    "denied": LineStyle("Denied by the chosen voice", "pale and crossed out ✕", "#555555", None, 3, False, strike=True),
}
MEMBERSHIP_STYLES = ("membership", "defence_membership")
# (type, subtype) pairs with a style of their own; every other tie takes its type's.
SUBTYPE_STYLES: dict[tuple[str, str], str] = {
    ("treaty", "mutual_defense"): "mutual_defense",
    ("treaty", "defense_guarantee"): "defense_guarantee",
    ("membership", "defence"): "defence_membership",
}


def line_style(tie_type: str, subtype: str = "") -> str:
    """The name of the style a tie is drawn in.

    >>> line_style("treaty", "mutual_defense"), line_style("treaty", "friendship")
    ('mutual_defense', 'treaty')
    """
    return SUBTYPE_STYLES.get((tie_type, subtype), tie_type)


# Arms flows from SIPRI under this many million TIV are "smaller": kept in the data for the
# states they matter to, drawn in a world view only when asked for.
MAJOR_TIV = 500


def is_minor(tie: dict) -> bool:
    """Whether a tie is a smaller arms flow (it has a SIPRI value under `MAJOR_TIV`).

    >>> is_minor({"type": "arms_supply", "tiv": "40"}), is_minor({"type": "arms_supply", "tiv": ""})
    (True, False)
    """
    return tie["type"] == "arms_supply" and bool(tie.get("tiv")) and float(tie["tiv"]) < MAJOR_TIV
