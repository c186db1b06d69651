import datetime as dt

from graph.build import organizations_of


def test_build_keeps_parallel_ties(tiny):
    assert sorted(tiny["AAA"]["BBB"]) == ["ab-arms-2010", "ab-treaty-2001"]


def test_build_counts_a_symmetric_tie_once_at_each_end(tiny):
    # Borduria: treaty + arms from Avalon, war with Carpania, drones from Carpania.
    assert tiny.degree("BBB") == 4
    assert tiny.edges["BBB", "CCC", "bc-conflict-2020"]["directed"] is False
    assert tiny.edges["AAA", "CCC", "ca-sanctions-2021"]["directed"] is True


def test_build_keeps_every_attribute_and_the_period(tiny):
    tie = tiny.edges["AAA", "BBB", "ab-arms-2010"]
    assert tie["subtype"] == "aircraft"
    assert (tie["first_day"], tie["last_day"]) == (dt.date(2010, 1, 1), dt.date(2015, 12, 31))
    assert tiny.nodes["AAA"]["aliases"] == ["Ava", "Avalonia"]
    assert tiny.nodes["DDD"]["last_day"] == dt.date(1990, 12, 31)


def test_organizations_of_honours_dates(tiny):
    assert [m["organization"] for m in organizations_of(tiny, "EEE", dt.date(2019, 1, 1))] == ["ALL"]
    assert organizations_of(tiny, "EEE", dt.date(2020, 2, 1)) == []
    assert len(organizations_of(tiny, "EEE")) == 1
