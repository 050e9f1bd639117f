"""PETRARCH verb entries -> rows of Accord's trigger lexicon (what maps cleanly onto Accord's rules).

Accord's rule is a verb lemma, optionally with a particle, and optionally the head nouns its direct
object must have. So from a PETRARCH verb block (``accord.coding.petrarch``) we keep:

- each verb with its default code (the block's, or its own), under every lemma its forms take;
- ``- * NOUN`` and ``- * &SYNSET``: the verb with an object (a synonym set becomes a word class);
- ``- * UP``, ``- * (TO)``, ``- * UP NOUN``, ``- * (FOR NOUN)``: the verb with a particle or a
  preposition next to it, and its object; a multi-word verb ``+CALL_OFF`` is ``call+off``;
- null patterns (``[---]``) of those shapes as blocking rows (cameo ``-``).

Everything else is skipped and counted by kind: patterns with words before the verb (the subject),
source/target marks, nouns with modifiers (``{HUMANITARIAN AID}``: Accord matches the head only, and
the head alone would take the phrase's narrower code), several nouns or prepositional phrases, codes
with only a reverse event (``[:173]``), codes without a row in Accord's CAMEO -> PLOVER table, and
rows Accord's own lexicon already decides (its rows are read first and win). In a code ``X:Y`` the
source's event X is kept; ``X:X`` is a joint act (``reciprocal``).

``ConversionSettings`` narrows this down where PETRARCH's way of coding does not carry over: PETRARCH
codes a verb only between a source and a target it finds, and gives a block's patterns to all its
verbs; an Accord row fires on every use of its word. So bare default codes can be limited to some
CAMEO roots and to verbs with a recipient, everyday verbs left out (``excluded``), patterns limited to
some roots and to the verbs their comment names, and support verbs kept off Accord's event nouns.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from accord.coding.petrarch import NounPhrase, PetrarchCode, Verb, VerbDictionary, VerbEntry, VerbPattern
from accord.coding.petrarch_rows import AccordRule, TriggerRow, arrange_rows

__all__ = ["Conversion", "ConversionSettings", "convert_verbs", "verb_forms"]

# English verb particles: a bare word right after the verb that is one of these is the verb's particle
# ("PUT UP RESISTANCE", "LOOK FORWARD"), not its object.
PARTICLES = frozenset(
    "up down off out in on back over away forward aside apart together along around through about by "
    "ahead behind".split()
)
# English prepositions: the first word of a pattern's "(...)" must be one ("(GUNFIRE)" is a slip).
PREPOSITIONS = PARTICLES | frozenset(
    "about above across after against among as at before behind below beneath beside between beyond "
    "despite during except for from inside into like near of onto outside past since throughout till to "
    "toward towards under until upon with within without".split()
)
_CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})
# spaCy tags these AUX, never VERB, so they never reach a verb rule.
_AUXILIARIES = frozenset("be is are was were been being am have has had do does did will would".split())
VISIT_CODE = "042"  # the recipient of a visit is where the actor went: Accord's "dest" flag
_COMMENT_WORD = re.compile(r"[A-Z][A-Z'-]*(?:_[A-Z'-]+)*")


@dataclass(frozen=True)
class ConversionSettings:
    """What to keep.

    ``known_codes``: CAMEO codes with a PLOVER type and a Goldstein value (others are skipped);
    ``accord_rules``: Accord's own verb rules by lemma, in file order; ``excluded``: lemmas whose bare
    default code is not kept (everyday verbs); ``default_roots``: the CAMEO roots ("04", "18") whose
    bare default codes are kept (None: all; empty: none); ``transitive_defaults``: bare default rows
    need a recipient; ``lemma_of``: the lemma a lower-case verb form takes in the parser (None: each
    verb under its own word only); ``named_verbs_only``: a pattern whose comment names verbs of its
    block ("# RUSH") is given to those verbs only, not to the whole block as PETRARCH2 does;
    ``event_nouns`` and ``support_verbs``: Accord's event nouns and the verbs that perform them ("held
    talks"): a support verb's PETRARCH row for an event noun would hide Accord's reading, so is dropped.
    ``excluded`` may name multi-word verbs as "verb+particle"; ``pattern_roots``: the CAMEO roots of the
    patterns kept (None: all); ``particle_patterns``: keep ``- * (TO)``, ``- * UP``: a particle or
    preposition with no object.
    """

    known_codes: frozenset[str]
    accord_rules: Mapping[str, Sequence[AccordRule]] = field(default_factory=dict)
    excluded: frozenset[str] = frozenset()
    default_roots: frozenset[str] | None = None
    transitive_defaults: bool = False
    lemma_of: Callable[[str], str] | None = None
    named_verbs_only: bool = False
    pattern_roots: frozenset[str] | None = None
    particle_patterns: bool = True
    event_nouns: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = frozenset()


@dataclass
class Conversion:
    """The rows in output order, the word classes made from synonym sets, what was kept and skipped, by
    kind, and the codes skipped for want of a PLOVER mapping (with how often)."""

    rows: list[TriggerRow] = field(default_factory=list)
    classes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    unmapped: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class _Shape:
    """A pattern reduced to Accord's rule: a particle or preposition, and one object noun (or none)."""

    particle: str | None
    noun: NounPhrase | None


