import pytest

import graph
from graph.errors import DataError
from graph.stories import load_stories
from graph.view import highlightable, make_view

GOOD = """
[[story]]
id = "tiny"
title = "A tiny story"

[[story.step]]
as_of = "2023"
focus = ["CCC"]
caption = "Carpania at war."
sources = ["https://example.org/bc-war"]
"""


@pytest.fixture(scope="module")
def shipped():
    data = graph.load()
    return data, load_stories(actors=set(data.actors["id"]), ties=highlightable(graph.build(data)))


def test_load_stories_reads_the_ties_a_step_highlights(tmp_path):
    path = tmp_path / "stories.toml"
    path.write_text(GOOD.replace('focus = ["CCC"]', 'focus = ["CCC"]\nhighlight = ["bc-war"]'))
    (story,) = load_stories(path, actors={"CCC"}, ties={"bc-war"})
    assert story.steps[0].highlight == frozenset({"bc-war"})


def test_load_stories_reads_a_story(tmp_path):
    path = tmp_path / "stories.toml"
    path.write_text(GOOD)
    (story,) = load_stories(path, actors={"CCC"})
    assert (story.id, story.title, len(story.steps)) == ("tiny", "A tiny story", 1)
    assert story.steps[0].state.focus == ("CCC",) and story.steps[0].state.as_of.isoformat() == "2023-12-31"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('focus = ["CCC"]', 'focus = ["ZZZ"]'), "focus: got ['ZZZ']"),
        (('as_of = "2023"', 'as_of = "2023-02-30"'), "as_of: got '2023-02-30', which is not a real date"),
        (('sources = ["https://example.org/bc-war"]', 'sources = ["javascript:alert(1)"]'), "sources: expected"),
        (('caption = "Carpania at war."', 'caption = ""'), "caption: required value is empty"),
        (('id = "tiny"', 'id = "Tiny Story"'), "id: got 'Tiny Story'"),
        (('as_of = "2023"', 'as_of = "2023"\nzoom = 3'), "unknown key(s) zoom"),
        (('title = "A tiny story"', 'title = "A tiny story'), "is not valid TOML"),
        (('focus = ["CCC"]', 'focus = ["CCC"]\nhighlight = ["no-such-tie"]'), "highlight: got ['no-such-tie']"),
        (('focus = ["CCC"]', 'focus = ["CCC"]\nhighlight = "bc-war"'), "highlight: got 'bc-war', expected a list"),
    ],
)
def test_load_stories_lists_problems(tmp_path, change, message):
    path = tmp_path / "stories.toml"
    path.write_text(GOOD.replace(*change))
    with pytest.raises(DataError) as caught:
        load_stories(path, actors={"CCC"}, ties={"bc-war"})
    assert message in str(caught.value)


def test_shipped_stories_are_at_least_six_with_the_required_ones(shipped):
    _, stories = shipped
    titles = {s.title for s in stories}
    assert len(stories) >= 6
    assert {
        "Russia, Iran and North Korea: the treaties of 2024–25",
        "NATO from 12 to 32",
        "The Cold War blocs in 1962",
        "Sanctions on Russia since 2014",
        "Who arms Ukraine",
        "Israel, Iran and their partners",
    } <= titles


def test_every_shipped_story_step_draws_and_cites(shipped, world):
    data, stories = shipped
    urls = set(data.relations["source_url"]) | set(data.memberships["source_url"]) | set(data.claims["source_url"])
    for story in stories:
        for step in story.steps:
            view = make_view(world, {}, step.state)
            assert view.graph.number_of_nodes() > 0, (story.id, step.caption)
            assert set(step.sources) <= urls, f"{story.id}: a source no row cites"


def test_the_nato_story_counts_members(shipped, world):
    _, stories = shipped
    nato = next(s for s in stories if s.id == "nato-12-to-32")
    counts = [make_view(world, {}, step.state).data.count('"id":"member-') for step in nato.steps]
    assert counts[0] == 12 and counts[-1] == 32


def test_the_seed_story_shows_nothing_before_it_happened(shipped, world):
    """Each step shows only ties that had begun by its day: North Korea fights Ukraine only
    from November 2024, the 1997 Russia-Ukraine treaty (ended 2019) never appears, and no
    tie between the two is drawn as unconfirmed."""
    from graph.view import filtered

    _, stories = shipped
    story = next(s for s in stories if s.id == "russia-iran-north-korea")
    seen_fighting = []
    for step in story.steps:
        H = filtered(world, step.state)
        day = step.state.as_of
        for *_, tie in H.edges(data=True):
            assert tie["first_day"] <= day, tie["id"]
            assert tie["sure_from"] <= day or tie["approximate"], tie["id"]
        ties = {k for *_, k in H.edges(keys=True)}
        assert "atop-4875-rus-ukr" not in ties
        seen_fighting.append("prk-ukr-fighting-2024-11" in ties)
        assert not any(t["unconfirmed"] for u, v, t in H.edges(data=True) if {u, v} == {"RUS", "UKR"})
    assert seen_fighting == [False, False, False, True, True]


def test_the_troops_step_shows_the_tie_as_claimed_and_denied_that_day(shipped, world):
    """On 15 November 2024 Russia and North Korea still denied sending the troops (claims.csv):
    the step's view, table and caption say disputed, not what was admitted in April 2025."""
    _, stories = shipped
    story = next(s for s in stories if s.id == "russia-iran-north-korea")
    step = next(s for s in story.steps if "prk-rus-troops-2024" in s.highlight)
    view = make_view(world, {}, step.state)
    tie = next(t for *_, k, t in view.graph.edges(keys=True, data=True) if k == "prk-rus-troops-2024")
    assert (tie["status"], tie["denied_by"]) == ("disputed", "RUS|PRK")
    row = view.table[view.table.title == tie["title"]].iloc[0]
    assert row.status == "Disputed" and "denied by Russia, North Korea" in row.claims
    assert "deny it" in step.caption and "disputed" in step.caption


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('play_until = "2022"', "play_until: got 2022-12-31, expected a day after as_of"),
        ('play_until = "soon"', "play_until: got 'soon'"),
        ('play_until = "2025"\nplay_by = "week"', "play_by: got 'week', expected one of year, month"),
    ],
)
def test_load_stories_checks_a_steps_play_window(tmp_path, extra, message):
    path = tmp_path / "stories.toml"
    path.write_text(GOOD.replace('focus = ["CCC"]', 'focus = ["CCC"]\n' + extra))
    with pytest.raises(DataError) as caught:
        load_stories(path, actors={"CCC"})
    assert any(message in str(p) for p in caught.value.problems), caught.value.problems


def test_load_stories_reads_a_steps_play_window(tmp_path):
    path = tmp_path / "stories.toml"
    path.write_text(GOOD.replace('focus = ["CCC"]', 'focus = ["CCC"]\nplay_until = "2025-03"\nplay_by = "month"'))
    (story,) = load_stories(path, actors={"CCC"})
    assert (story.steps[0].play_until.isoformat(), story.steps[0].play_by) == ("2025-03-31", "month")
