"""The shared parse tests on real parses: verbs, passives, purpose infinitives, borrowed subjects."""

from __future__ import annotations

import pytest

from accord.base.syntax import (
    has_agent,
    has_passive_auxiliary,
    is_agentless_passive,
    is_passive,
    is_passive_participle,
    is_purpose_infinitive,
    is_verb,
    subjects_of,
)


def _token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_syntax_is_verb_takes_full_verbs_not_auxiliaries(nlp):
    assert is_verb(_token(nlp, "India has met Russia.", "met"))
    assert not is_verb(_token(nlp, "India has met Russia.", "has"))
    assert not is_verb(_token(nlp, "The summit ended.", "summit"))


def test_syntax_passive_with_and_without_its_author(nlp):
    named = _token(nlp, "The agreement was signed by the ministers.", "signed")
    unnamed = _token(nlp, "The agreement was signed on Monday.", "signed")
    active = _token(nlp, "The ministers signed the agreement.", "signed")
    assert is_passive(named) and has_agent(named) and has_passive_auxiliary(named)
    assert is_passive(unnamed) and not has_agent(unnamed)
    assert not is_passive(active) and not has_passive_auxiliary(active)
    assert is_agentless_passive(unnamed)
    assert not is_agentless_passive(named) and not is_agentless_passive(active)


def test_syntax_passive_participle_that_modifies_a_noun(nlp):
    participle = _token(nlp, "The groups accused of the attack denied it.", "accused")
    assert is_passive_participle(participle) and is_agentless_passive(participle)
    assert not is_passive_participle(_token(nlp, "Pakistan accused India of the attack.", "accused"))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The Syrian Democratic Forces were raised by Washington to fight Islamic State.", "fight", True),
        ("North Korea threatened to attack South Korea.", "attack", False),
        ("North Korea attacked South Korea.", "attacked", False),
    ],
)
def test_syntax_purpose_infinitive(nlp, text, word, expected):
    assert is_purpose_infinitive(_token(nlp, text, word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "subjects"),
    [
        ("India signed the pact.", "signed", ["India"]),
        ("India met Russia and signed the pact.", "signed", ["India"]),  # borrowed from the first verb
        ("India plans to sign the pact.", "sign", ["India"]),  # borrowed from the controlling verb
        ("The pact was signed by India.", "signed", ["India"]),  # the passive's author
        ("Denmark filed a resolution denouncing China.", "denouncing", ["resolution"]),
        ("Talks on the pact.", "Talks", []),
    ],
)
def test_syntax_subjects_of(nlp, text, word, subjects):
    assert [t.text for t in subjects_of(_token(nlp, text, word))] == subjects
