"""Rule messages are filled from a pack author's template: never a crash, never a lost name."""

from __future__ import annotations

import pytest

from crisisplay.tone.base import fill


def test_known_names_are_filled_and_format_specs_apply() -> None:
    assert fill("«{match}»: {count:>3} раза", match="паника", count=2) == "«паника»:   2 раза"


def test_an_unknown_name_stays_as_the_author_wrote_it() -> None:
    assert fill("{match} — {typo}", match="ЧП") == "ЧП — {typo}"


@pytest.mark.parametrize("template", ["{0}", "{}", "{match", "{match.upper.x}", "{typo.attr}", "{match[2]}"])
def test_a_template_that_cannot_be_filled_is_returned_unfilled(template: str) -> None:
    assert fill(template, match="ЧП") == template
