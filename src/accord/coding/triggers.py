"""Candidate triggers in a sentence: the words that may state an event, before sides and dates are read.

A candidate is a verb of the lexicon ("signed", "attacked"), with the object or particle its rule needs
("signed an agreement", "called for"); an event noun ("talks", "summit") performed by a support verb
("held talks") or tied to the clause or to actors ("at the summit", "the India-Russia summit"); or a
reported obligation ("Britain said Libya must hand over the suspects": Britain's demand). Acts that are
only the content of another act ("urged Israel to halt its operations": the halt) are no candidates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.base.syntax import is_verb
from accord.coding.codes import FRAMING_TYPES
from accord.coding.context import Candidate, ParsedArticle
from accord.coding.grammar import MODIFIER_DEPS, RECIPIENT_PREPS, RELATIVE_PRONOUNS
from accord.coding.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["find_candidates", "object_of"]

# Prepositions that anchor an event noun to a clause ("at the meeting", "during the summit").
_ANCHOR_PREPS = frozenset({"at", "during", "in", "after", "before", "following", "amid", "since", "ahead"})
_OBLIGATION_AUX = frozenset({"must", "should"})
# "voiced concern over the talks", "spoke about the attack", "made statements following a meeting":
# prepositions through which a verb is about an event noun or only placed in time by it, rather than
# performing it ("took part in the talks", "continued with the protest").
_ABOUT_PREPS = frozenset(
    {"over", "about", "regarding", "concerning", "following", "after", "before", "during", "amid", "since"}
)
# The path from an act up to the act whose content it is ("urged X to halt", "accused X of violating").
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj"})
_CONTENT_PREPS = frozenset({"of", "for", "against"})


def find_candidates(parsed: ParsedArticle, sentence: Span) -> list[Candidate]:
    """The candidate triggers of one sentence, in text order (reported obligations last)."""
    found: list[Candidate] = []
    consumed: set[int] = set()
    for token in sentence:
        if token.i in consumed or token.i in parsed.time_tokens:
            continue
        candidate = _verb_candidate(parsed, token) if is_verb(token) else None
        if candidate is None and token.pos_ in ("NOUN", "PROPN"):
            candidate = _noun_candidate(parsed, token)
        if candidate is None:
            continue
        found.append(candidate)
        if candidate.rule.objects is not None:
            # "signed an agreement", "held talks": the object is part of this event, not another one.
            obj = object_of(token)
            if obj is not None:
                consumed.add(obj.i)
    obligations = _reported_obligations(parsed, sentence)
    if obligations:
        # "Britain said Libya must hand over the suspects" reports Britain's demand, not a handover.
        obliged = {c.token.i for c in obligations}
        found = [
            c for c in found if c.token.i not in obliged and (c.support is None or c.support.i not in obliged)
        ]
        found += obligations
    # A noun whose support verb fired as a trigger itself is the same event.
    verbs = {c.token.i for c in found}
    found = [c for c in found if c.support is None or c.support.i not in verbs]
    return _without_content_clauses(found)


def object_of(verb: Token, particle: str | None = None) -> Token | None:
    """The object a trigger rule's object list is matched against: the direct object or passive subject,
    else the object of the rule's particle or of a preposition such as "on", else the noun a participle
    modifies ("the agreement signed by ...")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass"):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return child
    if particle is not None:
        for child in verb.children:
            if child.lower_ == particle:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "to", "for", "into", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        return verb.head  # "the agreement signed by ..."
    return None


# -- verbs and nouns ---------------------------------------------------------------------------------------


