"""Reading PETRARCH-format verb dictionaries (PETRARCH2's ``CAMEO.2.0.txt``) into plain records.

The format (PETRARCH2's ``dictionaries-format.rst`` and ``PETRreader.read_verb_dictionary``):

- ``#`` starts a comment (``;`` too on verb lines, a TABARI leftover); blank lines are skipped.
- A synonym set is a label ``&NAME`` followed by ``+WORD`` lines (``_`` joins the words of a phrase).
  Regular plurals are implied unless the label or the phrase ends with ``_``.
- A verb block starts ``--- NAME [CODE] ---``; its code is the default of its verbs, ``[---]`` (null)
  meaning that the bare verb is no event. Verb lines follow: ``SPEED {SPEEDING SPEEDS SPED} [043]``
  (irregular forms in braces, an own code in brackets); a multi-word verb joins its words with ``_``
  and marks the verb with ``+`` (``+CALL_OFF``, ``WIRE_+TAP``).
- Pattern lines ``- <before> * <after> [CODE]`` belong to the whole block. Bare words are noun heads,
  ``{FINANCIAL AID}`` a noun phrase whose last word is the head, ``(FOR AID)`` a prepositional phrase,
  ``&NAME`` a synonym set, and ``$``/``+`` (``%``/``^``) mark the source and target. A code ``X:Y``
  states two events, X by the source on the target and Y back; ``:Y`` only the one back.
- ``~`` lines are verb transformations (read past; they are not verb patterns).

``read_petrarch_verbs(path)`` returns a ``VerbDictionary``; ``parse_petrarch_verbs(text)`` reads text. A line the reader cannot make sense of never stops it: it is listed in ``problems`` with
its line number and reason, as PETRARCH itself logs and skips it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "NounPhrase",
    "PetrarchCode",
    "PrepPhrase",
    "Synset",
    "Verb",
    "VerbDictionary",
    "VerbEntry",
    "VerbPattern",
    "parse_petrarch_verbs",
    "read_petrarch_verbs",
    "regular_plural",
]

ROLE_MARKS = frozenset({"$", "+", "%", "^"})  # source, target, and TABARI's compound/agent marks

_BLOCK = re.compile(r"^---\s*(?P<name>[^\s\[]+)\s*\[(?P<code>[^\]]*)\][\s-]*$")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")
_CODE_TEXT = re.compile(r"(?P<actor>\d{2,4})?(?::(?P<reverse>\d{2,4}))?")
_FORMS = re.compile(r"\{(?P<forms>[^}]*)\}")


@dataclass(frozen=True)
class PetrarchCode:
    """A pattern's or verb's code: ``actor`` for the event by the source on the target, ``reverse`` for
    the event back ("042:043": a visit and its hosting; ":173": only the target acts); both None for
    the null code ``---``."""

    actor: str | None
    reverse: str | None = None

    @property
    def null(self) -> bool:
        """The null code: this verb or pattern is no event."""
        return self.actor is None and self.reverse is None


NULL_CODE = PetrarchCode(None, None)


@dataclass(frozen=True)
class Synset:
    """A synonym set: ``&NAME`` and its phrases (each a tuple of upper-case words)."""

    name: str
    phrases: tuple[tuple[str, ...], ...]
    plurals: tuple[bool, ...]  # whether PETRARCH adds a regular plural to each phrase

    def words(self) -> tuple[tuple[str, ...], ...]:
        """The phrases with the regular plurals PETRARCH adds to one-word phrases."""
        found: list[tuple[str, ...]] = []
        for phrase, plural in zip(self.phrases, self.plurals, strict=True):
            found.append(phrase)
            made = regular_plural(phrase[-1]) if plural else None
            if made is not None:
                found.append((*phrase[:-1], made))
        return tuple(found)


@dataclass(frozen=True)
class NounPhrase:
    """A noun in a pattern: its head (a word, ``&SYNSET`` or a role mark) and the words before it."""

    head: str
    modifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrepPhrase:
    """``(FOR {FINANCIAL AID})``: a preposition and the nouns it governs (none in ``(TO)``)."""

    preposition: str
    nouns: tuple[NounPhrase, ...] = ()


@dataclass(frozen=True)
class VerbPattern:
    """One ``-`` line of a block: the nouns and prepositional phrases before and after the verb."""

    before: tuple[NounPhrase, ...]
    before_preps: tuple[PrepPhrase, ...]
    after: tuple[NounPhrase, ...]
    after_preps: tuple[PrepPhrase, ...]
    code: PetrarchCode
    line: int
    text: str
    comment: str = ""  # after "#": usually the verb the pattern was written for ("# RUSH")

    @property
    def marks_roles(self) -> bool:
        """Whether the pattern places the source or target (``$``, ``+``, ``%``, ``^``)."""
        nouns = [*self.before, *self.after]
        nouns += [n for p in (*self.before_preps, *self.after_preps) for n in p.nouns]
        return any(n.head in ROLE_MARKS or set(n.modifiers) & ROLE_MARKS for n in nouns)


@dataclass(frozen=True)
class Verb:
    """A verb line: the verb word, the words of a multi-word verb before and after it ("+CALL_OFF":
    verb CALL, after ("OFF",)), the forms listed in braces (None if there are no braces: PETRARCH
    then makes the regular forms; ``{}`` lists none), and its code (the block's unless the line gives
    its own)."""

    verb: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    forms: tuple[str, ...] | None
    code: PetrarchCode
    line: int

    @property
    def text(self) -> str:
        """The verb as the dictionary writes it, without the "+": "CALL_OFF", "WIRE_TAP"."""
        return "_".join((*self.before, self.verb, *self.after))


@dataclass(frozen=True)
class VerbEntry:
    """A verb block: its name, default code, verbs and the patterns shared by all of them."""

    name: str
    code: PetrarchCode
    verbs: tuple[Verb, ...]
    patterns: tuple[VerbPattern, ...]
    line: int


@dataclass(frozen=True)
class VerbDictionary:
    """A whole verb dictionary: synonym sets by name, verb blocks in file order, the number of
    transformation lines, and the lines that could not be read (line, reason)."""

    synsets: dict[str, Synset]
    entries: tuple[VerbEntry, ...]
    transformations: int = 0
    problems: tuple[tuple[int, str], ...] = field(default=())


def read_petrarch_verbs(path: Path) -> VerbDictionary:
    """Read a PETRARCH verb dictionary file (UTF-8, or Latin-1 bytes read as such)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return parse_petrarch_verbs(text)


