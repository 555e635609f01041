"""Near-duplicate fingerprints: a MinHash signature of a document's word shingles.

Content farms rewrite wire copy lightly (a synonym here, a reordered sentence there), so
exact hashes miss them; MinHash over word 3-grams estimates Jaccard similarity of the
shingle sets and `store.dedup` finds candidates with LSH in sub-linear time (datasketch).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from datasketch import MinHash

from newsgraph.model import Doc

if TYPE_CHECKING:
    from newsgraph.resources import Resources

NUM_PERM = 64  # 64 permutations: ~0.06 standard error on Jaccard, 256 bytes per document
SCHEME = "affine32"  # pinned: stored signatures must stay comparable across upgrades
SHINGLE = 3  # word 3-grams: robust to light rewording, specific enough for news copy
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Lower-cased word n-grams of `text` (the whole text when it is shorter than n words)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def fingerprint(text: str) -> tuple[int, ...]:
    """The MinHash signature of `text` as plain ints (picklable, storable)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return tuple(int(v) for v in minhash.hashvalues)


def as_minhash(signature: tuple[int, ...]) -> MinHash:
    """A stored signature back as a datasketch MinHash."""
    return MinHash(num_perm=len(signature), seed=1, hashvalues=list(signature), scheme=SCHEME)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def doc_fingerprint(doc: Doc) -> tuple[int, ...]:
    """The signature of a document's title and body: what the store compares."""
    return fingerprint(f"{doc.title or ''}\n{doc.text}")


def add_fingerprint(doc: Doc, res: Resources) -> Doc:
    """Stage: the document's near-duplicate signature (title and body)."""
    return replace(doc, fingerprint=doc_fingerprint(doc))
