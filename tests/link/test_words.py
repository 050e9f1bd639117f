"""Content words and stems: the wording two reports of one event share."""

from __future__ import annotations

import pytest

from accord.link.words import content_words, jaccard, stem, stopwords, trigger_words


@pytest.mark.parametrize(
    ("forms", "same"),
    [
        (("attacked", "attacks", "attacking", "attack"), True),
        (("strike", "strikes", "striking"), True),
        (("planned", "planning", "plans"), True),
        (("signed", "signing", "signs"), True),
        (("meet", "talks"), False),
    ],
)
def test_words_stems_meet_across_inflections(forms, same):
    assert (len({stem(f) for f in forms}) == 1) is same


def test_words_content_words_leave_out_function_and_reporting_words():
    words = content_words("U.S. officials said on Monday that warships attacked the Iranian platforms.")
    assert words == {"warship", "attack", "iranian", "platform"}
    assert {"said", "monday", "officials", "the"} <= stopwords()


def test_words_trigger_keeps_its_words_even_when_all_are_common():
    assert trigger_words("launched a retaliatory strike") == {"launch", "retaliatory", "strik"}
    assert trigger_words("said") == {"said"}  # nothing else left: the trigger is not emptied


def test_words_jaccard():
    assert jaccard(frozenset({"a", "b"}), frozenset({"b", "c"})) == pytest.approx(1 / 3)
    assert jaccard(frozenset(), frozenset()) == 0.0
