import datetime as dt
import json
import re
from pathlib import Path

import pytest

import graph
from graph import filter_graph, force_layout, render_html
from graph.render import asset, map_data, map_script, merged_lines, to_network


def data_of(html):
    """The JSON the page hands to the map script."""
    match = re.search(r"\.draw\((\{.*?\})\);\n", html)
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page(tiny):
    return render_html(tiny, force_layout(tiny), caption="All dates")


def test_render_html_needs_no_network(page):
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", page)
    assert "cdn" not in page.lower().replace("vis-network", "")
    assert "default-src 'none'" in page  # the page itself forbids outside requests


def test_render_html_uses_actor_ids_and_fixed_positions(tiny, page):
    data = data_of(page)
    assert sorted(n["id"] for n in data["nodes"]) == sorted(tiny)
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    assert len(data["edges"]) == tiny.number_of_edges()


def test_render_html_draws_each_type_its_own_way(page):
    data = data_of(page)
    edges, styles = {e["id"]: e for e in data["edges"]}, data["styles"]
    assert styles[edges["ca-sanctions-2021"]["kind"]]["arrow"] is True
    assert styles[edges["bc-conflict-2020"]["kind"]]["arrow"] is False
    one_of_each = ("ab-treaty-2001", "ab-arms-2010", "ca-sanctions-2021", "bc-conflict-2020")
    assert len({str(styles[edges[k]["kind"]]["dashes"]) for k in one_of_each}) == 4
    assert len({styles[edges[k]["kind"]]["color"] for k in one_of_each}) == 4
    assert edges["cb-arms-2022"]["note"] == "disputed" and "note" not in edges["ab-treaty-2001"]
    assert edges["cb-arms-2022"]["alpha"] < 1 and "alpha" not in edges["ab-treaty-2001"]


def test_render_html_bends_parallel_ties_apart(page):
    edges = {e["id"]: e for e in data_of(page)["edges"]}
    pair = [edges["ab-arms-2010"]["smooth"], edges["ab-treaty-2001"]["smooth"]]
    assert all(s and s["enabled"] for s in pair)
    assert {s["type"] for s in pair} == {"curvedCW", "curvedCCW"}
    assert "smooth" not in edges["ca-sanctions-2021"]  # a lone tie stays straight (the default)


def test_render_html_tooltips_carry_dates_status_claims_and_source(page):
    data = data_of(page)
    edge = {e["id"]: e for e in data["edges"]}["cb-arms-2022"]
    tip = edge["tip"]
    assert tip["title"] == "Carpanian drones to Borduria"
    assert (edge["from"], edge["to"]) == ("CCC", "BBB")  # the page writes "Carpania → Borduria"
    assert "Arms supply (drones), since 2022-09" in tip["lines"]
    assert "Claimed by: Avalon" in tip["lines"] and "Denied by: Carpania" in tip["lines"]
    assert data["sources"][tip["src"]] == ["https://example.org/cb-drones", "Example"]


def test_render_html_escapes_every_csv_text():
    G = graph.build(graph.load(Path(__file__).parent / "data" / "hostile"))
    page = render_html(G, force_layout(G), caption="<b>caption</b>")
    script = page.split("<script>", 2)[2]
    assert "<script>window" not in page and "<img" not in page and "<svg onload" not in page
    assert "</script><script>window" not in page
    assert "<b>caption" not in page and data_of(page)["caption"] == "<b>caption</b>"  # shown with textContent
    assert "innerHTML" not in script
    assert data_of(page)["nodes"][0]["label"] == '<script>window.__pwned="script"</script>'


def test_to_network_does_not_change_the_graph(tiny):
    before = [(u, v, k, dict(d)) for u, v, k, d in tiny.edges(keys=True, data=True)]
    to_network(tiny, force_layout(tiny))
    assert [(u, v, k, dict(d)) for u, v, k, d in tiny.edges(keys=True, data=True)] == before


