"""Train the sentence event classifier (PLOVER types and modes) and ship it in the package.

usage: python scripts/train_event_classifier.py [--ngec=ZIP] [--polnear=DIR] [--epochs=N]

A spaCy `textcat_multilabel` over bags of words and word pairs (TextCatBOW: no vectors, a few
MB, about a millisecond a sentence on one CPU core), trained in a few minutes from open data:

- the NGEC synthetic PLOVER stories (ahalterman/NGEC-2025, MIT): each story's prompt headline
  ("{country} Army Says 14 Killed in Air Strike Were Terrorists") with its PLOVER type and
  mode, and up to three of the story's sentences whose words support the label (the stories
  drift: a sentence is kept only when the event lexicon finds the labelled type in it, and
  the mode words its mode, as the data's README advises);
- sentences of PolNeAR train (US political news, networkdynamics/PolNeAR) as examples of no
  violence: there the violent labels (ASSAULT, COERCE, MOBILIZE and every mode) are 0 and the
  other types are left missing, since political news is full of accusations and demands.

Labels: the 16 PLOVER types, and `mode:NAME` for the assault and coercion modes. The model is
judged on the conflict-news gold (`newsgraph eval conflict`), never on the synthetic stories;
the held-out tenth of the headlines printed here is only a check that training converged.
Writes src/newsgraph/data/models/event_textcat/ (seeded: a rerun gives the same model).
"""

from __future__ import annotations

import csv
import io
import random
import re
import sys
import zipfile
from pathlib import Path

import spacy
from spacy.training import Example

from newsgraph.extract.event_lexicon import EventLexicon
from newsgraph.extract.event_modes import find_mode
from newsgraph.model import PLOVER_TYPES

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
NGEC = SHARED / "events" / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
POLNEAR = SHARED / "quotes" / "polnear" / "train" / "text"
TARGET = ROOT / "src" / "newsgraph" / "data" / "models" / "event_textcat"
SEED = 20261206
SENTENCES_PER_STORY = 3  # story sentences whose words support the story's label
NEGATIVE_SHARE = 0.5  # PolNeAR sentences per NGEC example
# NGEC's modes in PLOVER's names, as the event stage writes them
MODES = {
    "AERIAL": "aerial",
    "DRONE": "aerial",
    "HEAVY-WEAPONS": "heavy-weapons",
    "EXPLOSIVES": "explosives",
    "SUICIDE-ATTACK": "suicide-attack",
    "FIREARMS": "firearms",
    "ABDUCT": "abduct",
    "ASSASSINATE": "assassinate",
    "MASSACRE": "massacre",
    "EXECUTE": "massacre",
    "UNCONVENTIONAL": "unconventional",
    "SEXUAL": "sexual",
    "ARREST": "arrest",
    "SIEZE": "seize",
    "BAN": "ban",
}
MODE_LABELS = sorted({f"mode:{m}" for m in MODES.values()} | {"mode:restrict", "mode:armed-clash"})
LABELS = [*PLOVER_TYPES, *MODE_LABELS]
VIOLENT = ["ASSAULT", "COERCE", "MOBILIZE", *MODE_LABELS]
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def ngec_examples(
    path: Path, lexicon: EventLexicon
) -> tuple[list[tuple[str, dict[str, float]]], list[str]]:
    """(examples, headlines) from the NGEC stories: headlines always, first sentences when
    their words support the label."""
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))
    out: list[tuple[str, dict[str, float]]] = []
    headlines: list[str] = []
    seen: set[str] = set()
    for row in rows:
        label = row["label"].strip().upper()
        if label not in PLOVER_TYPES:
            continue
        cats = _cats(label, MODES.get(row["mode"].strip().upper()))
        headline = _PLACEHOLDER.sub("the country", row["prompt"].split("\n")[0]).strip()
        if headline and headline not in seen:
            seen.add(headline)
            out.append((headline, cats))
            headlines.append(headline)
        kept = 0
        for sentence in _SENTENCE_END.split(" ".join(row["text"].split())):
            sentence = sentence.strip()
            if kept == SENTENCES_PER_STORY or not 30 <= len(sentence) <= 400:
                continue
            if sentence not in seen and _supports(sentence, label, cats, lexicon):
                seen.add(sentence)
                out.append((sentence, cats))
                kept += 1
    return out, headlines


