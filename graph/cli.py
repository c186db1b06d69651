"""The command line, a thin face over the same functions the app uses."""

from __future__ import annotations

import argparse
import csv
import io
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
from .schema import RELATIONS


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
    imp = sub.add_parser("import", help="turn a research dataset export into ties (see data/README.md)")
    imp.add_argument("dataset", choices=("sipri", "ucdp", "atop"))
    imp.add_argument("export", type=Path, nargs="+", help="the file(s) downloaded from the dataset's site")
    imp.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="folder whose actors.csv names the actors")
    imp.add_argument("--since", type=int, help="first year to use (sipri: 1950, ucdp: 1946, atop: 1945)")
    imp.add_argument("--until", type=int, default=9999, help="last year to use (sipri only)")
    imp.add_argument("--min-tiv", type=float, default=500.0, help="sipri: smallest total TIV that makes a tie")
    target = imp.add_mutually_exclusive_group()
    target.add_argument("--out", type=Path, help="write the rows to this CSV file (default: print them)")
    target.add_argument("--into", action="store_true", help="merge the rows into the --data folder's relations.csv")

    stats = sub.add_parser("stats", help="counts of actors, ties, statuses, sources and dates")
    stats.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    return parser


def _import(args: argparse.Namespace) -> int:
    from .imports import Resolver, atop, sipri, ucdp
    from .imports.merge import merge

    resolver = Resolver(load(args.data).actors)
    missing = [str(p) for p in args.export if not p.is_file()]
    if missing:
        raise UsageError(f"There is no file {', '.join(missing)}.")
    if args.dataset != "sipri" and len(args.export) > 1:
        raise UsageError(f"{args.dataset} takes one export file.")
    module = {"sipri": sipri, "ucdp": ucdp, "atop": atop}[args.dataset]
    options = {"since": args.since} if args.since else {}
    if args.dataset == "sipri":
        options.update(until=args.until, min_tiv=args.min_tiv)
    try:
        rows, unknown = module.derive(args.export if args.dataset == "sipri" else args.export[0], resolver, **options)
    except KeyError as exc:
        names = ", ".join(map(str, args.export))
        raise UsageError(f"{names} does not look like a {args.dataset} export (no column {exc}).") from None
    print(
        f"{len(rows)} ties derived; {len(unknown)} names or codes are not actors here and were skipped.",
        file=sys.stderr,
    )
    if args.into:
        added, left_out = merge(args.data, args.dataset, rows)
        print(f"Merged {len(added)} ties into {args.data}; {len(left_out)} left to curated rows.", file=sys.stderr)
        return 0
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(RELATIONS.columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    if args.out:
        args.out.write_text(out.getvalue(), encoding="utf-8")
    else:
        sys.stdout.write(out.getvalue())
    return 0


def _stats(args: argparse.Namespace) -> int:
    from .stats import stats_text

    print(stats_text(load(args.data)))
    return 0


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
        commands = {"validate": _validate, "export": _export, "import": _import, "stats": _stats}
        return commands[args.command](args)
    except DataError as exc:
        print(f"{len(exc.problems)} problem(s) found:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except GraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
