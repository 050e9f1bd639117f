"""Convert PETRARCH2's CAMEO verb dictionary into Accord trigger rows.

Writes ``src/accord/coding/data/triggers_petrarch.tsv`` (read after Accord's own trigger files, so
Accord's rows win) and ``word_classes_petrarch.tsv`` (the synonym sets used as objects). Reading and
converting are ``accord.coding.petrarch`` and ``accord.coding.petrarch_triggers``; this script supplies
Accord's code table and own rules, the everyday verbs whose bare code is not kept
(``petrarch_excluded_verbs.tsv``) and spaCy's lemmas of each verb's forms. Run from the repository root:

    .venv/bin/python scripts/convert_petrarch_verbs.py ../shared/data/phoenix-dictionaries/CAMEO.2.0.txt

``--defaults`` chooses which bare verbs keep their block's code: ``all``, ``none`` (only verbs with an
object, particle or preposition), or a comma-separated list of CAMEO roots (``13,17,18,19,20``).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

from accord.base.tsv import read_tsv
from accord.coding.lexicon import Lexicon, load_lexicon
from accord.coding.petrarch import read_petrarch_verbs
from accord.coding.petrarch_rows import AccordRule, class_lines, trigger_lines
from accord.coding.petrarch_triggers import Conversion, ConversionSettings, convert_verbs

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "accord" / "coding" / "data"
OUTPUT = "triggers_petrarch.tsv"
CLASSES = "word_classes_petrarch.tsv"
EXCLUDED = "petrarch_excluded_verbs.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionary", type=Path, help="PETRARCH verb dictionary (CAMEO.2.0.txt)")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="Accord's coding data folder")
    parser.add_argument("--defaults", default="all", help="all, none, or CAMEO roots: 13,17,18")
    parser.add_argument("--transitive-defaults", action="store_true", help="bare verbs need a recipient")
    parser.add_argument("--pattern-roots", default="all", help="all, or the CAMEO roots of patterns kept")
    parser.add_argument("--no-particle-patterns", action="store_true", help="drop '- * (TO)', '- * UP'")
    parser.add_argument(
        "--block-patterns", action="store_true", help="every pattern for every verb of its block (PETRARCH2)"
    )
    args = parser.parse_args()

    dictionary = read_petrarch_verbs(args.dictionary)
    for line, reason in dictionary.problems:
        print(f"{args.dictionary.name}:{line}: skipped: {reason}")
    own = _own_lexicon(args.data_dir)
    lemma_of = _spacy_lemmas()
    excluded = frozenset(row["lemma"] for row in read_tsv(args.data_dir / EXCLUDED, required=("lemma",)))
    settings = ConversionSettings(
        known_codes=frozenset(own.codes),
        accord_rules={
            lemma: [AccordRule(r.particle, r.objects) for r in rules]
            for (lemma, pos), rules in own.rules_by_lemma.items()
            if pos == "VERB"
        },
        excluded=excluded,
        default_roots=_roots(args.defaults),
        transitive_defaults=args.transitive_defaults,
        lemma_of=lemma_of,
        named_verbs_only=not args.block_patterns,
        pattern_roots=_roots(args.pattern_roots),
        particle_patterns=not args.no_particle_patterns,
        event_nouns=frozenset(lemma for lemma, pos in own.rules_by_lemma if pos == "NOUN"),
        support_verbs=_support_verbs(own.support_verbs, lemma_of),
    )
    conversion = convert_verbs(dictionary, settings)
    flags = ("transitive_defaults", "block_patterns", "no_particle_patterns")
    options = f"--defaults {args.defaults} --pattern-roots {args.pattern_roots}" + "".join(
        f" --{name.replace('_', '-')}" for name in flags if getattr(args, name)
    )
    header = _header(args.dictionary, options, conversion)
    _write(args.data_dir / OUTPUT, header, trigger_lines(conversion.rows))
    _write(args.data_dir / CLASSES, _class_header(args.dictionary), class_lines(conversion.classes))
    for kind, count in sorted(conversion.counts.items()):
        print(f"{count:7d}  {kind}")


def _own_lexicon(data_dir: Path) -> Lexicon:
    """Accord's lexicon without the PETRARCH files: its code table and its own rules."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "data"
        ignored = shutil.ignore_patterns(OUTPUT, CLASSES)
        shutil.copytree(data_dir, copy, ignore=ignored)
        return load_lexicon(copy)


