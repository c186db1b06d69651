import datetime as dt

import pytest

from graph import provenance
from graph.filter import filter_graph

D = dt.date


@pytest.mark.parametrize(
    ("tie_id", "dataset"),
    [
        ("atop-4875-rus-ukr", "ATOP v4.01"),
        ("ucdp-259-2014-rus-ukr", "UCDP/PRIO Armed Conflict Dataset v25.1"),
        ("rus-ind-arms-sipri-1992", "SIPRI Arms Transfers Database"),
        ("rus-prk-treaty-2024", None),
    ],
)
def test_dataset_of(tie_id, dataset):
    found = provenance.dataset_of(tie_id)
    assert (found.name if found else None) == dataset


@pytest.mark.parametrize(
    ("tie", "until"),
    [
        ({"id": "atop-1-aaa-bbb", "end": "", "checked_url": ""}, D(2016, 12, 31)),
        ({"id": "atop-1-aaa-bbb", "end": "2019-04-01", "checked_url": ""}, None),  # ended
        ({"id": "atop-1-aaa-bbb", "end": "", "checked_url": "https://example.org"}, None),  # confirmed later
        ({"id": "aaa-bbb-treaty-2020", "end": "", "checked_url": ""}, None),  # curated
    ],
)
def test_known_until(tie, until):
    assert provenance.known_until(tie) == until


def test_filter_marks_dataset_rows_unconfirmed_after_the_dataset_ends(world):
    before = filter_graph(world, as_of=D(2015, 6, 1))
    after = filter_graph(world, as_of=D(2025, 6, 1))
    open_atop = [
        k
        for *_, k, t in after.edges(keys=True, data=True)
        if k.startswith("atop-") and not t["end"] and not t["checked_url"]
    ]
    assert open_atop, "the shipped data has open-ended ATOP rows"
    assert all(after.edges[e]["unconfirmed"] for e in after.edges(keys=True) if e[2] in open_atop)
    assert not any(t["unconfirmed"] for *_, t in before.edges(data=True))
    curated = after.edges["RUS", "PRK", "rus-prk-treaty-2024"]
    assert curated["unconfirmed"] is False
    checked = [t for *_, t in after.edges(data=True) if t["id"].startswith("atop-") and t["checked_url"]]
    assert checked and not any(t["unconfirmed"] for t in checked)


def test_notes_say_why():
    tie = {"id": "atop-1-aaa-bbb", "start": "1992", "end": "", "approximate": False, "unconfirmed": True}
    assert provenance.notes(tie) == [
        "Unconfirmed after 2016: ATOP v4.01 ends then, and no later page we have read says whether it still holds."
    ]
