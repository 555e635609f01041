"""Build newsgraph's event-trigger lexicon from the PETRARCH2 CAMEO verb dictionary.

Reads ../shared/lexicons/phoenix/CAMEO.2.0.txt and ../shared/eval/events/CAMEO2PLOVER-2021.txt
and writes src/newsgraph/data/events/{verbs,verb_patterns,synsets,nouns}.tsv plus
ATTRIBUTION.md. The output depends only on the inputs, so re-running it is a no-op.

Run: .venv/bin/python scripts/build_event_data.py
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from event_curation import NOT_TRIGGERS, NOUN_COMMENT, VERB_OVERRIDES, curated_nouns

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CAMEO_VERBS = SHARED / "lexicons" / "phoenix" / "CAMEO.2.0.txt"
MIT_LICENSE = SHARED / "lexicons" / "phoenix" / "LICENSE-MIT.txt"
CAMEO2PLOVER = SHARED / "eval" / "events" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "src" / "newsgraph" / "data" / "events"

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9:\-]*)\]")
TABLE_ROW = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)")
DROPPED_WORDS = frozenset({"*", "+", "$", "^", "%", "=", "a", "an", "the"})
# A pattern must beat the block's other codes by this share to become the default of a
# block that has none ("[---]"); below it the verb alone says too little.
MAJORITY = 0.5


@dataclass(frozen=True, slots=True)
class Code:
    """A bracketed CAMEO code: `[042:043]` keeps 042; `[:110]` is coded target -> source."""

    value: str | None
    reversed: bool = False


@dataclass(slots=True)
class Member:
    """One verb of a block: its lemma, surface forms and its own code when it has one."""

    lemma: str
    forms: set[str]
    code: Code | None


@dataclass(slots=True)
class Pattern:
    """One `- ...` line: the words around the verb, its code and the verbs it was found with."""

    words: tuple[str, ...]
    code: Code
    found_with: tuple[str, ...]


@dataclass(slots=True)
class Block:
    """One `--- VERB [code] ---` block of synonymous verbs and their patterns."""

    name: str
    code: Code
    members: list[Member] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def parse_code(text: str) -> Code:
    """`042:043` -> 042, `:110` -> 110 reversed, `---` or empty -> no code."""
    first, _, second = text.partition(":")
    if first and first != "---":
        return Code(first)
    if second and second != "---":
        return Code(second, reversed=True)
    return Code(None)


def regular_forms(base: str) -> set[str]:
    """The regular inflections PETRARCH generates for a verb without a `{...}` list."""
    stem = base[:-1] if base.endswith("e") else base
    forms = {base, base + "s", base + "es", stem + "ed", stem + "ing", base + "ed", base + "ing"}
    if base.endswith("y"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    return forms


def phrase(token: str) -> str:
    """`+SHOOT_DOWN` -> `shoot down`; `RE_ARREST` -> `re-arrest`; `REVOKE_` -> `revoke`."""
    text = token.lstrip("+").strip("_").lower()
    if text.startswith("re_"):
        text = "re-" + text[3:]
    return text.replace("_", " ")


def parse_member(line: str) -> Member | None:
    """A synonym line; None for fixed inflected phrases like `+KILLED_AND {}`."""
    body = line.split("#", 1)[0]
    inflections = re.search(r"\{([^}]*)\}", body)
    code_match = CODE.search(body)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", body).split()
    if not head:
        return None
    lemma = phrase(head[0])
    frozen = inflections is not None and not inflections.group(1).strip() and " " in lemma
    if frozen or lemma.split()[-1] in {"and", "or"}:
        return None  # `+ATTACKED_AND_STABBED {}`, `+ARREST_AND`: phrases, not lemmas
    forms = {lemma} | {phrase(f) for f in (inflections.group(1).split() if inflections else ())}
    if inflections is None or " " in lemma:
        forms |= {" ".join([w, *lemma.split()[1:]]) for w in regular_forms(lemma.split()[0])}
    code = parse_code(code_match.group(1)) if code_match else None
    return Member(lemma, forms, code)


def pattern_words(body: str) -> tuple[str, ...]:
    """Plain lower-case words of a pattern; `BY/WITH` -> `by|with`, synsets stay `&name`."""
    tokens = re.sub(r"[(){},]", " ", body).split()
    words: list[str] = []
    for token in tokens:
        word = token.lower().strip("_")
        if word in DROPPED_WORDS or not word or word in words:
            continue
        words.append(word)
    return tuple(words)


def parse_pattern(line: str) -> Pattern | None:
    """A `- ... [code] # VERB` line; None when it names no code."""
    body, _, comment = line[1:].partition("#")
    code_match = CODE.search(body)
    if code_match is None:
        return None
    words = pattern_words(body[: code_match.start()])
    found_with = tuple(part.strip().split(" ")[0] for part in comment.split(",") if part.strip())
    return Pattern(words, parse_code(code_match.group(1)), found_with) if words else None


def add_member(block: Block, member: Member) -> None:
    """Add a verb to its block, merging repeats (`STUN` is listed twice in OFFEND)."""
    for other in block.members:
        if member.lemma in other.forms and member.lemma != other.lemma:
            return
        if other.lemma == member.lemma:
            other.forms |= member.forms
            return
    block.members.append(member)


def parse_verb_dictionary(lines: Iterable[str]) -> tuple[dict[str, list[str]], list[Block]]:
    """The synonym sets and the verb blocks of CAMEO.2.0.txt."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current: list[str] | None = None
    for raw in lines:
        line = raw.rstrip()
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if not line.strip() or line.startswith("#"):
            continue
        if (header := HEADER.match(line)) is not None:
            blocks.append(Block(header.group(1), parse_code(header.group(2))))
            current = None
        elif not blocks and line.startswith("&"):
            current = synsets.setdefault(line.split()[0].lower().strip("_"), [])
        elif not blocks and current is not None and line.startswith("+"):
            current.append(phrase(line.split()[0]))
        elif blocks and line.startswith("-"):
            if (pattern := parse_pattern(line)) is not None:
                blocks[-1].patterns.append(pattern)
        elif blocks and (member := parse_member(line)) is not None:
            add_member(blocks[-1], member)
    return synsets, blocks


