"""Word lists as the rules read them: one string of words, however many lines it takes.

A list of fifty one-word string literals is fifty lines of quotes and commas; written as one
string it reads as the list it is, and the set it gives is the same.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, as a set."""
    return frozenset(text.split())
