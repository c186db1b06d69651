"""The app's charts over the years: years read as years, tie types in the map's colours."""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import vocab


def _years(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (indexed by year) with the year as a date, so an axis prints '1990', not '1,990'."""
    out = frame.reset_index()
    out["year"] = pd.to_datetime(out["year"].astype(str), format="%Y")
    return out


def ties_chart(per_year: pd.DataFrame) -> alt.Chart:
    """Ties in force per year, one line per tie type (columns named by type, as in vocab),
    each in the colour the map draws that type in."""
    kinds = [t for t in vocab.TIE_TYPES if t in per_year.columns]
    long = _years(per_year[kinds]).melt("year", var_name="kind", value_name="ties")
    long["type"] = long["kind"].map(lambda t: vocab.TIE_TYPES[t].label)
    colours = alt.Scale(
        domain=[vocab.TIE_TYPES[t].label for t in kinds], range=[vocab.TIE_TYPES[t].colour for t in kinds]
    )
    return (
        alt.Chart(long)
        .mark_line()
        .encode(
            x=alt.X("year:T", title="Year", axis=alt.Axis(format="%Y")),
            y=alt.Y("ties:Q", title="Ties in force"),
            color=alt.Color("type:N", title="Tie type", scale=colours),
            tooltip=[alt.Tooltip("year:T", format="%Y"), "type:N", "ties:Q"],
        )
    )


def ratio_chart(ratios: pd.DataFrame) -> alt.Chart:
    """The balance ratio per year (a `ratio` column indexed by year), as a share."""
    return (
        alt.Chart(_years(ratios[["ratio"]]))
        .mark_line(color="#333333")
        .encode(
            x=alt.X("year:T", title="Year", axis=alt.Axis(format="%Y")),
            y=alt.Y("ratio:Q", title="Balance ratio", axis=alt.Axis(format="%")),
            tooltip=[alt.Tooltip("year:T", format="%Y"), alt.Tooltip("ratio:Q", format=".0%")],
        )
    )