def load_plover_table(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from the 2021 conversion table."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if (row := TABLE_ROW.match(line)) is not None:
            table.setdefault(row.group(1), (row.group(2), row.group(3).strip()))
    # PLOVER folds CAMEO 02 APPEAL into REQUEST with CAMEO 10 DEMAND: 02x reads as 10x.
    for code, value in list(table.items()):
        if code.startswith("10"):
            table.setdefault("02" + code[2:], value)
    return table


def to_plover(code: str | None, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """PLOVER (type, mode) of a CAMEO code, walking up from 4 to 3 digits; statements are None."""
    if code is None or code.startswith("01"):
        return None  # 010-019 MAKE PUBLIC STATEMENT: speech, left to the quote stage
    return table.get(code) or table.get(code[:3])


def block_code(block: Block) -> Code:
    """The block's default code, or the clear-majority code of its patterns."""
    if block.code.value is not None:
        return block.code
    counts = Counter(p.code.value for p in block.patterns if p.code.value and not p.code.reversed)
    if not counts:
        return block.code
    (top, n), *_ = counts.most_common(1)
    return Code(top) if n >= 2 and n / sum(counts.values()) > MAJORITY else block.code


def verb_rows(blocks: list[Block], table: dict[str, tuple[str, str]]) -> Iterator[list[str]]:
    """`lemma cameo plover mode` for each verb: its own code, else the block's, first block wins."""
    chosen: dict[str, tuple[int, Code]] = {}
    for block in blocks:
        default = block_code(block)
        rank = 1 if block.code.value is not None else 2
        for member in block.members:
            code, member_rank = (member.code, 0) if member.code else (default, rank)
            if member.lemma not in chosen or member_rank < chosen[member.lemma][0]:
                chosen[member.lemma] = (member_rank, code)
    for lemma in sorted(chosen.keys() | VERB_OVERRIDES.keys()):
        if lemma in VERB_OVERRIDES:
            yield [lemma, *VERB_OVERRIDES[lemma]]
            continue
        code = chosen[lemma][1]
        plover = to_plover(code.value, table)
        if plover is not None and code.value and not code.reversed and lemma not in NOT_TRIGGERS:
            yield [lemma, code.value, *plover]


def pattern_lemmas(block: Block, pattern: Pattern) -> list[str]:
    """The block verbs a pattern was recorded with, else every verb of the block."""
    by_form = {form: m.lemma for m in block.members for form in m.forms}
    found: list[str] = []
    for verb in pattern.found_with:
        text = phrase(verb)
        lemma = by_form.get(text) or by_form.get(text.split(" ")[0])
        if lemma is not None and lemma not in found:
            found.append(lemma)
    return found or sorted({m.lemma for m in block.members})


def pattern_rows(
    blocks: list[Block], table: dict[str, tuple[str, str]], synsets: dict[str, list[str]]
) -> Iterator[list[str]]:
    """Patterns whose code differs from their block's; an empty PLOVER type means "no event"."""
    seen: set[tuple[str, ...]] = set()
    for block in blocks:
        default = block_code(block)
        for pattern in block.patterns:
            # PETRARCH never matches a set the file does not define (&WEATHER, &NAME).
            undefined = any(w.startswith("&") and w not in synsets for w in pattern.words)
            if pattern.code == default or undefined:
                continue
            plover = to_plover(pattern.code.value, table) or ("", "")
            for lemma in pattern_lemmas(block, pattern):
                row = (lemma, " ".join(pattern.words), pattern.code.value or "---", *plover)
                if row not in seen:
                    seen.add(row)
                    yield [*row, "1" if pattern.code.reversed else "0"]


def synset_rows(synsets: dict[str, list[str]], patterns: list[list[str]]) -> Iterator[list[str]]:
    """The synonym sets the kept patterns refer to, as `&name  member|member|...`."""
    used = {w for row in patterns for item in row[1].split() for w in item.split("|")}
    for name in sorted(n for n in synsets if n in used):
        yield [name, "|".join(dict.fromkeys(synsets[name]))]


def noun_rows() -> Iterator[list[str]]:
    """One row per surface phrase of the curated noun groups, sorted; a phrase is listed once."""
    rows: dict[str, list[str]] = {}
    for forms, plover, mode, cameo in curated_nouns():
        for form in forms.split("|"):
            assert form not in rows, f"noun listed twice: {form}"
            rows[form] = [form, plover, mode, cameo]
    return iter(rows[form] for form in sorted(rows))


def write_tsv(path: Path, comment: str, columns: str, rows: Iterable[list[str]]) -> int:
    """Write `rows` under a `#` comment and a header line; return the row count."""
    lines = [f"# {line}".rstrip() for line in comment.strip().splitlines()]
    lines.append(columns.replace(" ", "\t"))
    body = ["\t".join(row) for row in rows]
    path.write_text("\n".join([*lines, *body]) + "\n", encoding="utf-8")
    return len(body)


def main() -> None:
    """Convert the dictionaries and write the packaged data files."""
    synsets, blocks = parse_verb_dictionary(CAMEO_VERBS.read_text(encoding="utf-8").splitlines())
    table = load_plover_table(CAMEO2PLOVER)
    OUT.mkdir(parents=True, exist_ok=True)
    source = "Derived from PETRARCH2 CAMEO.2.0.txt (MIT) and CAMEO2PLOVER-2021 (CC BY-SA 4.0)."
    counts = {
        "verbs": write_tsv(
            OUT / "verbs.tsv",
            f"{source}\nOne row per verb lemma; CAMEO 010-019 (public statements) left out.",
            "lemma cameo_code plover_type plover_mode",
            verb_rows(blocks, table),
        ),
    }
    patterns = list(pattern_rows(blocks, table, synsets))
    counts["verb_patterns"] = write_tsv(
        OUT / "verb_patterns.tsv",
        f"{source}\nwords: all must occur near the verb; a|b = either; &name = a synsets.tsv set."
        "\nEmpty plover_type: CAMEO codes the phrase as no event or a mere statement."
        "\nreversed=1: the event runs from the verb's object to its subject.",
        "lemma words cameo_code plover_type plover_mode reversed",
        patterns,
    )
    counts["synsets"] = write_tsv(
        OUT / "synsets.tsv",
        f"{source}\nThe synonym sets (&name) that verb_patterns.tsv refers to.",
        "name members",
        synset_rows(synsets, patterns),
    )
    counts["nouns"] = write_tsv(
        OUT / "nouns.tsv",
        NOUN_COMMENT,
        "lemma_phrase plover_type plover_mode cameo_code",
        noun_rows(),
    )
    (OUT / "ATTRIBUTION.md").write_text(attribution(), encoding="utf-8")
    print(" ".join(f"{name}={n}" for name, n in counts.items()))


def attribution() -> str:
    """The licence notices the derived files must carry."""
    return (
        "# Event-trigger lexicon: sources and licences\n\n"
        "`verbs.tsv`, `verb_patterns.tsv` and `synsets.tsv` are converted by "
        "`scripts/build_event_data.py` from two sources:\n\n"
        "1. **CAMEO verb dictionary** `CAMEO.2.0.txt` of PETRARCH2, Open Event Data Alliance "
        "(github.com/openeventdata/petrarch2), MIT licence; its notice follows.\n"
        "2. **CAMEO to PLOVER conversion table** `CAMEO2PLOVER-2021` (PLOVER manual draft 0.8), "
        "Open Event Data Alliance (github.com/openeventdata/PLOVER), CC BY-SA 4.0 "
        "(creativecommons.org/licenses/by-sa/4.0/). The PLOVER type and mode columns derive "
        "from it, so these tables are shared under CC BY-SA 4.0.\n\n"
        "`nouns.tsv` is curated for newsgraph from the PLOVER manual's event definitions and "
        "the ACLED codebook's event sub-types; its PLOVER columns follow the same table and "
        "it is shared under CC BY-SA 4.0 as well.\n\n"
        "`parties.tsv` (written by hand, not by this script) lists the common nouns that name "
        'a side of a conflict by its role ("regime forces", "rebels", "residents"); '
        "curated for newsgraph, CC BY-SA 4.0 as the rest of this folder.\n\n"
        "`goldstein.tsv` (written by hand, not by this script) transcribes the Goldstein (1992) "
        "conflict-cooperation scale as the CAMEO project assigns it to CAMEO codes "
        "(`CAMEO.SCALE.txt`, eventdata.parusanalytics.com), with the values the Open Event "
        "Data Alliance's phoenix_pipeline (MIT) carries; GDELT's GoldsteinScale column is the "
        "same scale.\n\n"
        "## MIT licence of the CAMEO verb dictionary\n\n```\n"
        + MIT_LICENSE.read_text(encoding="utf-8").strip()
        + "\n```\n"
    )


if __name__ == "__main__":
    main()