def test_render_html_of_an_empty_view_says_so(tiny):
    page = render_html(filter_graph(tiny, types=[]), {})
    assert data_of(page)["nodes"] == [] and "No ties match these filters." in page


def test_map_data_is_json_safe_inside_a_script(tiny):
    data = map_data(tiny, force_layout(tiny), caption="</script><b>", blocs=[("Bloc 1", "#77AADD")], present=True)
    assert "<" not in data and ">" not in data and "&" not in data
    parsed = json.loads(data)
    assert parsed["caption"] == "</script><b>" and parsed["blocs"] == [["Bloc 1", "#77AADD"]]
    assert parsed["labelPx"] == 26 and parsed["present"] is True
    assert [row["label"] for row in parsed["legend"]][:2] == ["Treaty", "Sanctions"]


def test_map_script_and_styles_are_trusted_text_for_a_page():
    for name in ("map.js", "map.css", "labels.js", "basemap.js"):
        text = asset(name)
        assert "</script" not in text.lower() and "</style" not in text.lower()
    assert "innerHTML" not in map_script() and "eval(" not in map_script()
    assert "</script" not in map_script().lower()


def test_render_html_styles_mutual_defence_apart(page):
    data = data_of(page)
    edges, styles = {e["id"]: e for e in data["edges"]}, data["styles"]
    defence = styles[edges["ab-treaty-2001"]["kind"]]  # subtype mutual_defense
    treaty = styles[edges["de-treaty-1970"]["kind"]]  # subtype friendship
    assert defence["double"] is True and treaty["double"] is False
    assert defence["width"] > treaty["width"] and defence["color"] == treaty["color"]  # still blue: a treaty
    assert {"label": "Mutual defence", "hint": "each must defend the other"}.items() <= next(
        row for row in data["legend"] if row["double"]
    ).items()


TREATY_AB, ARMS_AB = ("treaty", "AAA", "BBB"), ("arms_supply", "AAA", "BBB")


@pytest.mark.parametrize(
    ("ties", "lines"),
    [
        (["AAA BBB treaty 2000", "BBB AAA treaty 2001", "AAA BBB treaty 2002"], {("treaty", "AAA", "BBB"): 3}),
        (
            ["AAA BBB arms_supply 2000", "BBB AAA arms_supply 2001"],
            {("arms_supply", "AAA", "BBB"): 1, ("arms_supply", "BBB", "AAA"): 1},
        ),
        (
            ["AAA BBB treaty 2000", "AAA BBB sanctions 2001"],
            {("treaty", "AAA", "BBB"): 1, ("sanctions", "AAA", "BBB"): 1},
        ),
        (["AAA BBB treaty 2000", "AAA BBB treaty 2001 - alleged"], {("treaty", "AAA", "BBB"): 1}),
    ],
)
def test_merged_lines_one_line_per_style_direction_and_status(ties, lines, make_graph):
    found = merged_lines(make_graph(*ties))
    assert {(style, a, b): len(keys) for (style, a, b, *_), keys in found.items()} == lines
    assert sum(len(keys) for keys in found.values()) == len(ties)  # every tie on exactly one line


def test_map_data_lists_every_tie_of_a_merged_line(make_graph):
    G = make_graph("AAA BBB treaty 2000", "BBB AAA treaty 2001", "AAA CCC treaty 2002")
    data = json.loads(map_data(G, force_layout(G)))
    assert len(data["edges"]) == 2
    merged = next(e for e in data["edges"] if "ties" in e)
    assert merged["ties"] == ["t0", "t1"] and [t["title"] for t in merged["tip"]["items"]] == ["Tie 0", "Tie 1"]
    assert merged["tip"]["title"] == "2 ties: treaty"


