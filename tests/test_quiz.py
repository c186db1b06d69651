import datetime as dt

import pytest

from graph import filter_graph
from graph.errors import UsageError
from graph.pairs import pair_graph
from graph.quiz import KINDS, quiz, worksheet

DAYS = [dt.date(1962, 10, 16), dt.date(1991, 1, 1), dt.date(2025, 6, 20)]


def ids_of(H, names):
    by_name = {a["name"]: n for n, a in H.nodes(data=True)}
    return [by_name[x] for x in names]


def alive(t, day):
    return t["first_day"] <= day <= t["last_day"]


def check(H, q):
    """Recompute the truth of a question: its answer true, every other option false, at its date."""
    day = H.graph["as_of"]
    ties = [t for *_, t in H.edges(data=True)]
    right, wrong = q.options[q.answer], [o for i, o in enumerate(q.options) if i != q.answer]
    if q.kind == "mutual_defense":
        x = q.facts["actor"]
        allies = {
            t["source"] if t["target"] == x else t["target"]
            for t in ties
            if t["type"] == "treaty" and t["subtype"] == "mutual_defense" and x in (t["source"], t["target"])
        }
        # Collective defence, worked out here from the rows themselves: fellow members of an
        # organisation whose defence article is in force that day.
        for rule in H.graph["obligations"]:
            if alive(rule, day):
                members = {m["member"] for m in H.graph["memberships"] if m["organization"] == rule["organization"]}
                members = {
                    m
                    for m in members
                    if any(
                        alive(r, day)
                        for r in H.graph["memberships"]
                        if r["member"] == m and r["organization"] == rule["organization"]
                    )
                }
                if x in members:
                    allies |= members - {x}
        answer, *others = [q.facts["options"][q.answer]] + [
            o for i, o in enumerate(q.facts["options"]) if i != q.answer
        ]
        assert answer in allies and not allies & set(others)
    elif q.kind == "arms_supplier":
        x = q.facts["actor"]
        suppliers = {t["source"] for t in ties if t["type"] == "arms_supply" and t["target"] == x}
        answer, *others = [q.facts["options"][q.answer]] + [
            o for i, o in enumerate(q.facts["options"]) if i != q.answer
        ]
        assert answer in suppliers and not suppliers & set(others)
    elif q.kind == "sanctions_since":
        a, b = q.facts["source"], q.facts["target"]
        first = min(
            int(t["start"][:4])
            for t in ties
            if t["type"] == "sanctions" and (t["source"], t["target"]) == (a, b) and t["status"] == "confirmed"
        )
        assert right == str(first) and str(first) not in wrong
    elif q.kind == "disputed":
        status = {}
        for t in ties:
            status.setdefault(t["title"], set()).add(t["status"])
        assert "disputed" in status[right] and all(status[o] == {"confirmed"} for o in wrong)
    elif q.kind == "link":
        P = pair_graph(H)
        a, b = q.facts["a"], q.facts["b"]
        answer, *others = [q.facts["options"][q.answer]] + [
            o for i, o in enumerate(q.facts["options"]) if i != q.answer
        ]
        assert not P.has_edge(a, b) and P.has_edge(a, answer) and P.has_edge(answer, b)
        assert not any(P.has_edge(a, o) and P.has_edge(o, b) for o in others)
    elif q.kind == "not_member":
        org = q.facts["organization"]
        inside = {m["member"] for m in H.graph["memberships"] if m["organization"] == org and alive(m, day)}
        answer, *others = [q.facts["options"][q.answer]] + [
            o for i, o in enumerate(q.facts["options"]) if i != q.answer
        ]
        assert answer not in inside and set(others) <= inside
    else:
        raise AssertionError(q.kind)


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_question_is_true_at_its_date(world, day, seed):
    H = filter_graph(world, as_of=day)
    questions = quiz(H, 12, seed=seed)
    assert len(questions) == 12
    for q in questions:
        assert q.text.endswith("?") and len(q.options) == 4 and len(set(q.options)) == 4
        assert q.source_url.startswith(("http://", "https://"))
        check(H, q)


def test_quiz_covers_every_kind(world):
    H = filter_graph(world, as_of=dt.date(2025, 6, 20))
    assert {q.kind for q in quiz(H, 12, seed=5)} == set(KINDS)


def test_quiz_seeds_reproduce(world):
    H = filter_graph(world, as_of=dt.date(2025, 6, 20))
    assert quiz(H, 6, seed=9) == quiz(H, 6, seed=9)
    assert quiz(H, 6, seed=9) != quiz(H, 6, seed=10)


