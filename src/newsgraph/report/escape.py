"""Text from articles made safe for the Markdown and CSV the reports write.

Every name, quote and title comes from untrusted pages. In Markdown, raw HTML passes through
most renderers (`<script>`, `<img onerror=...>`), and `*`, `_`, `[`, `|` would restyle a
report or forge a link; in a CSV opened by a spreadsheet, a cell starting `=`, `+`, `-`, `@`
(or a tab or carriage return) is a formula (OWASP "CSV injection").
"""

from __future__ import annotations

from urllib.parse import quote

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that act
# inline. `<`, `>` and `&` become entities so no renderer can read a tag or an entity.
_MD_ESCAPES = str.maketrans(
    {
        **{c: "\\" + c for c in "\\`*_[]|~"},
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "\n": " ",
        "\r": " ",
    }
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# what may stay as it is in a link target: RFC 3986 reserved and unreserved characters,
# minus the parentheses, quotes, brackets and spaces that would end or break the link
_URL_SAFE = ":/?#@!$&'*+,;=%~.-_"


def md_text(text: object) -> str:
    """`text` as literal Markdown inline content, on one line."""
    return str(text).translate(_MD_ESCAPES)


def md_link(label: object, url: str | None) -> str:
    """A Markdown link to an http(s) URL, else the escaped label alone."""
    text = md_text(label)
    if not url or not url.lower().startswith(("http://", "https://")):
        return text
    return f"[{text}]({quote(url, safe=_URL_SAFE)})"


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: formula starters get a leading apostrophe.

    Numbers are left alone (a negative count is data, not a formula); only strings change."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
