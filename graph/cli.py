"""The command line, a thin face over the same functions the app uses."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType

from . import vocab
from .balance import THEORY, balance, describe
from .blocs import blocs
from .build import build
from .dates import parse_as_of
from .diff import diff
from .errors import DataError, GraphError, UsageError
from .export import FORMATS, export
from .filter import filter_graph
from .layout import LAYOUTS
from .lens import said_by, spoken_name, voices
from .load import DEFAULT_DATA_DIR, load
from .paths import shortest_paths
from .profile import profile
from .rank import MEASURES, rank
from .state import ViewState
from .tables import relations_csv
from .view import filtered, latest_date


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
    exp.add_argument("--among", action="store_true", help="only the ties among the --focus actors")
    exp.add_argument("--layout", choices=list(LAYOUTS), default="force", help="force (network) or geo (map)")
    imp = sub.add_parser("import", help="turn a research dataset export into ties (see data/README.md)")
    imp.add_argument("dataset", choices=("sipri", "ucdp", "atop"))
    imp.add_argument("export", type=Path, nargs="+", help="the file(s) downloaded from the dataset's site")
    imp.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="folder whose actors.csv names the actors")
    imp.add_argument("--since", type=int, help="first year to use (sipri: 1950, ucdp: 1946, atop: 1945)")
    imp.add_argument("--until", type=int, default=9999, help="last year to use (sipri only)")
    imp.add_argument("--min-tiv", type=float, default=500.0, help="sipri: smallest total TIV that makes a tie")
    imp.add_argument("--top", type=int, default=3, help="sipri: also each recipient's N largest suppliers…")
    imp.add_argument("--floor", type=float, default=10.0, help="sipri: …whose total TIV reaches this")
    target = imp.add_mutually_exclusive_group()
    target.add_argument("--out", type=Path, help="write the rows to this CSV file (default: print them)")
    target.add_argument("--into", action="store_true", help="merge the rows into the --data folder's relations.csv")

    audit = sub.add_parser("audit", help="list every row that breaks a truth rule (data/README.md)")
    audit.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    stats = sub.add_parser("stats", help="counts of actors, ties, statuses, sources and dates")
    stats.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)

    def view_options(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
        p.add_argument("--as-of", type=_date, help="YYYY, YYYY-MM or YYYY-MM-DD (default: all dates)")
        p.add_argument("--types", type=_csv_list(vocab.TIE_TYPES), help="comma-separated tie types")
        p.add_argument("--status", type=_csv_list(vocab.STATUSES), help="comma-separated statuses")
        return p

    who = view_options(sub.add_parser("profile", help="one actor's ties, organisations and summary"))
    who.add_argument("actor", nargs="?", help="an id such as IRN or a name such as Iran")
    who.add_argument(
        "--as-claimed-by",
        metavar="ID",
        help="instead, what this actor claims and denies ('Who says so?'): one sentence per contested tie",
    )
    path = view_options(sub.add_parser("path", help="every shortest chain of ties between two actors"))
    path.add_argument("source")
    path.add_argument("target")
    ranking = view_options(sub.add_parser("rank", help="who matters most, by a measure"))
    ranking.add_argument("--measure", choices=list(MEASURES), default="ties")
    ranking.add_argument("--top", type=int, default=10)
    view_options(sub.add_parser("blocs", help="communities of cooperation (Louvain, fixed seed)"))
    view_options(sub.add_parser("balance", help="balanced and unbalanced triangles"))
    bench = sub.add_parser("bench", help="measure speed on the shipped and synthetic data, beside naive pyvis")
    bench.add_argument("--quick", action="store_true", help="fewer runs and sizes: under a minute")
    bench.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    bench.add_argument("--no-browser", action="store_true", help="server-side figures only")
    for command, text in (("quiz", "questions generated from the data"), ("worksheet", "a printable worksheet")):
        q = view_options(sub.add_parser(command, help=text))
        q.add_argument("--n", type=int, default=10, help="how many questions (1–50)")
        q.add_argument("--seed", type=int, default=1, help="the same seed gives the same questions")
        q.add_argument("--region", choices=["Africa", "Americas", "Asia", "Europe", "Oceania"])
        if command == "worksheet":
            q.add_argument("--out", type=Path, required=True)
            q.add_argument("--paper", choices=["A4", "Letter"], default="A4")
            q.add_argument("--layout", choices=["geo", "force"], default="geo", help="the picture's layout")
            q.add_argument("--checks", type=int, default=3, help="'check the source' questions (0–10)")
    tales = sub.add_parser("stories", help="the guided stories: one per line, id and title")
    tales.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    change = sub.add_parser("diff", help="ties and memberships begun and ended between two dates")
    change.add_argument("first", type=_date)
    change.add_argument("second", type=_date)
    change.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    change.add_argument("--types", type=_csv_list(vocab.TIE_TYPES))
    change.add_argument("--status", type=_csv_list(vocab.STATUSES))
    return parser


def _view(args: argparse.Namespace):
    G = build(load(args.data))
    return G, filter_graph(G, as_of=args.as_of, types=args.types, statuses=args.status, keep_isolates=True)


def _actor(G, text: str) -> str:
    """An actor id from an id or a name, case-insensitive."""
    wanted = text.strip().casefold()
    for n, a in G.nodes(data=True):
        if wanted in (n.casefold(), a["name"].casefold(), *(x.casefold() for x in a["aliases"])):
            return n
    raise UsageError(f"There is no actor called {text!r}. Use an id such as IRN or a name such as Iran.")


def _profile(args: argparse.Namespace) -> int:
    G, H = _view(args)
    if args.as_claimed_by is not None:
        return _said(G, H, args.as_claimed_by)
    if not args.actor:
        print("error: name an actor (such as IRN), or give --as-claimed-by ID.", file=sys.stderr)
        return 2
    p = profile(H, _actor(G, args.actor))
    print(p.summary, end="\n\n")
    for kind, rows in p.groups.items():
        if rows:
            print(f"{vocab.TIE_TYPES[kind].label} ({len(rows)}):")
            for r in rows:
                print(f"  {p.name} {r['phrase']} — {r['title']} <{r['source_url']}>")
    if p.organizations:
        print("Organisations: " + ", ".join(f"{o['organization']} (since {o['joined']})" for o in p.organizations))
    return 0


def _said(G, H, voice: str) -> int:
    """What `voice` claims and denies in the view, one sentence per tie; an id that claims
    nothing is a usage error (exit 2) that lists the ids that do."""
    heard = voices(G)
    if voice not in heard:
        print(
            f"error: {voice!r} claims or denies no tie. Use one of these ids: {', '.join(sorted(heard))}.",
            file=sys.stderr,
        )
        return 2
    day = H.graph.get("as_of")
    when = f"as of {day.day} {day:%B %Y}" if day else "over all the years covered"
    said = said_by(H, voice)
    print(f"Who says so? The ties {spoken_name(G, voice)} claims or denies, {when}:")
    for s in said:
        print(f"  {'denies' if s.stance == 'denies' else 'claims'}: {s.sentence}")
    if not said:
        print("  none among the contested ties of this view.")
    return 0


def _path(args: argparse.Namespace) -> int:
    G, H = _view(args)
    a, b = _actor(G, args.source), _actor(G, args.target)
    found = shortest_paths(H, a, b)
    if not found:
        print(f"No chain of ties links {G.nodes[a]['name']} and {G.nodes[b]['name']} in this view.")
        return 1
    hops = len(found[0].hops)
    print(f"{len(found)} shortest chain(s) of {hops} tie(s):")
    for p in found:
        print(f"  {p.story(H)}")
        for hop in p.hops:
            print(f"      {hop.tie['title']} <{hop.tie['source_url']}>")
    return 0


def _rank(args: argparse.Namespace) -> int:
    _, H = _view(args)
    rows = rank(H, args.measure, top=args.top)
    print(f"{args.measure}: {MEASURES[args.measure]}")
    for i, r in enumerate(rows, start=1):
        extra = "  " + ", ".join(f"{t} {r[t]}" for t in vocab.TIE_TYPES if r.get(t)) if args.measure == "ties" else ""
        print(f"{i:>3}. {r['name']:<28} {r['score']:g}{extra}")
    return 0


def _blocs(args: argparse.Namespace) -> int:
    _, H = _view(args)
    for b in blocs(H):
        org = (
            f"; closest organisation: {b.closest_organization} (overlap {b.overlap:.0%})"
            if b.closest_organization
            else ""
        )
        members = ", ".join(H.nodes[n]["name"] for n in b.members[:12]) + (" …" if len(b.members) > 12 else "")
        print(f"{b.number}. {b.label} — {len(b.members)} members{org}\n   {members}")
    return 0


def _balance(args: argparse.Namespace) -> int:
    _, H = _view(args)
    result = balance(H)
    print(THEORY, end="\n\n")
    ratio = f"{result.ratio:.0%}" if result.ratio is not None else "n/a"
    print(f"Triangles: {result.balanced} balanced, {result.unbalanced} unbalanced (balance ratio {ratio}).")
    for t in result.telling:
        print(f"  Unbalanced: {describe(H, t)}")
    return 0


def _questions(args: argparse.Namespace):
    from .quiz import quiz

    G = build(load(args.data))
    day = args.as_of or latest_date(G)
    H = filter_graph(G, as_of=day, types=args.types, statuses=args.status)
    if args.region:
        keep = [n for n, r in H.nodes(data="region") if r == args.region or H.nodes[n]["kind"] == "organization"]
        H = H.subgraph(keep).copy()
    return (
        (day, quiz(H, args.n, seed=args.seed), H, G)
        if args.command == "worksheet"
        else (day, quiz(H, args.n, seed=args.seed))
    )


def _quiz(args: argparse.Namespace) -> int:
    _, questions, *_ = _questions(args)
    for i, q in enumerate(questions, start=1):
        print(f"{i}. {q.text}")
        for letter, option in zip("ABCD", q.options, strict=False):
            print(f"   {letter}. {option}")
        print(f"   Answer: {'ABCD'[q.answer]}. {q.options[q.answer]} — {q.explanation}")
        print(f"   Source: {q.source_url}")
    return 0


def _worksheet(args: argparse.Namespace) -> int:
    from .layout import LAYOUTS
    from .quiz import source_checks, worksheet
    from .still import still

    if not 0 <= args.checks <= 10:
        raise UsageError("Ask for 0 to 10 'check the source' questions (--checks).")
    day, questions, H, G = _questions(args)
    checks, sources = source_checks(H, args.checks, seed=args.seed)
    picture = still(H.subgraph([n for n in H if H.degree(n)]), LAYOUTS[args.layout](G), day=day)
    page = worksheet(
        questions,
        title="Ties between states: a worksheet",
        day=day,
        paper=args.paper,
        picture=picture,
        checks=checks,
        sources=sources,
    )
    try:
        args.out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"Cannot write {args.out}: {exc.strerror}.") from None
    print(f"Wrote {len(questions)} questions and the answer key to {args.out}.")
    return 0


def devtool(name: str) -> ModuleType:
    """A module of `devtools/`, the developer tools kept out of the installed package: found
    beside `graph/` in a clone of the repository, whatever the working directory."""
    root = Path(__file__).resolve().parent.parent
    if not (root / "devtools" / f"{name}.py").is_file():
        raise UsageError(f"{name} is a developer tool: run it from a clone of the repository (devtools/{name}.py).")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return importlib.import_module(f"devtools.{name}")


def _bench(args: argparse.Namespace) -> int:
    print(devtool("bench").main(quick=args.quick, json_path=args.json, browser=not args.no_browser))
    return 0


def _stories(args: argparse.Namespace) -> int:
    from .stories import FILE, load_stories
    from .view import highlightable

    G = build(load(args.data))
    for story in load_stories(args.data / FILE, actors=set(G), ties=highlightable(G)):
        print(f"{story.id}\t{story.title}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    G = build(load(args.data))
    d = diff(G, args.first, args.second, types=args.types, statuses=args.status)
    if d.empty:
        print(f"Nothing changed between {args.first} and {args.second}.")
        return 0
    for label, rows, when in (("Begun", d.begun, "start"), ("Ended", d.ended, "end")):
        print(f"{label} ({len(rows)}):")
        for t in rows:
            print(f"  {t[when]}  {t['title']} <{t['source_url']}>")
    for label, rows in (("Joined", d.joined), ("Left", d.left)):
        if rows:
            print(f"{label} ({len(rows)}): " + ", ".join(f"{m['member']} {m['organization']}" for m in rows))
    return 0


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
        options.update(until=args.until, min_tiv=args.min_tiv, top=args.top, floor=args.floor)
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
    text = relations_csv(rows)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _stats(args: argparse.Namespace) -> int:
    from .stats import stats_text

    print(stats_text(load(args.data)))
    return 0


def _audit(args: argparse.Namespace) -> int:
    from .audit import audit

    breaches = audit(args.data_dir)
    for breach in breaches:
        print(breach)
    print(f"{len(breaches)} row(s) break a truth rule." if breaches else "OK: no row breaks a truth rule.")
    return 1 if breaches else 0


def _validate(args: argparse.Namespace) -> int:
    data = load(args.data_dir)
    print(f"OK: {len(data.actors)} actors, {len(data.relations)} ties, {len(data.memberships)} memberships.")
    return 0


def _export(args: argparse.Namespace) -> int:
    G = build(load(args.data))
    state = ViewState(
        as_of=args.as_of,
        types=tuple(vocab.TIE_TYPES if args.types is None else args.types),
        statuses=tuple(vocab.STATUSES if args.status is None else args.status),
        focus=tuple(args.focus or ()),
        depth=args.depth,
        among=args.among,
    )
    view = filtered(G, state)
    caption = f"As of {args.as_of}" if args.as_of else "All dates"
    payload = export(view, args.format, positions=LAYOUTS[args.layout](G), caption=caption)
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
        commands = {
            "validate": _validate,
            "audit": _audit,
            "export": _export,
            "import": _import,
            "stats": _stats,
            "profile": _profile,
            "path": _path,
            "rank": _rank,
            "blocs": _blocs,
            "balance": _balance,
            "diff": _diff,
            "stories": _stories,
            "bench": _bench,
            "quiz": _quiz,
            "worksheet": _worksheet,
        }
        return commands[args.command](args)
    except DataError as exc:
        print(f"{len(exc.problems)} problem(s) found:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except GraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