def parse_petrarch_verbs(text: str) -> VerbDictionary:
    """Read the text of a PETRARCH verb dictionary (see the module docstring for the format).

    >>> d = parse_petrarch_verbs("--- OFFER [030] ---\\nOFFER\\n- * AID [033]\\n")
    >>> d.entries[0].verbs[0].verb, d.entries[0].patterns[0].after[0].head
    ('OFFER', 'AID')
    """
    reader = _Reader()
    for number, raw in enumerate(text.splitlines(), start=1):
        reader.read_line(number, raw)
    return reader.result()


def regular_plural(word: str) -> str | None:
    """The regular plural PETRARCH's format gives a synonym-set noun: -Y -> -IES, -SS -> -SSES, else -S;
    None for a word already ending in a single S (the sets list some plurals as they are)."""
    if word.endswith("Y"):
        return word[:-1] + "IES"
    if word.endswith("SS"):
        return word + "ES"
    if word.endswith("S"):
        return None
    return word + "S"


class _Reader:
    """The reading state: the synonym set or verb block being filled."""

    def __init__(self) -> None:
        self.synsets: dict[str, Synset] = {}
        self.entries: list[VerbEntry] = []
        self.problems: list[tuple[int, str]] = []
        self.transformations = 0
        self._synset: tuple[str, bool, list[tuple[str, ...]], list[bool]] | None = None
        self._block: tuple[str, PetrarchCode, int] | None = None
        self._verbs: list[Verb] = []
        self._patterns: list[VerbPattern] = []

    def read_line(self, number: int, raw: str) -> None:
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            return
        if line.startswith("~"):
            self.transformations += 1
        elif line.startswith("---"):
            self._start_block(number, line)
        elif line.startswith("&"):
            self._start_synset(line.split("#", 1)[0].strip())
        elif line.startswith("-"):
            self._pattern(number, line)
        elif line.startswith("+") and self._synset is not None:
            self._synset_member(line.split("#", 1)[0].strip()[1:])
        elif self._block is not None:
            self._verb(number, line)
        else:
            self.problems.append((number, "a line outside any synonym set or verb block"))

    def result(self) -> VerbDictionary:
        self._close()
        return VerbDictionary(self.synsets, tuple(self.entries), self.transformations, tuple(self.problems))

    # -- containers -----------------------------------------------------------------------------------

    def _close(self) -> None:
        if self._synset is not None:
            name, _, phrases, plurals = self._synset
            self.synsets[name] = Synset(name, tuple(phrases), tuple(plurals))
            self._synset = None
        if self._block is not None:
            name, code, line = self._block
            self.entries.append(VerbEntry(name, code, tuple(self._verbs), tuple(self._patterns), line))
            self._block, self._verbs, self._patterns = None, [], []

    def _start_synset(self, label: str) -> None:
        self._close()
        # "&AUXVERB1_": the trailing "_" says no plurals; patterns still name the set with it.
        self._synset = (label, not label.endswith("_"), [], [])

    def _synset_member(self, text: str) -> None:
        assert self._synset is not None
        _, plurals, phrases, flags = self._synset
        words = tuple(w for w in text.replace("_", " ").split() if w)
        if words:
            phrases.append(words)
            flags.append(plurals and not text.endswith("_") and len(words) == 1)

    def _start_block(self, number: int, line: str) -> None:
        self._close()
        match = _BLOCK.match(line)
        if match is None:
            self.problems.append((number, f"a block header without a [code]: {line.strip()!r}"))
            self._block = (line.strip("- "), NULL_CODE, number)
            return
        self._block = (match["name"], _code(match["code"]) or NULL_CODE, number)

    # -- verbs and patterns -----------------------------------------------------------------------------

    def _verb(self, number: int, line: str) -> None:
        assert self._block is not None
        text = re.split(r"[#;]", line, maxsplit=1)[0].strip()
        code = self._block[1]
        coded = _CODE.search(text)
        if coded is not None:
            own = _code(coded["code"])
            if own is None:
                self.problems.append((number, f"a verb code that is not a CAMEO code: {coded['code']!r}"))
            else:
                code = own
            text = text[: coded.start()].strip()
        forms: tuple[str, ...] | None = None
        braced = _FORMS.search(text)
        if braced is not None:
            forms = tuple(braced["forms"].split())
            text = (text[: braced.start()] + text[braced.end() :]).strip()
        if not text or len(text.split()) != 1:
            self.problems.append((number, f"a verb line that is not one word or phrase: {line.strip()!r}"))
            return
        words = text.split("_")
        marked = [i for i, w in enumerate(words) if w.startswith("+")]
        if len(words) > 1 and len(marked) != 1:
            self.problems.append((number, f"a multi-word verb without one '+' on its verb: {text!r}"))
            return
        at = marked[0] if marked else 0
        verb = words[at].lstrip("+")
        self._verbs.append(Verb(verb, tuple(words[:at]), tuple(words[at + 1 :]), forms, code, number))

    def _pattern(self, number: int, line: str) -> None:
        if self._block is None:
            self.problems.append((number, "a pattern outside a verb block"))
            return
        text, _, comment = line[1:].partition("#")
        text = text.strip()
        coded = _CODE.search(text)
        code = _code(coded["code"]) if coded is not None else None
        if coded is None or code is None:
            self.problems.append((number, "a pattern without a valid [code]"))
            return
        body = text[: coded.start()].replace("_ ", " ")
        before, star, after = body.partition("*")
        if not star:
            self.problems.append((number, "a pattern without the verb's place '*'"))
            return
        try:
            nouns_before, preps_before = _segment(before)
            nouns_after, preps_after = _segment(after)
        except ValueError as error:
            self.problems.append((number, f"a pattern that cannot be read: {error}"))
            return
        pattern = VerbPattern(
            nouns_before,
            preps_before,
            nouns_after,
            preps_after,
            code,
            number,
            line[1:].strip(),
            comment.strip(),
        )
        self._patterns.append(pattern)


