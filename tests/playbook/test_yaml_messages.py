"""YAML errors in a writer's terms: what happened, how to fix it, at file:line:col.

PyYAML's "mapping values are not allowed in this context" tells a CX lead nothing; the
loader says that a ': ' inside ``cause: Причина: ошибка`` started a new key and shows the
line quoted. Each case names the fix and keeps the position a writer can jump to.
"""

from __future__ import annotations

import pytest

from crisisplay.errors import CrisisplayError
from crisisplay.playbook.loader import parse_text


def _error(text: str) -> CrisisplayError:
    with pytest.raises(CrisisplayError) as info:
        parse_text(text, "facts.yaml")
    return info.value


def _at(exc: CrisisplayError) -> tuple[int, int]:
    assert exc.location is not None and exc.location.file == "facts.yaml"
    return exc.location.line, exc.location.column


def test_colon_inside_a_russian_value_shows_the_line_quoted() -> None:
    exc = _error("incident: сбой\ncause: Причина: ошибка в обновлении\n")
    assert "mapping values" not in exc.message
    assert "': '" in exc.message and "quotes" in exc.message and ">-" in exc.message
    assert 'cause: "Причина: ошибка в обновлении"' in exc.message
    assert _at(exc) == (2, 15)


def test_colon_in_a_list_item_quotes_the_whole_item() -> None:
    exc = _error("improvements:\n  - Причина: ошибка: в обновлении\n")
    assert '- "Причина: ошибка: в обновлении"' in exc.message


def test_colon_in_a_nested_key_keeps_the_key() -> None:
    exc = _error("facts:\n  cause:\n    example: Итог: всё работает\n")
    assert 'example: "Итог: всё работает"' in exc.message
    assert _at(exc) == (3, 18)


def test_colon_on_a_continuation_line_says_so() -> None:
    exc = _error("cause: первая строка\n  вторая: строка\n")
    assert "continues a text from the line above" in exc.message
    assert _at(exc) == (2, 9)


def test_quotes_inside_the_example_are_kept_valid() -> None:
    exc = _error('cause: Сбой: "Мобильный банк" не работает\n')
    assert "cause: 'Сбой: \"Мобильный банк\" не работает'" in exc.message


def test_long_values_are_shortened_in_the_example() -> None:
    exc = _error("cause: Причина: " + "очень длинный текст " * 20 + "\n")
    assert "…" in exc.message and len(exc.message) < 400


def test_tab_in_indentation() -> None:
    exc = _error("facts:\n\tcause: x\n")
    assert "tab character in the indentation" in exc.message and "spaces" in exc.message
    assert _at(exc) == (2, 1)


def test_tab_after_a_list_dash() -> None:
    exc = _error("a:\n\t- x\n")
    assert "tab" in exc.message and _at(exc)[0] == 2


@pytest.mark.parametrize("quote", ['"', "'"])
def test_unclosed_quote_points_at_the_opening_quote(quote: str) -> None:
    exc = _error(f"id: x\ntitle: {quote}Сбой сервиса\nlocale: ru\n")
    assert "never closed" in exc.message and f"closing {quote}" in exc.message
    assert "«ёлочки»" in exc.message
    assert _at(exc) == (2, 8)


def test_text_after_a_closing_quote() -> None:
    exc = _error('title: "Сбой" сервиса\n')
    assert "text after the closing quote" in exc.message and "«ёлочки»" in exc.message
    assert _at(exc)[0] == 1


def test_quotes_inside_double_quotes() -> None:
    exc = _error('note: "Он сказал "да""\n')
    assert "text after the closing quote" in exc.message


@pytest.mark.parametrize("text", ["sms: *900# звоните\n", "sms: *abc\n"])
def test_star_at_the_start_of_a_value(text: str) -> None:
    exc = _error(text)
    assert "anchor" in exc.message and "quotes" in exc.message and '"*900#' in exc.message
    assert _at(exc) == (1, 6)


def test_ampersand_at_the_start_of_a_value() -> None:
    assert "'&'" in _error("a: &\n").message


def test_exclamation_at_the_start_of_a_value() -> None:
    exc = _error("note: !важно\n")
    assert "YAML tag" in exc.message and "quotes" in exc.message


@pytest.mark.parametrize("char", ["@", "`", "%"])
def test_characters_that_cannot_start_a_value(char: str) -> None:
    exc = _error(f"owner: {char}duty\n")
    assert f"'{char}' cannot start a value" in exc.message and "quotes" in exc.message
    assert _at(exc) == (1, 8)


def test_backslash_in_double_quotes() -> None:
    exc = _error('path: "C:\\new\\qx"\n')
    assert "backslash" in exc.message and "single quotes" in exc.message


def test_wrong_indentation_names_both_columns() -> None:
    exc = _error("a:\n  b: 1\n c: 2\n")
    assert "indentation" in exc.message and "column 2" in exc.message and "column 3" in exc.message
    assert _at(exc) == (3, 2)


def test_list_item_where_a_key_is_expected() -> None:
    exc = _error("a: 1\n- b\n")
    assert "list item" in exc.message


def test_line_without_a_colon() -> None:
    exc = _error("a: 1\nb\nc: 2\n")
    assert "no 'key: value'" in exc.message and _at(exc) == (2, 1)


def test_text_after_a_block_indicator() -> None:
    exc = _error("a: | x\n  y\n")
    assert "after '|' or '>'" in exc.message


def test_unclosed_flow_mapping_points_at_the_brace() -> None:
    exc = _error("a: {b: 1\nc: 2\n")
    assert "'{'" in exc.message and "'}'" in exc.message and _at(exc) == (1, 4)


def test_question_mark_key() -> None:
    assert "complex key" in _error("a: ? b\n").message


def test_control_character_is_located() -> None:
    exc = _error("id: x\ntitle: Сбой\x01 сервиса\n")
    assert "U+0001" in exc.message and _at(exc) == (2, 12)


def test_over_long_key() -> None:
    exc = _error("k" * 1500 + ": 1\n")
    assert "longer than 1024" in exc.message


def test_unknown_messages_keep_pyyaml_text() -> None:
    """Anything not rewritten still reads as YAML said it, with a location."""
    exc = _error("a: 1\n... garbage\n")
    assert exc.location is not None and exc.location.line >= 1
