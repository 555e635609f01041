"""The CLI's consoles, and the one way it prints a line that carries a name or a reason.

Rich reads `[...]` as markup: a file named `[/red]missing.txt`, or a feed item linking to
`http://example.com/[/red]`, raised `rich.errors.MarkupError` mid-run and lost the batch.
So markup is off on every console, colour comes from `style=`, and table cells are `Text`.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)  # one error, one line


def out(width: int | None = None) -> Console:
    """A stdout console with markup off; `width` fixes the table width when given."""
    return Console(soft_wrap=width is not None, width=width, markup=False, highlight=False)


def say(console: Console, head: str, rest: str = "", style: str = "red") -> None:
    """`head` in `style`, then `rest`, both plain text whatever brackets they hold."""
    line = Text(head, style=style)
    if rest:
        line.append(" " + rest)
    console.print(line)


def plain(value: object) -> Text:
    """A table cell that is shown as written."""
    return Text("" if value is None else str(value))