def _cats(label: str, mode: str | None) -> dict[str, float]:
    cats = {t: float(t == label) for t in PLOVER_TYPES}
    if label in ("ASSAULT", "COERCE") or label not in PLOVER_TYPES:
        cats |= {m: float(m == f"mode:{mode}") for m in MODE_LABELS}
    else:
        cats |= dict.fromkeys(MODE_LABELS, 0.0)
    return cats


def _supports(sentence: str, label: str, cats: dict[str, float], lexicon: EventLexicon) -> bool:
    """Whether the sentence's own words show the labelled type (and mode, for violence)."""
    words = re.findall(r"[a-z]+", sentence.casefold())
    found = set()
    for word in words:
        for form in {word, word.rstrip("s"), re.sub(r"(ed|ing|es)$", "", word)}:
            for trigger in (lexicon.verb(form), lexicon.noun(form)):
                if trigger is not None:
                    found.add(trigger.plover)
    if label not in found:
        return False
    modes = [m for m in MODE_LABELS if cats.get(m)]
    if modes:
        mode, _weapon = find_mode(label, [sentence])
        return f"mode:{mode}" == modes[0]
    return True


def polnear_examples(folder: Path, limit: int) -> list[tuple[str, dict[str, float]]]:
    """Sentences of political news with no violence in their words: 0 for the violent labels."""
    out: list[tuple[str, dict[str, float]]] = []
    for path in sorted(folder.glob("*.txt")):
        for sentence in _SENTENCE_END.split(path.read_text(encoding="utf-8")):
            sentence = " ".join(sentence.split())
            if not 40 <= len(sentence) <= 300:
                continue
            if find_mode("ASSAULT", [sentence])[0] or find_mode("COERCE", [sentence])[0]:
                continue
            if re.search(r"\b(?:kill|dead|die|attack|troop|war|militar|arrest)", sentence, re.I):
                continue
            out.append((sentence, dict.fromkeys(VIOLENT, 0.0)))
    random.Random(SEED).shuffle(out)
    return out[:limit]


# A bag of words and word pairs beside a small CNN over hashed word forms (lower case, prefix,
# suffix, shape): the CNN generalises across "bombed", "bombing", "bombardment".
MODEL = {
    "@architectures": "spacy.TextCatEnsemble.v2",
    "linear_model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 32768,
    },
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 64,
            "rows": [2000, 1000, 1000, 1000],
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 64,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": 2,
        },
    },
}


def train(examples: list[tuple[str, dict[str, float]]], epochs: int) -> spacy.language.Language:
    """A blank English pipeline with the multi-label bag-of-words classifier, trained."""
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(
        "textcat_multilabel",
        config={"threshold": 0.5, "model": MODEL},
    )
    for label in LABELS:
        textcat.add_label(label)
    data = [Example.from_dict(nlp.make_doc(text), {"cats": cats}) for text, cats in examples]
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(SEED)
    for epoch in range(epochs):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        for batch in spacy.util.minibatch(data, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.1, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses['textcat_multilabel']:.2f}")
    return nlp


def main() -> None:
    options = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    spacy.util.fix_random_seed(SEED)
    lexicon = EventLexicon.load()
    ngec, headlines = ngec_examples(Path(options.get("ngec", NGEC)), lexicon)
    held = set(headlines[::10])
    train_set = [e for e in ngec if e[0] not in held]
    negatives = polnear_examples(
        Path(options.get("polnear", POLNEAR)), limit=int(len(train_set) * NEGATIVE_SHARE)
    )
    print(f"{len(train_set)} NGEC examples, {len(negatives)} PolNeAR sentences, {len(held)} held")
    nlp = train(train_set + negatives, int(options.get("epochs", 8)))
    right = sum(
        1
        for text, cats in ngec
        if text in held
        and max(PLOVER_TYPES, key=lambda t: nlp(text).cats[t])
        == next(t for t in PLOVER_TYPES if cats[t])
    )
    print(f"held-out headlines: type right {right}/{len(held)}")
    TARGET.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(TARGET)
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
