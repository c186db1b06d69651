import pandas as pd

from graph import vocab
from graph.charts import ratio_chart, ties_chart


def per_year():
    return pd.DataFrame(
        {"year": [1990, 1991], **{t: [1, 2] for t in vocab.TIE_TYPES}},
    ).set_index("year")


def test_ties_chart_reads_years_as_years_in_the_maps_colours():
    spec = ties_chart(per_year()).to_dict()
    assert spec["encoding"]["x"]["type"] == "temporal" and spec["encoding"]["x"]["axis"]["format"] == "%Y"
    scale = spec["encoding"]["color"]["scale"]
    assert scale["range"] == [t.colour for t in vocab.TIE_TYPES.values()]
    assert scale["domain"] == [t.label for t in vocab.TIE_TYPES.values()]
    years = {row["year"][:4] for row in next(iter(spec["datasets"].values()))}
    assert years == {"1990", "1991"}


def test_ratio_chart_reads_years_as_years():
    spec = ratio_chart(pd.DataFrame({"year": [1990], "ratio": [0.5]}).set_index("year")).to_dict()
    assert spec["encoding"]["x"]["axis"]["format"] == "%Y" and spec["encoding"]["y"]["axis"]["format"] == "%"