def _verb_candidate(parsed: ParsedArticle, token: Token) -> Candidate | None:
    if token.dep_ == "amod":
        return None  # "the defending champion", "the ruling party": a participle as adjective
    doc = parsed.doc
    for rule in parsed.lexicon.rules(_lemma(doc, token), "VERB"):
        extra: list[Token] = []
        if rule.particle is not None:
            particle = _particle(token, rule.particle)
            if particle is None:
                continue
            extra.append(particle)
        if rule.objects is not None:
            obj = object_of(token, rule.particle)
            if obj is None or not _object_lemmas(obj) & rule.objects:
                continue
        if rule.code is None:
            return None  # a listed non-event: "seize power", "strike a pose"
        if "-" in rule.lemma:
            extra += [doc[token.i - 2], doc[token.i - 1]]  # "co-chaired"
        tokens = tuple(sorted([token, *extra], key=lambda t: t.i))
        return Candidate(token, rule, rule.code, None, tokens)
    return None


def _noun_candidate(parsed: ParsedArticle, token: Token) -> Candidate | None:
    lexicon = parsed.lexicon
    rules = lexicon.rules(token.lemma_.lower(), "NOUN") or lexicon.rules(token.lower_, "NOUN")
    # A rule that names a modifier ("air strike", "hunger strike") is more specific than the bare noun.
    for rule in sorted(rules, key=lambda r: r.particle is None):
        extra: list[Token] = []
        if rule.particle is not None:
            modifier = next((c for c in token.lefts if c.lower_ == rule.particle), None)
            if modifier is None:
                continue
            extra.append(modifier)
        if rule.objects is not None and not _object_lemmas(token) & rule.objects:
            continue
        if rule.code is None:
            return None  # a listed non-event, as for verbs
        if any(c.lemma_.lower() in lexicon.blocked_modifiers for c in token.lefts):
            continue  # "heart attack", "panic attack", "price war"
        support = _support_verb(lexicon, token)
        if support is None:
            # A noun for a statement ("demands", "criticism") mostly names an act reported
            # elsewhere; it counts as an event only when a verb performs it ("made demands").
            if rule.code.quad_class in (1, 3) and rule.code.event not in ("CONSULT", "AGREE"):
                continue
            if not _anchored(parsed, token):
                continue
        tokens = [token, *extra] + ([support] if support is not None else [])
        return Candidate(token, rule, rule.code, support, tuple(sorted(tokens, key=lambda t: t.i)))
    return None


def _support_verb(lexicon: Lexicon, noun: Token) -> Token | None:
    """The verb that performs an event noun: "held talks", "took part in the summit"; None if none."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in lexicon.generic_event_heads:
        noun = noun.head  # "launched a mediation effort": the effort stands where the event would
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "obj") and is_verb(head):
        return head if head.lemma_.lower() in lexicon.support_verbs else None
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "prt", "agent") and head.lower_ not in _ABOUT_PREPS:
        verb = head.head
        if not is_verb(verb) and verb.dep_ in ("dobj", "obj") and is_verb(verb.head):
            verb = verb.head  # "take part in the dialogue": "in" hangs on "part"
        if not is_verb(verb):
            return None
        # "take part in talks", "participate in the summit", "join the talks"
        if verb.lemma_.lower() in lexicon.support_verbs | {"participate", "engage"}:
            return verb
    return None


def _anchored(parsed: ParsedArticle, noun: Token) -> bool:
    """An event noun stands for a real event when something ties it to the clause or to actors."""
    if noun.dep_ == "pobj" and noun.head.lower_ in _ANCHOR_PREPS:
        # "in protest at", "in retaliation": a bare noun after "in" says why, not what happened.
        return noun.head.lower_ != "in" or any(c.dep_ in ("det", "poss") for c in noun.children)
    if noun.dep_ in ("nsubj", "nsubjpass") and is_verb(noun.head):
        # "the attack killed five", "talks began": only verbs that say an event happened anchor it.
        return noun.head.lemma_.lower() in parsed.lexicon.event_predicates
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS and parsed.mention_in(child) is not None:
            return True
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS | {"by", "of"}:
            for pobj in child.children:
                if parsed.mention_in(pobj) is not None:
                    return True
                if child.lower_ == "of" and any(t.like_num for t in pobj.subtree):
                    return True  # "the procurement of 6,01,427 rifles"
    return False


# -- acts inside other acts ----------------------------------------------------------------------------------


def _reported_obligations(parsed: ParsedArticle, sentence: Span) -> list[Candidate]:
    """'Britain said Libya must hand over the suspects': a demand by the speaker of the one obliged."""
    rule = parsed.lexicon.obligation_rule
    if rule is None or rule.code is None:
        return []
    found: list[Candidate] = []
    for token in sentence:
        if token.dep_ != "ccomp" or not is_verb(token):
            continue
        modal = next((c for c in token.children if c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX), None)
        if modal is None or token.head.lemma_.lower() not in parsed.lexicon.obligation_frames:
            continue
        found.append(Candidate(token, rule, rule.code, None, (modal, token), speaker=token.head))
    return found


def _without_content_clauses(found: list[Candidate]) -> list[Candidate]:
    """Drop acts that are only the content of another act: "urged Israel to halt its operations",
    "accused the rebels of violating the ceasefire", "refused to deploy troops", "threatened to
    attack". CAMEO and PLOVER code the demand, accusation, refusal or threat, once."""
    framing = {
        c.token.i for c in found if c.code.event in FRAMING_TYPES and is_verb(c.token) and c.speaker is None
    }
    if not framing:
        return found
    accusing = {c.token.i for c in found if c.code.event == "ACCUSE" and c.token.i in framing}
    return [c for c in found if not _is_content(c, framing, accusing)]


