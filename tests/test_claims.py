import datetime as dt

import pytest

import graph
from graph import claims
from graph.errors import DataError
from graph.filter import filter_graph
from graph.render import tie_tip

D = dt.date
HEADER = "tie,date,status,claimed_by,denied_by,source_url,note\n"
# Carpania's drones to Borduria (tiny: 2022-09–, disputed, claimed by Avalon, denied by
# Carpania): first only alleged by Avalon, then denied by Carpania from 1 March 2023.
HISTORY = (
    HEADER + "cb-arms-2022,2022-09,alleged,AAA,,https://example.org/a,Avalon says so.\n"
    "cb-arms-2022,2023-03-01,disputed,AAA,CCC,https://example.org/b,Carpania denies it.\n"
)


def _sources(tiny_dir, claims_csv: str | None) -> dict[str, bytes]:
    found = {p.name: p.read_bytes() for p in tiny_dir.iterdir()}
    if claims_csv is not None:
        found["claims.csv"] = claims_csv.encode()
    return found


@pytest.fixture(scope="module")
def told(tiny_dir):
    return graph.build(graph.load_bytes(_sources(tiny_dir, HISTORY)))


@pytest.mark.parametrize(
    ("day", "status", "denied_by"),
    [
        (D(2022, 9, 15), "alleged", ""),  # the first change covers the days before it
        (D(2023, 2, 28), "alleged", ""),
        (D(2023, 3, 1), "disputed", "CCC"),
        (D(2025, 1, 1), "disputed", "CCC"),
        (None, "disputed", "CCC"),  # no day: the tie's own row
    ],
)
def test_status_on_gives_the_status_of_the_day(told, day, status, denied_by):
    tie = told.edges["CCC", "BBB", "cb-arms-2022"]
    now = claims.status_on(tie, day, claims.changes_of(told, "cb-arms-2022"))
    assert (now["status"], now["claimed_by"], now["denied_by"]) == (status, "AAA", denied_by)


def test_status_on_a_month_counts_from_its_last_day():
    changes = claims.history(
        [
            {"tie": "t", "date": "2022-09", "status": "alleged", "claimed_by": "A", "denied_by": ""},
            {"tie": "t", "date": "2022-11", "status": "confirmed", "claimed_by": "A", "denied_by": ""},
        ]
    )["t"]
    tie = {"status": "confirmed", "claimed_by": "A", "denied_by": ""}
    assert claims.status_on(tie, D(2022, 11, 29), changes)["status"] == "alleged"
    assert claims.status_on(tie, D(2022, 11, 30), changes)["status"] == "confirmed"


def test_filter_graph_filters_and_shows_the_status_of_the_day(told):
    before = filter_graph(told, as_of=D(2023, 1, 1), statuses=["alleged"])
    after = filter_graph(told, as_of=D(2023, 6, 1), statuses=["alleged"])
    assert before.has_edge("CCC", "BBB", "cb-arms-2022") and not after.has_edge("CCC", "BBB", "cb-arms-2022")
    assert told.edges["CCC", "BBB", "cb-arms-2022"]["status"] == "disputed"  # the graph given is unchanged


def test_tie_tip_tells_the_history_and_marks_the_day(told):
    H = filter_graph(told, as_of=D(2023, 1, 1))
    tip = tie_tip(H, "CCC", "BBB", H.edges["CCC", "BBB", "cb-arms-2022"], sources := {})
    assert "Status: Alleged" in tip["lines"]
    texts = [h["text"] for h in tip["history"]]
    assert texts == [
        "September 2022: Alleged, claimed by Avalon. Avalon says so.",
        "1 March 2023: Disputed, claimed by Avalon, denied by Carpania. Carpania denies it.",
    ]
    assert [h["now"] for h in tip["history"]] == [True, False]
    assert ("https://example.org/b", "source") in sources


def test_ties_without_history_have_no_history_in_their_tip(tiny):
    H = filter_graph(tiny, as_of=D(2023, 1, 1))
    assert "history" not in tie_tip(H, "AAA", "CCC", H.edges["AAA", "CCC", "ca-sanctions-2021"], {})


