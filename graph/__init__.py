"""Ties between states — treaty, sanctions, arms supply, conflict — as a graph to explore."""

from .build import build
from .errors import DataError, GraphError, Problem, UsageError
from .filter import filter_graph
from .layout import force_layout
from .load import DEFAULT_DATA_DIR, Dataset, load, load_bytes
from .render import render_html

__all__ = [
    "DEFAULT_DATA_DIR",
    "DataError",
    "Dataset",
    "GraphError",
    "Problem",
    "UsageError",
    "build",
    "filter_graph",
    "force_layout",
    "load",
    "load_bytes",
    "render_html",
]
