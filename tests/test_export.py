import csv
import io
import json
import re

import networkx as nx
import pytest

from graph import force_layout
from graph.export import FORMATS, export


def test_export_csv_starts_with_a_bom_and_names_both_ends(tiny):
    data = export(tiny, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    header = list(rows[0])
    assert header[header.index("source") + 1] == "source_actor_name"
    assert header[header.index("target") + 1] == "target_actor_name"
    assert all(r["source_actor_name"] == tiny.nodes[r["source"]]["name"] for r in rows)


def test_export_csv_lists_visible_ties_with_sources(tiny):
    rows = list(csv.DictReader(io.StringIO(export(tiny, "csv").decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == sorted(k for _, _, k in tiny.edges(keys=True))
    assert all(r["source_url"].startswith("https://") for r in rows)


def test_export_csv_neutralises_formulas(tiny):
    H = tiny.copy()
    H.edges["AAA", "BBB", "ab-treaty-2001"]["title"] = '=HYPERLINK("http://evil")'
    rows = list(csv.DictReader(io.StringIO(export(H, "csv").decode("utf-8-sig"))))
    assert next(r for r in rows if r["id"] == "ab-treaty-2001")["title"].startswith("'=")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_for_gephi_reads_back(tiny, fmt, tmp_path):
    path = tmp_path / f"view.{fmt}"
    path.write_bytes(export(tiny, fmt))
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
    assert back.number_of_edges() == tiny.number_of_edges()
    assert back.nodes["AAA"]["name"] == "Avalon"


def test_export_json_is_node_link_data(tiny):
    data = json.loads(export(tiny, "json"))
    assert len(data["nodes"]) == len(tiny) and len(data["edges"]) == tiny.number_of_edges()


def test_export_html_is_the_rendered_page(tiny):
    assert b"vis.Network" in export(tiny, "html", positions=force_layout(tiny))


@pytest.mark.parametrize("fmt", ["html", "png"])
def test_export_page_without_positions_spreads_the_nodes(tiny, fmt, monkeypatch):
    pages = []
    monkeypatch.setattr("graph.export.png", lambda page: pages.append(page) or b"")
    page = export(tiny, fmt).decode() if fmt == "html" else (export(tiny, fmt), pages[0])[1]
    data = json.loads(re.search(r"\.draw\((\{.*\})\);\n</script>", page, re.S)[1])
    spots = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(spots) == len(tiny) == len(data["nodes"])


def test_export_rejects_an_unknown_format(tiny):
    with pytest.raises(ValueError, match="expected one of"):
        export(tiny, "pdf")
    assert "pdf" not in FORMATS
