import datetime as dt

import pytest

import graph
from graph import lens
from graph.filter import filter_graph

D = dt.date


@pytest.fixture(scope="module")
def told(tiny_dir):
    """The tiny data, with Carpania's drones first only alleged by Avalon (claims.csv), then
    denied by Carpania from 1 March 2023."""
    sources = {p.name: p.read_bytes() for p in tiny_dir.iterdir()}
    sources["claims.csv"] = (
        b"tie,date,status,claimed_by,denied_by,source_url\n"
        b"cb-arms-2022,2022-09,alleged,AAA,,https://example.org/a\n"
        b"cb-arms-2022,2023-03-01,disputed,AAA,CCC,https://example.org/b\n"
    )
    return graph.build(graph.load_bytes(sources))


def test_voices_are_every_claimant_and_denier_sorted_by_name(tiny):
    assert lens.voices(tiny) == ["AAA", "BBB", "CCC"]  # Avalon, Borduria, Carpania


@pytest.mark.parametrize(
    ("actor", "day", "expected"),
    [
        ("CCC", D(2023, 6, 1), [("cb-arms-2022", "denies")]),
        ("CCC", D(2023, 1, 1), []),  # not yet denied that day (claims.csv): only alleged by Avalon
        ("AAA", D(2023, 1, 1), [("cb-arms-2022", "claims")]),
        ("AAA", D(2024, 1, 1), [("cb-arms-2022", "claims")]),
        ("BBB", D(2024, 1, 1), [("ea-arms-2023", "claims")]),  # Borduria alleges Estoria arms Avalon
        ("DDD", D(2024, 1, 1), []),  # no voice: says nothing
    ],
)
def test_said_by_gives_the_ties_an_actor_claims_or_denies_on_the_day(told, actor, day, expected):
    said = lens.said_by(filter_graph(told, as_of=day), actor)
    assert [(s.tie, s.stance) for s in said] == expected


@pytest.mark.parametrize(
    ("tie", "words"),
    [
        (
            {
                "source": "CCC",
                "target": "BBB",
                "type": "arms_supply",
                "subtype": "drones",
                "status": "disputed",
                "claimed_by": "AAA",
                "denied_by": "CCC",
            },
            "Avalon says Carpania supplies drones to Borduria; Carpania denies it.",
        ),
        (
            {
                "source": "EEE",
                "target": "AAA",
                "type": "arms_supply",
                "subtype": "",
                "status": "alleged",
                "claimed_by": "BBB|CCC",
                "denied_by": "",
            },
            "Borduria and Carpania say Estoria supplies arms to Avalon; no one involved has confirmed it.",
        ),
        (
            {
                "source": "AAA",
                "target": "CCC",
                "type": "sanctions",
                "subtype": "",
                "status": "disputed",
                "claimed_by": "BBB|DDD|EEE",
                "denied_by": "AAA|CCC",
            },
            "Borduria, Dunland and Estoria say Avalon sanctions Carpania; Avalon and Carpania deny it.",
        ),
    ],
)
def test_sentence_names_who_says_and_who_denies(tiny, tie, words):
    assert lens.sentence(tiny, tie) == words


def test_seen_by_draws_claims_plainly_and_denials_struck_without_changing_the_view(told):
    H = filter_graph(told, as_of=D(2023, 6, 1))
    seen = lens.seen_by(H, "CCC")
    assert seen.edges["CCC", "BBB", "cb-arms-2022"]["drawn_as"] == "denied"
    assert "drawn_as" not in H.edges["CCC", "BBB", "cb-arms-2022"]  # the view given is unchanged
    assert lens.seen_by(H, "AAA").edges["CCC", "BBB", "cb-arms-2022"]["drawn_as"] == "confirmed"
    assert all("drawn_as" not in t for *_, t in lens.seen_by(H, "DDD").edges(data=True))


def test_said_by_on_the_shipped_data_iran_denies_the_missiles(world):
    said = lens.said_by(filter_graph(world, as_of=D(2025, 1, 17)), "IRN")
    assert {s.tie for s in said} >= {"irn-rus-missiles-2024", "irn-rus-drones-2022"}
    assert all(s.stance == "denies" for s in said)
    assert all(s.sentence.endswith("deny it.") or s.sentence.endswith("denies it.") for s in said)