def convert_verbs(dictionary: VerbDictionary, settings: ConversionSettings) -> Conversion:
    """Convert a PETRARCH verb dictionary into trigger rows (see the module docstring)."""
    result = Conversion()
    counts = result.counts
    counts["synonym sets"] = len(dictionary.synsets)
    counts["verb blocks"] = len(dictionary.entries)
    counts["unreadable lines"] = len(dictionary.problems)
    owner: dict[tuple[str, str | None], int] = {}  # (lemma, particle) -> the line of the verb that has it
    by_lemma: dict[str, list[TriggerRow]] = {}  # Accord reads a verb's rows, particles or not, together
    for entry in dictionary.entries:
        counts["patterns"] += len(entry.patterns)
        templates = [
            (_template(result, p, settings, dictionary), _named_verbs(p.comment, entry, settings))
            for p in entry.patterns
        ]
        for verb in entry.verbs:
            counts["verbs"] += 1
            unstatable = _unstatable_verb(verb)
            if unstatable is not None:
                counts[unstatable] += 1
                continue
            particle = verb.after[0].lower() if verb.after else None
            default = _default_template(verb, entry, particle, settings, result)
            for lemma in sorted(_lemmas(verb, settings)):
                key = (lemma, particle)
                if owner.setdefault(key, verb.line) != verb.line:
                    counts["lemmas already given by an earlier verb line (PETRARCH keeps the first)"] += 1
                    continue
                rows = by_lemma.setdefault(lemma, [])
                for template, named in templates:
                    if template is not None and (named is None or verb.line in named):
                        rows += _instantiate(template, lemma, particle, counts)
                rows += _default_rows(default, lemma, particle, settings, counts)
    for lemma, rows in by_lemma.items():
        nouns = settings.event_nouns if lemma in settings.support_verbs else frozenset()
        own = settings.accord_rules.get(lemma, ())
        result.rows += arrange_rows(rows, own, event_nouns=nouns, classes=result.classes, counts=counts)
    counts["rows written"] = len(result.rows)
    return result


def verb_forms(verb: Verb) -> tuple[str, ...]:
    """The lower-case forms PETRARCH matches for a verb: the word and its listed forms, or, if none are
    listed, the regular forms it makes (-S/-ES/-IES, -ED/-D, -ING)."""
    word = verb.verb.lower()
    if verb.forms is not None:
        listed = (f.lower().lstrip("+").split("_") for f in verb.forms)
        at = len(verb.before)
        return (word, *(parts[at].lstrip("+") for parts in listed if len(parts) > at and parts[at].isalpha()))
    if word.endswith(("s", "x", "z")):
        third = word + "es"
    elif word.endswith("y"):
        third = word[:-1] + "ies"
    else:
        third = word + "s"
    past = word + "d" if word.endswith("e") else word + "ed"
    gerund = word[:-1] + "ing" if word.endswith("e") and word[-2:-1] not in "aeiou" else word + "ing"
    return (word, third, past, gerund)


# -- verbs ----------------------------------------------------------------------------------------------


def _unstatable_verb(verb: Verb) -> str | None:
    """Why Accord cannot state a verb line (words before the verb other than RE, more than one word
    after it, a conjunction after it as in "+KILLED_AND", an auxiliary as in "+IS_DETERMINED"), or None.
    A verb and one word after it is Accord's "call+off" or "wage+war"."""
    if verb.before and verb.before != ("RE",):
        return "verbs skipped: words before the verb"
    if len(verb.after) > 1:
        return "verbs skipped: three or more words"
    if verb.after and verb.after[0].lower() in _CONJUNCTIONS:
        return "verbs skipped: a conjunction after the verb"
    if verb.verb.lower() in _AUXILIARIES:
        return "verbs skipped: an auxiliary as the verb"
    return None


