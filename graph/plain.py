"""Any text from the data, made safe for the places Streamlit reads as Markdown.

Streamlit renders Markdown (and some HTML, emoji and colour codes) in `st.markdown`,
captions, notices, headers and widget labels. A country name or a title from a CSV file
must reach the screen as the text it is: `![t](http://host/t.png)` must not fetch an image,
`www.example.org` must not become a link, `:red[x]` must not turn red. `plain` escapes every
ASCII punctuation character with a backslash, which CommonMark defines as the literal
character, so the text shows exactly as written and nothing in it is read as markup.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_SPACE = re.compile(r"\s+")


def plain(text: object) -> str:
    r"""`text` as Markdown that shows exactly that text, on one line.

    >>> print(plain("Russia ![t](http://host/t.png)"))
    Russia \!\[t\]\(http\:\/\/host\/t\.png\)
    >>> plain("North Korea")
    'North Korea'
    """
    return _PUNCTUATION.sub(r"\\\1", _SPACE.sub(" ", str(text)).strip())
