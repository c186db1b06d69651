"""A QR code of a view's link, made here in Python, so students open the same view on
their phones: no outside service sees the link."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit

import segno

from .errors import UsageError

SIDE = 440  # pixels, about: big enough to scan across a classroom, small enough for 768 px high
BORDER = 4  # the quiet zone the standard asks for, in modules
_HOST = re.compile(r"[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]", re.ASCII)


def base_address(typed: str, seen: str) -> str:
    """The address students open: the one the teacher typed (a phone cannot reach
    `localhost`), else the one the teacher's browser shows. Only http(s) with a host; the
    query and fragment are dropped.

    >>> base_address("", "http://localhost:8501/?as_of=2020-01-01")
    'http://localhost:8501/'
    >>> base_address("192.168.1.20:8501", "http://localhost:8501/")
    'http://192.168.1.20:8501/'
    """
    text = (typed or "").strip() or (seen or "").strip()
    if text and "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:
        port = None
        parts = parts._replace(netloc="!")
    if parts.scheme not in ("http", "https") or not _HOST.fullmatch(parts.hostname or "") or parts.username:
        raise UsageError(f"The address {text[:60]!r} is not one a phone can open: write it as http://HOST:PORT/.")
    host = parts.hostname if ":" not in (parts.hostname or "") else f"[{parts.hostname}]"
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{host}{f':{port}' if port else ''}{path}"


def view_link(base: str, params: Mapping[str, str]) -> str:
    """The view's own shareable link (`links.to_params`) at `base`.

    >>> view_link("http://10.0.0.5:8501/", {"as_of": "1991-12-26", "present": "1"})
    'http://10.0.0.5:8501/?as_of=1991-12-26&present=1'
    """
    return f"{base}?{urlencode(params)}"


def qr_png(link: str, *, side: int = SIDE) -> bytes:
    """A PNG of the QR code of `link`, about `side` px wide: black modules on white, each a
    whole number of pixels (shown at its own size, never scaled, so no module blurs), with
    the quiet zone. Medium error correction (15 %), enough for a projected picture.
    """
    code = segno.make(link, error="m", micro=False)
    width = code.symbol_size(scale=1, border=BORDER)[0]
    out = io.BytesIO()
    code.save(out, kind="png", scale=max(4, side // width), border=BORDER)
    return out.getvalue()


def qr_matrix(link: str) -> list[list[bool]]:
    """The modules of `link`'s QR code, row by row (True: dark), for checking a picture."""
    return [[bool(m) for m in row] for row in segno.make(link, error="m", micro=False).matrix]
