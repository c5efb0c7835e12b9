"""The ``name`` filter: names from CRM exports as greetings say them, in Russian and English."""

from __future__ import annotations

from datetime import timezone

import pytest
from jinja2.exceptions import TemplateRuntimeError

from crisisplay.render.filters import Filters
from crisisplay.render.names import fix_case, name_form, parse_name


@pytest.mark.parametrize(("written", "ru", "en", "full"), [
    ("МАРИЯ", "Мария", "Мария", "Мария"),
    ("ИВАН", "Иван", "Иван", "Иван"),
    ("соколов дмитрий сергеевич", "Дмитрий Сергеевич", "Дмитрий", "Дмитрий Сергеевич Соколов"),
    ("Дмитрий Сергеевич Соколов", "Дмитрий Сергеевич", "Дмитрий", "Дмитрий Сергеевич Соколов"),
    ("  ЁЛКИН  АЛЕКСЕЙ ", "Алексей", "Алексей", "Алексей Ёлкин"),
    ("Петров Иван", "Иван", "Иван", "Иван Петров"),
    ("Иван Петров", "Иван", "Иван", "Иван Петров"),
    ("ИВАНОВА ОЛЬГА ЮРЬЕВНА", "Ольга Юрьевна", "Ольга", "Ольга Юрьевна Иванова"),
    ("салтыков-щедрин михаил евграфович", "Михаил Евграфович", "Михаил", "Михаил Евграфович Салтыков-Щедрин"),
    ("Соколов, Дмитрий Сергеевич", "Дмитрий Сергеевич", "Дмитрий", "Дмитрий Сергеевич Соколов"),
    ("Мамедов Али Гусейн оглы", "Али Гусейн оглы", "Али", "Али Гусейн оглы Мамедов"),
    ("анна-мария", "Анна-Мария", "Анна-Мария", "Анна-Мария"),
    ("SMITH, JOHN", "John", "John", "John Smith"),
    ("john smith", "John", "John", "John Smith"),
    ("DeShawn Jones", "DeShawn", "DeShawn", "DeShawn Jones"),       # written with care: kept
    ("vincent van gogh", "Vincent", "Vincent", "Vincent van Gogh"),
    ("o'brien patrick", "O'Brien", "O'Brien", "O'Brien Patrick"),
    ("Иванов", "", "", "Иванов"),                                    # a surname alone: greet without it
    ("ООО РОМАШКА", "", "", "ООО РОМАШКА"),                         # a company, not a person
    ("", "", "", ""),
])
def test_greeting_and_full_forms(written: str, ru: str, en: str, full: str) -> None:
    assert name_form(written, "greeting", "ru") == ru
    assert name_form(written, "greeting", "en") == en
    assert name_form(written, "full", "ru") == full


def test_parts_and_other_forms() -> None:
    parts = parse_name("соколов дмитрий сергеевич")
    assert (parts.given, parts.patronymic, parts.surname) == ("Дмитрий", "Сергеевич", "Соколов")
    assert name_form("соколов дмитрий сергеевич", "given", "ru") == "Дмитрий"
    assert name_form("соколов дмитрий сергеевич", "surname", "ru") == "Соколов"


def test_letter_case() -> None:
    assert fix_case("ЁЛКИН") == "Ёлкин" and fix_case("д'артаньян") == "Д'Артаньян" and fix_case("МакКой") == "МакКой"
    assert fix_case("а.") == "А."


def test_the_filter_follows_the_playbook_language() -> None:
    ru, en = Filters("ru", timezone.utc).table()["name"], Filters("en", timezone.utc).table()["name"]
    assert ru("соколов дмитрий сергеевич") == "Дмитрий Сергеевич"
    assert en("соколов дмитрий сергеевич") == "Дмитрий"
    assert ru("соколов дмитрий сергеевич", "full") == "Дмитрий Сергеевич Соколов"
    with pytest.raises(TemplateRuntimeError, match="name form 'nick'"):
        ru("Анна", "nick")
    with pytest.raises(TemplateRuntimeError, match="expects a name"):
        ru(42)