@pytest.mark.parametrize(
    ("row", "line", "column", "words"),
    [
        ("nope,2022-10,alleged,AAA,,https://example.org/a,", 3, "tie", "expected the id of a tie in relations.csv"),
        ("cb-arms-2022,2022-08-31,alleged,AAA,,https://example.org/a,", 3, "date", "outside the tie's dates"),
        ("cb-arms-2022,2022-13,alleged,AAA,,https://example.org/a,", 3, "date", "not a real date"),
        ("cb-arms-2022,2022-10,likely,AAA,,https://example.org/a,", 3, "status", "got 'likely', expected one of"),
        ("cb-arms-2022,2022-10,alleged,,,https://example.org/a,", 3, "claimed_by", "expected who makes the claim"),
        ("cb-arms-2022,2022-10,disputed,AAA,,https://example.org/a,", 3, "denied_by", "expected who denies"),
        ("cb-arms-2022,2022-10,alleged,ZZZ,,https://example.org/a,", 3, "claimed_by", "expected the id of an actor"),
        ("cb-arms-2022,2022-10,alleged,AAA,,javascript:alert(1),", 3, "source_url", "an http:// or https://"),
        ("cb-arms-2022,2023-03-01,alleged,AAA,,https://example.org/a,", 3, "date", "repeats line 2"),
    ],
)
def test_load_lists_each_problem_of_a_claim_with_its_line(tiny_dir, row, line, column, words):
    text = HEADER + "cb-arms-2022,2023-03-01,disputed,AAA,CCC,https://example.org/b,\n" + row + "\n"
    with pytest.raises(DataError) as caught:
        graph.load_bytes(_sources(tiny_dir, text))
    found = [(p.file, p.line, p.column) for p in caught.value.problems if words in p.message]
    assert ("claims.csv", line, column) in found, caught.value


def test_latest_change_may_name_the_same_claimants_in_another_order(tiny_dir):
    """Who claims and who denies are sets: 'USA|UKR|KOR' in claims.csv is the row's 'USA|KOR|UKR'."""
    sources = _sources(tiny_dir, HEADER + "cb-arms-2022,2023-03-01,disputed,BBB|AAA,CCC,https://example.org/b,\n")
    sources["relations.csv"] = sources["relations.csv"].replace(b"disputed,AAA,CCC", b"disputed,AAA|BBB,CCC")
    assert len(graph.load_bytes(sources).claims) == 1
    sources["claims.csv"] = sources["claims.csv"].replace(b"BBB|AAA", b"BBB")
    with pytest.raises(DataError, match="claimed_by: got 'BBB' in the tie's latest change"):
        graph.load_bytes(sources)


def test_load_without_claims_file_is_fine(tiny_dir):
    assert graph.load_bytes(_sources(tiny_dir, None)).claims.empty


@pytest.mark.parametrize(
    ("tie", "day", "status"),
    [
        ("prk-rus-troops-2024", D(2024, 11, 15), "disputed"),
        ("prk-rus-troops-2024", D(2025, 4, 27), "disputed"),  # Russia admitted it on 26 April, North Korea not yet
        ("prk-rus-troops-2024", D(2025, 4, 28), "confirmed"),
        ("eri-eth-troops-tigray-2020", D(2021, 2, 1), "disputed"),
        ("eri-eth-troops-tigray-2020", D(2021, 4, 16), "confirmed"),
        # Claimed by Ukraine on 13 September 2023, by the US on 13 October; denied by Russia on 17 October.
        ("prk-rus-artillery-2023", D(2023, 10, 16), "alleged"),
        ("prk-rus-artillery-2023", D(2023, 10, 17), "disputed"),
        ("prk-rus-missiles-2023", D(2024, 1, 9), "alleged"),  # the White House said so on 4 January
        ("prk-rus-missiles-2023", D(2024, 1, 10), "disputed"),  # Russia's ambassador at the UN denied it
    ],
)
def test_shipped_history_gives_the_status_of_the_day(world, tie, day, status):
    H = filter_graph(world, as_of=day)
    assert next(t for *_, k, t in H.edges(keys=True, data=True) if k == tie)["status"] == status


def test_tie_tip_names_a_claimant_the_view_leaves_out(world):
    H = filter_graph(world, as_of=D(2024, 6, 1), focus=["RUS", "PRK"], among=True)
    tip = tie_tip(H, "PRK", "RUS", H.edges["PRK", "RUS", "prk-rus-missiles-2023"], {})
    claimants = "United States, Ukraine, South Korea, United Kingdom, France, Germany, European Union"
    assert f"Claimed by: {claimants}" in tip["lines"]


def test_iranian_missiles_were_denied_by_iran_on_the_day_of_the_claim_and_by_the_kremlin_the_next(world):
    """10 September 2024: the US, Britain, France and Germany said so and Iran called it a lie;
    the Kremlin called it groundless on the 11th (the seed story's step is on that day)."""

    def denied_on(day):
        H = filter_graph(world, as_of=day)
        return next(t for *_, k, t in H.edges(keys=True, data=True) if k == "irn-rus-missiles-2024")["denied_by"]

    assert (denied_on(D(2024, 9, 10)), denied_on(D(2024, 9, 11))) == ("IRN", "IRN|RUS")
