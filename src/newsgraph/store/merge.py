"""What many documents share: near-duplicate copies, one event reported many times, stories.

All three keep an in-memory index loaded from the store at open and updated as documents
are written, so each new document costs a bounded number of lookups, never a scan of the
corpus (per-article cost stays flat as the corpus grows).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from datasketch import MinHashLSH

from newsgraph.normalize.fingerprint import NUM_PERM, as_minhash, similarity
from newsgraph.store.rows import EventRow

COPY_SIMILARITY = 0.5  # estimated Jaccard of word 3-grams above which a text is a copy
BANDS = 16  # LSH bands of the 64-value signature
WINDOW_DAYS = 3  # reports of one event date it within this many days of each other


class DuplicateIndex:
    """MinHash LSH over every stored document: which earlier document does this one copy?"""

    def __init__(self) -> None:
        # 16 bands of 4 rows: pairs near 0.5 Jaccard share a band with high probability, and
        # the Ray engine shuffles by exactly these bands, so both engines see the same pairs.
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, NUM_PERM // BANDS))
        self._signatures: dict[str, tuple[int, ...]] = {}  # in the order documents came
        self._original: dict[str, str] = {}
        self._order: dict[str, int] = {}

    def add(self, doc_id: str, signature: tuple[int, ...], original: str | None) -> None:
        if not signature or len(signature) != NUM_PERM or doc_id in self._signatures:
            return
        self._lsh.insert(doc_id, as_minhash(signature))
        self._signatures[doc_id] = signature
        self._order[doc_id] = len(self._order)
        if original is not None:
            self._original[doc_id] = original

    def remove(self, doc_id: str) -> None:
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
            del self._signatures[doc_id]
            self._original.pop(doc_id, None)
            self._order.pop(doc_id, None)

    def original_of(self, doc_id: str) -> str | None:
        return self._original.get(doc_id)

    def find(self, doc_id: str, signature: tuple[int, ...]) -> tuple[str, float] | None:
        """The earliest stored document `signature` copies, with the similarity.

        Earliest, not most similar: the original is the first version seen. The Ray engine
        applies the same rule by bands (scale/ray_engine.py), so both engines agree.
        """
        if not signature or len(signature) != NUM_PERM:
            return None
        found = []
        for other in self._lsh.query(as_minhash(signature)):
            score = similarity(signature, self._signatures[other])
            if other != doc_id and score >= COPY_SIMILARITY:
                found.append((self._order[other], other, score))
        if not found:
            return None
        _, original, score = min(found)
        return original, score


@dataclass(slots=True)
class Cluster:
    """One real occurrence: the type, place and days of the reports merged into it."""

    id: str
    type: str
    place_id: str | None
    place: str | None
    first: date | None
    last: date | None
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)


class EventIndex:
    """Merged events by (type, place, day), so a new report finds its occurrence in O(window)."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str, int | None], list[Cluster]] = defaultdict(list)

    def match(self, event: EventRow) -> Cluster | None:
        """The occurrence `event` reports again: same type and place, near day, shared party."""
        if not event.mergeable or event.place_id is None:
            return None
        for bucket in _buckets(event.day):
            for cluster in self._by_key.get((event.type, event.place_id, bucket), ()):
                if _agree(event.actors, cluster.actors) and _agree(
                    event.recipients, cluster.recipients
                ):
                    return cluster
        return None

    def add(self, cluster: Cluster, day: date | None) -> None:
        """Register `cluster` under `day` (a cluster spans every day its reports give)."""
        key = (cluster.type, cluster.place_id or "", day.toordinal() if day else None)
        if cluster not in self._by_key[key]:
            self._by_key[key].append(cluster)

    def extend(self, cluster: Cluster, event: EventRow) -> None:
        """Merge `event` into `cluster`: widen its days and parties."""
        cluster.actors |= event.actors
        cluster.recipients |= event.recipients
        if event.day is not None:
            cluster.first = min(cluster.first or event.day, event.day)
            cluster.last = max(cluster.last or event.day, event.day)
        self.add(cluster, event.day)


def _buckets(day: date | None) -> list[int | None]:
    if day is None:
        return [None]
    return [(day + timedelta(days=d)).toordinal() for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]


def _agree(new: frozenset[str], known: set[str]) -> bool:
    """Two reports of one occurrence name a common actor (or recipient), or one names none:
    "US accuses Russia" and "Russia accuses US" are two events, not one."""
    return not new or not known or bool(new & known)


class StoryIndex:
    """Which story each document and each specifically placed occurrence belongs to.

    Stories merge when a document links two of them (it copies one and shares an event
    with another): a union-find over story ids, so a merge costs one relabel, not a rescan.
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._of_doc: dict[str, str] = {}
        self._of_cluster: dict[str, str] = {}

    def load(self, doc_id: str, story: str | None, clusters: list[str]) -> None:
        """Register a stored document's story and the occurrences it shares."""
        if story is None:
            return
        self._parent.setdefault(story, story)
        self._of_doc[doc_id] = story
        for cluster in clusters:
            self._of_cluster.setdefault(cluster, story)

    def find(self, story: str) -> str:
        root = story
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while story != root:  # path compression
            self._parent[story], story = root, self._parent[story]
        return root

    def of_doc(self, doc_id: str) -> str | None:
        story = self._of_doc.get(doc_id)
        return self.find(story) if story is not None else None

    def assign(
        self, doc_id: str, original: str | None, clusters: list[str]
    ) -> tuple[str, list[str]]:
        """The story of a new document, and the stories merged into it (to relabel)."""
        found = {self.find(self._of_cluster[c]) for c in clusters if c in self._of_cluster}
        copied = self.of_doc(original) if original is not None else None
        if copied is not None:
            found.add(copied)
        story = min(found) if found else f"s:{doc_id}"
        merged = sorted(found - {story})
        self._parent.setdefault(story, story)
        for other in merged:
            self._parent[other] = story
        self._of_doc[doc_id] = story
        for cluster in clusters:
            self._of_cluster[cluster] = story
        return story, merged
