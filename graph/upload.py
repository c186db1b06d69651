"""A user's own CSV files: checked like the shipped ones, kept only in their session."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from .errors import DataError, Problem
from .load import DEFAULT_DATA_DIR, Dataset, load_bytes
from .schema import ACTORS, MEMBERSHIPS, RELATIONS

MAX_MB = 2  # per file; the app tells users, Streamlit's maxUploadSize enforces it, so does read_upload
MAX_BYTES = MAX_MB * 1024 * 1024
# An upload this big still lays out in a few seconds on a school's server.
MAX_ACTORS = 1_000
MAX_TIES = 10_000
NAMES = (RELATIONS.file, ACTORS.file, MEMBERSHIPS.file)
TEMPLATE = (
    "id,source,target,type,subtype,start,end,status,claimed_by,denied_by,title,description,source_url,source_name\n"
    "rus-prk-treaty-2024,RUS,PRK,treaty,mutual_defense,2024-06-19,,confirmed,,,Russia–North Korea treaty,"
    '"Each promises military help if the other is attacked.",https://interfax.com/newsroom/top-stories/108291/,Interfax\n'
    "irn-rus-missiles-2024,IRN,RUS,arms_supply,missiles,2024-09,,disputed,USA|GBR,IRN,Iranian missiles to Russia,"
    '"The US says Iran sent missiles; Iran denies it.",https://armscontrol.org/node/14319,Arms Control Association\n'
)


def read_upload(files: Mapping[str, bytes]) -> tuple[Dataset, str]:
    """Validate uploaded files (relations.csv, and optionally actors.csv, memberships.csv).

    Without actors.csv the shipped actors are used. Returns the data and a short key that
    names this content; raises DataError (nothing half-loaded) when anything is wrong.
    """
    too_big = [
        Problem(name, 0, "", f"is {len(raw) / 1024 / 1024:.1f} MB (expected at most {MAX_MB} MB)")
        for name, raw in files.items()
        if raw is not None and len(raw) > MAX_BYTES
    ]
    if too_big:
        raise DataError(too_big)
    sources: dict[str, bytes | None] = {name: files.get(name) for name in NAMES}
    if sources[ACTORS.file] is None:
        sources[ACTORS.file] = (DEFAULT_DATA_DIR / ACTORS.file).read_bytes()
    data = load_bytes(sources)
    if data.relations.empty:
        raise DataError([Problem(RELATIONS.file, 1, "", "has a header but no ties (expected at least one row)")])
    limits = (
        (ACTORS.file, len(data.actors), MAX_ACTORS, "actors"),
        (RELATIONS.file, len(data.relations), MAX_TIES, "ties"),
    )
    over = [
        Problem(name, 0, "", f"has {count:,} {what} (expected at most {limit:,} in an upload)")
        for name, count, limit, what in limits
        if count > limit
    ]
    if over:
        raise DataError(over)
    digest = hashlib.sha256(b"\0".join(sources[n] or b"" for n in NAMES)).hexdigest()[:16]
    return data, f"upload:{digest}"
