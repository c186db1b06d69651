import datetime as dt

from graph import defence

D = dt.date


def test_obligations_joins_treaties_and_collective_articles(tiny):
    found = {(o.a, o.b, o.via) for o in defence.obligations(tiny, D(2010, 1, 1))}
    assert found == {
        ("AAA", "BBB", "ab-treaty-2001"),  # the bilateral defence treaty
        ("AAA", "BBB", "ALL"),  # and the Alliance's Article 5
        ("AAA", "EEE", "ALL"),
        ("BBB", "EEE", "ALL"),
    }


def test_obligations_follow_membership_and_dates(tiny):
    # Estoria left the Alliance on 2020-01-31; Borduria joined it on 2004-03-29.
    after = {(o.a, o.b) for o in defence.obligations(tiny, D(2020, 2, 1))}
    assert ("AAA", "EEE") not in after and ("BBB", "EEE") not in after
    before = {(o.a, o.b) for o in defence.obligations(tiny, D(2000, 1, 1))}
    assert before == {("AAA", "EEE")}


def test_defenders_names_every_basis(tiny):
    found = defence.defenders(tiny, "BBB", D(2010, 1, 1))
    assert sorted(found) == ["AAA", "EEE"]
    assert [o.basis for o in found["AAA"]] == [
        "Avalon–Borduria defence treaty",
        "Article 5 of the Alliance Treaty (Alliance)",
    ]


def test_defenders_of_nobody_is_empty(tiny):
    assert defence.defenders(tiny, "CCC", D(2010, 1, 1)) == {}


def test_seed_story_defence_difference(world):
    """Russia must defend North Korea (2024 treaty) but not Iran (2025 treaty, no such clause)."""
    day = D(2025, 6, 20)
    russia = defence.defenders(world, "RUS", day)
    assert "PRK" in russia and "IRN" not in russia
    assert "BLR" in russia  # CSTO Article 4


def test_nato_binds_france_and_the_united_kingdom(world):
    found = defence.defenders(world, "FRA", D(2025, 6, 20))
    assert any("North Atlantic Treaty" in o.basis for o in found["GBR"])
    earlier = defence.defenders(world, "FRA", D(1948, 1, 1))["GBR"]  # the Treaty of Dunkirk, 1947
    assert [o.via for o in earlier] == ["atop-3055-fra-gbr"]