def _code(text: str) -> PetrarchCode | None:
    """The code in brackets: "---" is null; "042:043", ":173" and "030" as read; None if malformed."""
    text = text.strip()
    if text.strip("-") == "":
        return NULL_CODE
    match = _CODE_TEXT.fullmatch(text)
    if match is None or (match["actor"] is None and match["reverse"] is None):
        return None
    return PetrarchCode(match["actor"], match["reverse"])


def _segment(text: str) -> tuple[tuple[NounPhrase, ...], tuple[PrepPhrase, ...]]:
    """The nouns and the prepositional phrases of one side of a pattern; raises ``ValueError`` for
    unbalanced brackets."""
    nouns: list[NounPhrase] = []
    preps: list[PrepPhrase] = []
    for kind, content in _groups(text):
        if kind == "(":
            inner = list(_groups(content))
            if not inner or inner[0][0] != "word":
                raise ValueError(f"no preposition in ({content})")
            preps.append(PrepPhrase(inner[0][1], tuple(_noun(k, c) for k, c in inner[1:])))
        else:
            nouns.append(_noun(kind, content))
    return tuple(nouns), tuple(preps)


def _noun(kind: str, content: str) -> NounPhrase:
    if kind == "(":
        raise ValueError(f"a prepositional phrase inside a prepositional phrase: ({content})")
    if kind == "{":
        words = content.split()
        if not words:
            raise ValueError("an empty noun phrase {}")
        return NounPhrase(words[-1], tuple(words[:-1]))
    return NounPhrase(content)


def _groups(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into bare words ("word", w), braced phrases ("{", ...) and parenthesised ones
    ("(", ...), each with its content."""
    groups: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "({":
            close = _closing(text, i)
            groups.append((char, text[i + 1 : close].strip()))
            i = close + 1
        elif char in ")}":
            raise ValueError(f"an unopened {char!r}")
        else:
            end = i
            while end < len(text) and not text[end].isspace() and text[end] not in "(){}":
                end += 1
            groups.append(("word", text[i:end]))
            i = end
    return groups


def _closing(text: str, start: int) -> int:
    pairs = {"(": ")", "{": "}"}
    depth, opener = 0, text[start]
    for i in range(start, len(text)):
        if text[i] == opener:
            depth += 1
        elif text[i] == pairs[opener]:
            depth -= 1
            if depth == 0:
                return i
    raise ValueError(f"an unclosed {opener!r}")