def _roots(text: str) -> frozenset[str] | None:
    if text == "all":
        return None
    if text == "none":
        return frozenset()
    return frozenset(root.strip().zfill(2) for root in text.split(","))


def _support_verbs(listed: frozenset[str], lemma_of: Callable[[str], str]) -> frozenset[str]:
    """The verbs that perform Accord's event nouns, under every lemma the parser gives their forms
    ("staged" is "stag"); triggers.py also reads "participate in" and "engage in" so."""
    verbs = set(listed) | {"participate", "engage"}
    for verb in listed:
        verbs.update(lemma_of(form) for form in (verb + "d", verb + "ed", verb + "s", verb + "ing"))
    return frozenset(verbs)


def _spacy_lemmas() -> Callable[[str], str]:
    """The lemma spaCy's pipeline gives a word read as a verb (its rule lemmatizer: "staged" is "stag")."""
    from spacy.tokens import Doc

    from accord.nlp import load_language_model

    nlp = load_language_model()
    lemmatizer = nlp.get_pipe("lemmatizer")

    def lemma_of(word: str) -> str:
        doc = Doc(nlp.vocab, words=[word], pos=["VERB"])
        return str(lemmatizer(doc)[0].lemma_).lower()

    return lemma_of


def _header(source: Path, options: str, conversion: Conversion) -> list[str]:
    counts = conversion.counts
    kept = sorted((k, v) for k, v in counts.items() if k.startswith(("patterns kept", "default codes kept")))
    skipped = sorted((k, v) for k, v in counts.items() if " skipped" in k)
    unmapped = textwrap.wrap(
        "Codes without a row in cameo_plover.tsv, skipped (times): "
        + ", ".join(f"{code} ({n})" for code, n in sorted(conversion.unmapped.items())),
        width=104,
    )
    return [
        "# Event triggers converted from PETRARCH2's CAMEO verb dictionary. Same columns as triggers.tsv, plus",
        "# 'petrarch': the verb block and line (or the pattern's line) of the source. Read after Accord's own",
        "# trigger files, so Accord's rows win for every word they cover.",
        f"# Source: {source.name}, github.com/openeventdata/petrarch2 petrarch2/data/dictionaries, commit",
        "# 676801cd9cb2924bbbad09f86d15c9323e7097bf. Licence: MIT (c) 2015 Open Event Data Alliance.",
        "# Converted by scripts/convert_petrarch_verbs.py (accord.coding.petrarch_triggers); do not edit by",
        "# hand: change the script or petrarch_excluded_verbs.tsv and run it again. Codes map to PLOVER through",
        "# Accord's cameo_plover.tsv (PLOVER CAMEO2PLOVER-2021) and cameo_goldstein.tsv. Kept: the verbs with",
        "# their block's default code (bare verbs only for the CAMEO roots of --defaults, never for lemmas",
        "# Accord knows nor for the everyday verbs of petrarch_excluded_verbs.tsv; multi-word verbs always),",
        "# and the patterns (of the --pattern-roots) that are the verb with an object head noun (a synonym set",
        "# becomes a class of word_classes_petrarch.tsv), a particle, or a preposition next to it, given to the",
        "# verbs their comment names; null patterns as blocking rows. The settings were chosen by measuring",
        "# accord eval (docs/accuracy.md).",
        f"# Settings: {options}.",
        f"# Counts: {counts['verb blocks']} blocks, {counts['verbs']} verb lines, {counts['patterns']} patterns,"
        f" {counts['rows written']} rows.",
        *(f"#   {count} {kind}" for kind, count in kept + skipped),
        *(f"# {line}" for line in unmapped),
    ]


def _class_header(source: Path) -> list[str]:
    return [
        "# Word classes made from the synonym sets of PETRARCH2's CAMEO verb dictionary, used as objects by",
        "# triggers_petrarch.tsv (@PETRARCH_NAME is &NAME). One-word phrases only, with PETRARCH's regular",
        f"# plurals. Source: {source.name} (PETRARCH2, MIT (c) 2015 Open Event Data Alliance); written by",
        "# scripts/convert_petrarch_verbs.py.",
    ]


def _write(path: Path, header: list[str], lines: list[str]) -> None:
    path.write_text("\n".join([*header, *lines]) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(lines) - 1} rows)")


if __name__ == "__main__":
    main()