def _lemmas(verb: Verb, settings: ConversionSettings) -> set[str]:
    """The lemmas the parser gives the verb's forms ("staged" is "stag" to spaCy's small model), with
    the word itself; "RE_+ARREST" is "re-arrest", as Accord joins "re-" to its verb."""
    prefix = "re-" if verb.before == ("RE",) else ""
    forms = verb_forms(verb)
    lemma_of = settings.lemma_of
    if lemma_of is None:
        return {prefix + forms[0]}
    if verb.forms is None and lemma_of(forms[0]) != forms[0]:
        # "TOURING", "FORGAVE", "FOUND": a line that is no base form (or is read as another verb's form,
        # "found" as "find"); the regular forms PETRARCH makes of it are no words, so it stands alone.
        return {prefix + forms[0]}
    return {prefix + forms[0]} | {prefix + lemma_of(form) for form in forms[1:]}


def _default_template(
    verb: Verb, entry: VerbEntry, particle: str | None, settings: ConversionSettings, result: Conversion
) -> TriggerRow | None:
    """The row a verb's default code gives each of its lemmas (lemma left empty), or None, counted."""
    counts = result.counts
    code = verb.code
    if code.null:
        counts["default codes skipped: null (the bare verb is no event)"] += 1
        return None
    if code.actor is None:
        counts["default codes skipped: reverse event only"] += 1
        return None
    roots = settings.default_roots
    if particle is None and roots is not None and code.actor[:2] not in roots:
        counts["default codes skipped: outside the kept CAMEO roots"] += 1
        return None
    if code.actor not in settings.known_codes:
        counts["default codes skipped: no PLOVER mapping"] += 1
        result.unmapped[code.actor] += 1
        return None
    counts["default codes kept"] += 1
    flags = _flags(code)
    if settings.transitive_defaults and particle is None:
        flags = (*flags, "transitive")
    return TriggerRow("", "*", code.actor, flags, f"{entry.name}:{verb.line}")


def _default_rows(
    template: TriggerRow | None,
    lemma: str,
    particle: str | None,
    settings: ConversionSettings,
    counts: Counter[str],
) -> list[TriggerRow]:
    if template is None:
        return []
    joined = lemma if particle is None else f"{lemma}+{particle}"
    if joined in settings.excluded:
        counts["default rows skipped: everyday verb (lemmas)"] += 1
        return []
    return [TriggerRow(joined, "*", template.cameo, template.flags, template.origin)]


def _named_verbs(comment: str, entry: VerbEntry, settings: ConversionSettings) -> frozenset[int] | None:
    """The lines of the block's verbs that a pattern's comment names ("# RUSH", "# WIPE_OUT , WIPED_OUT"),
    or None for the whole block (no names, or the setting is off)."""
    if not settings.named_verbs_only:
        return None
    words = {w.lower() for w in _COMMENT_WORD.findall(comment.split("<", 1)[0])}
    named = frozenset(verb.line for verb in entry.verbs if words & _verb_keys(verb))
    return named or None


def _verb_keys(verb: Verb) -> set[str]:
    """The ways a comment may name a verb: its forms, joined with its other words ("wiped_out")."""
    before = "_".join(verb.before).lower()
    after = "_".join(verb.after).lower()
    return {"_".join(w for w in (before, form, after) if w) for form in verb_forms(verb)}


# -- patterns -------------------------------------------------------------------------------------------


def _shape(pattern: VerbPattern, counts: Counter[str]) -> _Shape | None:
    """The pattern as a particle and an object, or None (counted by kind) if Accord cannot state it."""
    kind = _unstatable(pattern)
    if kind is not None:
        counts[f"patterns skipped: {kind}"] += 1
        return None
    after, preps = pattern.after, pattern.after_preps
    if preps:
        [prep] = preps
        return _Shape(prep.preposition.lower(), prep.nouns[0] if prep.nouns else None)
    if len(after) == 2:
        return _Shape(after[0].head.lower(), after[1])
    if after[0].head.lower() in PARTICLES:
        return _Shape(after[0].head.lower(), None)
    return _Shape(None, after[0])