def test_map_data_base_map_shades_the_view_and_dates_its_borders(world):
    from graph import geo
    from graph.layout import geo_layout

    past = filter_graph(world, as_of=dt.date(1980, 1, 1), focus=["SUN"], depth=1)
    data = json.loads(map_data(past, geo_layout(world), base_map=True))
    names = {geo.world()["shapes"][i]["name"] for i in data["baseMap"]["shaded"]}
    assert "Russia" in names and data["baseMap"]["note"] == "Borders as of today"  # the Soviet Union's capital
    assert "Greenland" not in names
    now = filter_graph(world, as_of=dt.date(2025, 6, 1))
    assert json.loads(map_data(now, geo_layout(world), base_map=True))["baseMap"]["note"] == ""
    assert json.loads(map_data(now, geo_layout(world)))["baseMap"] is None


def test_to_network_pales_and_explains_unconfirmed_and_approximate_ties(world):
    import datetime as dt

    H = filter_graph(world, as_of=dt.date(2025, 6, 1), focus="RUS", depth=1)
    net = to_network(H, {})
    edges = {e["id"]: e for e in net.edges}
    old = edges["atop-4265-rus-usa"]  # ATOP ends in 2016; nobody has confirmed it since
    assert old["alpha"] <= 0.3
    assert any(line.startswith("Unconfirmed after 2016") for line in old["tip"]["lines"])
    sure = edges["rus-prk-treaty-2024"]
    assert "alpha" not in sure and not any("Unconfirmed" in line for line in sure["tip"]["lines"])
    H = filter_graph(world, as_of=dt.date(2024, 11, 15), focus="PRK", depth=1)
    soon = {e["id"]: e for e in to_network(H, {}).edges}["prk-rus-artillery-systems-2024"]
    assert soon["alpha"] <= 0.3 and any(line.startswith("Dates known only as") for line in soon["tip"]["lines"])


def test_members_of_a_defence_alliance_are_drawn_as_an_obligation(world):
    """NATO's Article 5 binds every member: their links to NATO are drawn in the treaty's
    blue, named in the legend, and the link's details give the article."""
    import datetime as dt

    from graph.state import ViewState
    from graph.view import make_view

    view = make_view(world, {}, ViewState(as_of=dt.date(2025, 6, 1), focus=("NATO",), members=("NATO", "SCO")))
    data = json.loads(view.data)
    kinds = {e["id"]: e["kind"] for e in data["edges"]}
    assert kinds["member-FRA-NATO-1949-04-04"] == "defence_membership"
    sco = {k for i, k in kinds.items() if "-SCO-" in i}
    assert sco == {"membership"}  # the SCO binds nobody to defend anybody
    link = next(e for e in data["edges"] if e["id"] == "member-FRA-NATO-1949-04-04")
    assert any(line.startswith("Bound to defend the other members: Article 5") for line in link["tip"]["lines"])
    labels = [row["label"] for row in data["legend"]]
    assert "Member of a defence alliance" in labels and "Member of" in labels
    assert data["styles"]["defence_membership"]["color"] == data["styles"]["treaty"]["color"]


def test_a_defence_guarantee_is_a_double_line_with_an_arrow(world):
    import datetime as dt

    H = filter_graph(world, as_of=dt.date(2025, 6, 1), focus="PLW")
    data = json.loads(map_data(H, {}))
    compact = next(e for e in data["edges"] if e["id"] == "usa-plw-compact-1994")
    style = data["styles"][compact["kind"]]
    assert compact["kind"] == "defense_guarantee" and style["double"] and style["arrow"]
    assert (compact["from"], compact["to"]) == ("USA", "PLW")


def test_the_shipped_static_vis_network_is_pyvis_own():
    """static/ is committed, so a read-only app folder serves the map without writing; it
    must stay the very file pyvis ships."""
    from pathlib import Path

    from graph.render import VIS_JS

    shipped = Path(__file__).parent.parent / "static" / "vis-network.min.js"
    assert shipped.read_bytes() == VIS_JS.read_bytes()
