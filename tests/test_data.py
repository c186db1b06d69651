"""The shipped data: it validates, covers the world, and states well-known facts exactly."""

import datetime as dt

import pytest

import graph
from graph import filter_graph, vocab
from graph.stats import stats

UN_MEMBERS = (
    "AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB BRN BTN BWA "
    "CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESP EST ETH "
    "FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA "
    "JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX "
    "MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG "
    "POL PRK PRT PRY QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD "
    "TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE"
).split()


@pytest.fixture(scope="module")
def data():
    return graph.load()


def test_un_member_list_is_complete():
    assert len(set(UN_MEMBERS)) == 193


def test_every_un_member_observer_and_more_is_an_actor(data):
    ids = set(data.actors["id"])
    assert set(UN_MEMBERS) | {"PSE", "VAT", "TWN", "XKX"} <= ids
    assert {"SUN", "DDR", "YUG", "CSK", "RVN"} <= ids
    assert {"EU", "UN", "NATO", "CSTO", "SCO", "BRICS", "AU", "ASEAN", "GCC", "LAS", "OAS", "CIS", "WARSAW"} <= ids


def test_the_data_is_big_enough_to_be_the_world(data):
    s = stats(data)
    assert s["ties"] >= 1000
    assert all(n >= 100 for n in s["by_type"].values()), s["by_type"]
    assert s["begun_before_1991"] >= 100
    assert s["memberships"] >= 300
    assert s["sourced"] == 1.0


def test_every_tie_has_a_title_description_and_publisher(data):
    ties = data.relations
    assert (ties["title"] != "").all() and (ties["description"] != "").all() and (ties["source_name"] != "").all()
    assert set(ties["type"]) == set(vocab.TIE_TYPES)
    assert {"alleged", "disputed", "confirmed"} <= set(ties["status"])


@pytest.mark.parametrize(
    ("tie", "fields"),
    [
        # The story this project started from, as the sources state it.
        ("rus-prk-treaty-2024", {"type": "treaty", "subtype": "mutual_defense", "start": "2024-06-19"}),
        ("rus-irn-treaty-2025", {"type": "treaty", "subtype": "strategic_partnership", "start": "2025-01-17"}),
        ("prk-rus-troops-2024", {"type": "arms_supply", "subtype": "troops", "status": "confirmed"}),
        ("irn-rus-missiles-2024", {"status": "disputed", "denied_by": "IRN|RUS", "source": "IRN", "target": "RUS"}),
        ("usa-irn-sanctions-2024-09", {"type": "sanctions", "source": "USA", "target": "IRN", "start": "2024-09-10"}),
        ("rus-ukr-war-2022", {"type": "conflict", "start": "2022-02-24", "end": ""}),
        ("isr-irn-strikes-2025-06", {"type": "conflict", "start": "2025-06-13"}),
        # Well-known facts with exact dates.
        ("usa-cub-embargo-1962", {"source": "USA", "target": "CUB", "start": "1962-02-07"}),
        ("usa-jpn-treaty-1960", {"subtype": "mutual_defense", "start": "1960-01-19"}),
        ("usa-kor-treaty-1953", {"subtype": "mutual_defense", "start": "1953-10-01"}),
        ("chn-prk-treaty-1961", {"subtype": "mutual_defense", "start": "1961-07-11"}),
        ("sau-qat-blockade-2017", {"start": "2017-06-05", "end": "2021-01-05"}),
        ("un-zaf-arms-embargo-1977", {"source": "UN", "target": "ZAF", "start": "1977-11-04", "end": "1994-05-25"}),
        ("ucdp-371-1990-irq-kwt", {"type": "conflict", "start": "1990-08-02"}),
    ],
)
def test_shipped_data_states_facts_exactly(data, tie, fields):
    row = data.relations.set_index("id").loc[tie]
    assert {k: row[k] for k in fields} == fields


@pytest.mark.parametrize(
    ("member", "organization", "joined", "left"),
    [
        ("FIN", "NATO", "2023-04-04", ""),
        ("SWE", "NATO", "2024-03-07", ""),
        ("GBR", "EU", "1973-01-01", "2020-01-31"),
        ("IRN", "BRICS", "2024-01-01", ""),
    ],
)
def test_shipped_memberships_state_facts_exactly(data, member, organization, joined, left):
    rows = data.memberships[(data.memberships.member == member) & (data.memberships.organization == organization)]
    assert [(r.joined, r.left) for r in rows.itertuples()] == [(joined, left)]


def test_nato_grew_from_12_to_32(data):
    nato = data.memberships[data.memberships.organization == "NATO"]
    assert len(nato) == 32
    assert (nato.joined == "1949-04-04").sum() == 12


def test_a_teacher_at_1962_sees_the_cold_war(data):
    G = graph.build(data)
    view = filter_graph(G, as_of=dt.date(1962, 10, 16))
    assert "SUN" in view and "RUS" not in view and "DDR" in view
    assert view.number_of_edges() >= 100
    assert {"treaty", "arms_supply"} <= {t for _, _, t in view.edges(data="type")}


def test_coverage_log_covers_every_living_state_and_type(data):
    """data/coverage.csv says, for each state and tie type, what was searched and found."""
    import csv
    from pathlib import Path

    with open(Path(__file__).parent.parent / "data" / "coverage.csv", encoding="utf-8") as f:
        log = list(csv.DictReader(f))
    living = set(data.actors.query("kind == 'state' and end == ''")["id"])
    assert {(r["state"], r["type"]) for r in log} >= {(s, t) for s in living for t in vocab.TIE_TYPES}
    ids = set(data.relations["id"])
    named = {a for r in log for a in r["added"].split("|") if a}
    assert named <= ids, sorted(named - ids)[:5]
    assert all(r["searched"] or r["left_out"] for r in log)