def _unstatable(pattern: VerbPattern) -> str | None:
    """Why Accord's rule model cannot state a pattern, or None if it can."""
    if pattern.marks_roles:
        return "source/target positions ($, +)"
    if pattern.before or pattern.before_preps:
        return "words before the verb (subject)"
    if pattern.code.actor is None and not pattern.code.null:
        return "reverse event only ([:code])"
    after, preps = pattern.after, pattern.after_preps
    if not after and not preps:
        return "bare verb"
    if any(p.preposition.lower() not in PREPOSITIONS for p in preps):
        return "a '(...)' that is no prepositional phrase"
    if len(preps) > 1 or (preps and after) or len(preps[0].nouns if preps else ()) > 1:
        return "object and prepositional phrases (longer phrase)"
    if len(after) > 2:
        return "three or more words after the verb (longer phrase)"
    if len(after) == 2 and (after[0].head.lower() not in PARTICLES or after[0].modifiers):
        return "two nouns after the verb (longer phrase)"
    nouns = [n for n in after if n.head.lower() not in PARTICLES] + [n for p in preps for n in p.nouns]
    if any(n.modifiers for n in nouns):
        return "object with modifiers ({ADJ NOUN})"
    if any("_" in n.head for n in nouns):
        return "multi-word object"
    return None


def _template(
    result: Conversion, pattern: VerbPattern, settings: ConversionSettings, dictionary: VerbDictionary
) -> TriggerRow | None:
    """The row a pattern gives any verb of its block (lemma left empty, the particle after "+"), or None
    (counted by kind) if Accord cannot state it."""
    counts = result.counts
    shape = _shape(pattern, counts)
    if shape is None:
        return None
    code = pattern.code
    if not code.null and code.actor not in settings.known_codes:
        counts["patterns skipped: no PLOVER mapping"] += 1
        result.unmapped[str(code.actor)] += 1
        return None
    roots = settings.pattern_roots
    if not code.null and roots is not None and str(code.actor)[:2] not in roots:
        counts["patterns skipped: outside the kept CAMEO roots"] += 1
        return None
    if shape.noun is None and not settings.particle_patterns:
        counts["patterns skipped: a particle or preposition without an object (setting)"] += 1
        return None
    objects = "*"
    if shape.noun is not None:
        found = _object(result, shape.noun, dictionary)
        if found is None:
            counts["patterns skipped: undefined synonym set"] += 1
            return None
        objects = found
    kind = ("verb + particle" if shape.particle is not None else "verb") + (
        " + object" if shape.noun is not None else ""
    )
    counts[f"patterns kept: {kind}{' (null: blocking)' if code.null else ''}"] += 1
    lemma = "" if shape.particle is None else f"+{shape.particle}"
    cameo = "-" if code.null else str(code.actor)
    return TriggerRow(lemma, objects, cameo, () if code.null else _flags(code), f"line {pattern.line}")


def _instantiate(
    template: TriggerRow, lemma: str, particle: str | None, counts: Counter[str]
) -> list[TriggerRow]:
    """The pattern's row for one verb lemma (and the particle of a multi-word verb)."""
    if particle is not None and template.lemma:
        counts["pattern rows: a second particle on a multi-word verb"] += 1
        return []
    joined = lemma + (f"+{particle}" if particle is not None else template.lemma)
    return [TriggerRow(joined, template.object, template.cameo, template.flags, template.origin)]


def _object(result: Conversion, noun: NounPhrase, dictionary: VerbDictionary) -> str | None:
    """The object column for a noun: the word, or a word class made from its synonym set (None if
    the set is not defined)."""
    if not noun.head.startswith("&"):
        return noun.head.lower()
    synset = dictionary.synsets.get(noun.head)
    if synset is None:
        return None
    name = "PETRARCH_" + synset.name.lstrip("&").rstrip("_")
    if name not in result.classes:
        words = [w[0].lower() for w in synset.words() if len(w) == 1]
        result.counts["synonym-set phrases of several words left out of classes"] += sum(
            len(w) > 1 for w in synset.phrases
        )
        result.classes[name] = tuple(dict.fromkeys(words))
    return "@" + name


def _flags(code: PetrarchCode) -> tuple[str, ...]:
    flags: list[str] = []
    if code.reverse is not None and code.reverse == code.actor:
        flags.append("reciprocal")  # "[040:040]": the two sides act together
    if code.actor == VISIT_CODE:
        flags.append("dest")
    return tuple(flags)
