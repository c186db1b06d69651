"""A user's own CSV files: checked like the shipped ones, kept only in their session."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from .load import DEFAULT_DATA_DIR, Dataset, load_bytes
from .schema import ACTORS, MEMBERSHIPS, RELATIONS

MAX_MB = 2  # per file; the app tells users
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
    sources: dict[str, bytes | None] = {name: files.get(name) for name in NAMES}
    if sources[ACTORS.file] is None:
        sources[ACTORS.file] = (DEFAULT_DATA_DIR / ACTORS.file).read_bytes()
    data = load_bytes(sources)
    digest = hashlib.sha256(b"\0".join(sources[n] or b"" for n in NAMES)).hexdigest()[:16]
    return data, f"upload:{digest}"