def _is_content(candidate: Candidate, framing: set[int], accusing: set[int]) -> bool:
    """Whether the candidate's clause lies, within three steps up the parse, inside a framing act."""
    if not is_verb(candidate.token) and candidate.token.dep_ == "dobj" and candidate.token.head.i in accusing:
        return False  # "condemned the air strikes on Lebanon": the strikes happened
    node, steps = candidate.clause, 0
    if node.dep_ == "conj" and node.head.dep_ in _CONTENT_DEPS:
        node = node.head  # "called on Arabs to unite and mobilize": both verbs are the content
    while steps < 3 and node.head.i != node.i and node.dep_ in _CONTENT_DEPS:
        if node.dep_ == "prep" and node.lower_ not in _CONTENT_PREPS:
            return False  # "accused X ... after an attack": the attack is its own act
        node, steps = node.head, steps + 1
        if node.i in framing and node.i != candidate.token.i:
            return True
    return False


# -- words -----------------------------------------------------------------------------------------------------


def _lemma(doc: Doc, token: Token) -> str:
    lemma = token.lemma_.lower()
    # spaCy splits "co-chaired" into "co", "-", "chaired".
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("co", "re"):
        return f"{doc[token.i - 2].lower_}-{lemma}"
    return lemma


def _object_lemmas(token: Token) -> set[str]:
    """The words an object offers to a rule's object list: its lemma and form, its conjuncts', its noun
    modifiers' and, for a measure ("tons of food aid"), the measured noun's."""
    found = {token.lemma_.lower(), token.lower_}
    for conj in token.conjuncts:
        found |= {conj.lemma_.lower(), conj.lower_}
    # "agreements/contracts/protocols" is parsed as one phrase with modifiers.
    for child in token.children:
        if child.dep_ in ("nmod", "compound") and child.pos_ == "NOUN":
            found |= {child.lemma_.lower(), child.lower_}
        # "25,000 tons of food aid", "part of a military aid programme": the measure names the thing.
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found |= {pobj.lemma_.lower(), pobj.lower_}
                    found |= {c.lemma_.lower() for c in pobj.children if c.dep_ in ("compound", "amod")}
    return found


def _particle(verb: Token, particle: str) -> Token | None:
    for child in verb.children:
        if child.lower_ == particle and child.dep_ in ("prt", "prep", "dobj", "advmod", "compound:prt"):
            return child
    return None