def test_quiz_on_the_tiny_data_asks_the_expected_questions(tiny):
    H = filter_graph(tiny, as_of=dt.date(2023, 1, 1))
    questions = quiz(H, 2, seed=1, kinds=("disputed", "arms_supplier"))
    disputed = next(q for q in questions if q.kind == "disputed")
    assert disputed.options[disputed.answer] == "Carpanian drones to Borduria"
    assert "denied by Carpania" in disputed.explanation


@pytest.mark.parametrize(("kwargs", "message"), [({"n": 0}, "1 to 50"), ({"n": 51}, "1 to 50")])
def test_quiz_explains_bad_requests(tiny, kwargs, message):
    with pytest.raises(UsageError, match=message):
        quiz(filter_graph(tiny, as_of=dt.date(2023, 1, 1)), seed=1, **kwargs)


def test_quiz_needs_a_date(tiny):
    with pytest.raises(UsageError, match="needs a date"):
        quiz(tiny, 3, seed=1)


def test_worksheet_prints_questions_then_the_key_on_its_own_page(world):
    H = filter_graph(world, as_of=dt.date(2025, 6, 20))
    page = worksheet(quiz(H, 5, seed=1), title="<Test>", day=dt.date(2025, 6, 20), paper="Letter")
    assert page.count("Answer: ____") == 5 and "Answer key" in page
    assert "break-before: page" in page and "size: letter" in page
    assert "&lt;Test&gt;" in page and "<Test>" not in page
    assert "<script" not in page


def test_mutual_defense_never_offers_a_nato_ally_of_france_as_wrong(world):
    """The quiz once marked the United Kingdom wrong for "a mutual-defence treaty with France"."""
    import random

    from graph.quiz import mutual_defense

    H = filter_graph(world, as_of=dt.date(2025, 6, 20))
    seen = 0
    for seed in range(400):
        q = mutual_defense(H, random.Random(seed))
        if q and q.facts["actor"] == "FRA":
            seen += 1
            wrong = {o for i, o in enumerate(q.facts["options"]) if i != q.answer}
            assert not wrong & {"GBR", "DEU", "USA", "ITA", "POL"}
    assert seen, "no question about France in 400 seeds"


def test_worksheet_is_a_template_that_escapes_every_text(tiny):
    from graph.quiz import source_checks
    from graph.still import still

    H = filter_graph(tiny, as_of=dt.date(2023, 6, 1))
    H.nodes["AAA"]["name"] = "<script>alert(1)</script>"
    checks, sources = source_checks(H, 2, seed=1)
    page = worksheet(
        quiz(H, 2, seed=1),
        title="<img src=x onerror=alert(1)>",
        day=dt.date(2023, 6, 1),
        picture=still(H, {n: (float(i), float(i % 2)) for i, n in enumerate(H)}, day=dt.date(2023, 6, 1)),
        checks=checks,
        sources=sources,
    )
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_worksheet_draws_the_view_with_its_legend_and_date(world):
    from graph.layout import geo_layout
    from graph.still import still

    day = dt.date(2025, 6, 20)
    H = filter_graph(world, as_of=day, focus=("RUS", "PRK", "IRN", "UKR"), among=True)
    picture = still(H, geo_layout(world), day=day, focus=("RUS",))
    page = worksheet(quiz(filter_graph(world, as_of=day), 3, seed=1), title="T", day=day, picture=picture)
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "As of 20 June 2025" in svg
    for label in ("Treaty", "Conflict", "Mutual defence"):  # the legend names what is drawn
        assert f">{label}</text>" in svg
    assert svg.count("<circle") == H.number_of_nodes() and ">Russia</text>" in svg
    # Drawn like the map: the treaty's blue, the mutual-defence double line, conflict's dashes.
    assert 'stroke="#0072B2"' in svg and 'stroke="#ffffff"' in svg and "stroke-dasharray" in svg
    from graph.render import merged_lines

    assert len(picture.lines) == len(merged_lines(H))  # one line per line the map draws


def test_source_checks_ask_who_claims_and_who_denies_a_contested_tie(tiny):
    from graph.quiz import source_checks

    H = filter_graph(tiny, as_of=dt.date(2023, 6, 1))
    checks, sources = source_checks(H, 5, seed=2)
    assert {q.facts["tie"] for q in checks} == {"cb-arms-2022", "ea-arms-2023"}  # the alleged and the disputed
    for q in checks:
        assert q.text.startswith(f"Open source {sources.index(q.source_url) + 1}.")
    disputed = next(q for q in checks if q.facts["tie"] == "cb-arms-2022")
    assert disputed.options[disputed.answer] == "Disputed: claimed by Avalon, denied by Carpania"
    alleged = next(q for q in checks if q.facts["tie"] == "ea-arms-2023")
    assert alleged.options[alleged.answer].startswith("Alleged: claimed by Borduria")
    assert source_checks(filter_graph(tiny, as_of=dt.date(2001, 6, 1)), 5, seed=2) == ([], [])
