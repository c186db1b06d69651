"""Any text from the data, made safe for the places Streamlit reads as Markdown.

Streamlit renders Markdown (and some HTML, emoji and colour codes) in `st.markdown`,
captions, notices, headers and widget labels. A country name or a title from a CSV file
must reach the screen as the text it is: `![t](http://host/t.png)` must not fetch an image,
`www.example.org` or `http://…` must not become a link, `:red[x]` must not turn red.

Backslash escapes are not enough: GitHub-flavoured Markdown still turns an escaped
`http\\:\\/\\/host` into a link (found in Chromium, tests/test_hardening.py). So every ASCII
punctuation character becomes a numeric character reference (`&#58;`), which Markdown shows
as that character but never reads as markup; and a word joiner (U+2060, invisible) follows
each colon, full stop and at sign, because some of Streamlit's Markdown runs on the text
after it is read: links for `www.…`, `http://…` and e-mail addresses, and the emoji and icon
codes (`:smile:`, `:material/home:`). Broken by an invisible joiner, none of them is whole.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
_SPACE = re.compile(r"\s+")
WORD_JOINER = "\u2060"
_JOINED = frozenset(":.@")


def plain(text: object) -> str:
    """`text` as Markdown that shows exactly that text, on one line.

    >>> plain("Russia ![t](http://host/t.png)")
    'Russia &#33;&#91;t&#93;&#40;http&#58;\\u2060&#47;&#47;host&#47;t&#46;\\u2060png&#41;'
    >>> plain("North Korea")
    'North Korea'
    """
    line = _SPACE.sub(" ", str(text)).strip()
    return _PUNCTUATION.sub(lambda m: f"&#{ord(m.group())};" + (WORD_JOINER if m.group() in _JOINED else ""), line)
