"""The command line, a thin face over the same functions the app uses."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from . import vocab
from .build import build
from .dates import parse_as_of
from .errors import DataError, GraphError, UsageError
from .export import FORMATS, export
from .filter import filter_graph
from .layout import force_layout
from .load import DEFAULT_DATA_DIR, load


def _csv_list(allowed: Mapping[str, object]) -> Callable[[str], list[str]]:
    def parse(text: str) -> list[str]:
        items = [t.strip() for t in text.split(",") if t.strip()]
        bad = [t for t in items if t not in allowed]
        if bad:
            raise argparse.ArgumentTypeError(f"unknown {', '.join(bad)} (expected some of: {', '.join(allowed)})")
        return items

    return parse


def _date(text: str):
    try:
        return parse_as_of(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m graph", description="Ties between states: check and export the data."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check the CSV files; list every problem")
    validate.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)

    exp = sub.add_parser("export", help="write the (filtered) graph to a file")
    exp.add_argument("--format", choices=FORMATS, required=True)
    exp.add_argument("--out", type=Path, required=True)
    exp.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    exp.add_argument("--as-of", type=_date, help="YYYY, YYYY-MM or YYYY-MM-DD")
    exp.add_argument("--types", type=_csv_list(vocab.TIE_TYPES), help="comma-separated tie types")
    exp.add_argument("--status", type=_csv_list(vocab.STATUSES), help="comma-separated statuses")
    exp.add_argument(
        "--focus",
        type=lambda t: [f.strip() for f in t.split(",") if f.strip()],
        help="actor id(s), such as IRN or RUS,IRN,PRK",
    )
    exp.add_argument("--depth", type=int, default=1)
    return parser


def _validate(args: argparse.Namespace) -> int:
    data = load(args.data_dir)
    print(f"OK: {len(data.actors)} actors, {len(data.relations)} ties, {len(data.memberships)} memberships.")
    return 0


def _export(args: argparse.Namespace) -> int:
    G = build(load(args.data))
    view = filter_graph(G, as_of=args.as_of, types=args.types, statuses=args.status, focus=args.focus, depth=args.depth)
    caption = f"As of {args.as_of}" if args.as_of else "All dates"
    payload = export(view, args.format, positions=force_layout(G), caption=caption)
    try:
        args.out.write_bytes(payload)
    except OSError as exc:
        raise UsageError(f"Cannot write {args.out}: {exc.strerror}.") from None
    print(f"Wrote {view.number_of_nodes()} actors and {view.number_of_edges()} ties to {args.out}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 bad data or request, 2 bad usage)."""
    args = _parser().parse_args(argv)
    try:
        return {"validate": _validate, "export": _export}[args.command](args)
    except DataError as exc:
        print(f"{len(exc.problems)} problem(s) found:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except GraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
