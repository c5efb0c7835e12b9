"""Static checks of the library's wording: address, ё, filters for dates and plurals, calm tone.

These run on the template sources (Jinja tags removed), so they hold whether or not the
render engine and the tone linter are installed; test_library_lint.py runs the real linter.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from library_helpers import all_playbook_paths, base_path, templates

from crisisplay.playbook.build import load_playbook
from crisisplay.playbook.model import Playbook

PATHS = all_playbook_paths()
IDS = [f"{p.parent.name}.{p.name.split('.')[1]}" for p in PATHS]
RU_PATHS = [p for p in PATHS if p.name.endswith(".ru.yaml")]
RU_IDS = [p.parent.name for p in RU_PATHS]
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
#: Lower-case forms of the formal «Вы»: the library capitalises them everywhere.
LOWER_VY = re.compile(
    r"(?<![А-Яа-яЁё])(вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|вашему|вашим|вашими|ваших|вашу)(?![А-Яа-яЁё])"
)
#: Words that are always written with «ё» in the library (never the «е» spelling).
YO_WORDS = ("еще", "пришлем", "придет", "ждете", "ждем", "счет", "вернем", "начнем", "найдется", "учтем", "перенесем")
#: Officialese the library never uses in customer texts.
BUREAUCRATESE_RU = (
    "в связи с",
    "в настоящее время",
    "данный момент",
    "осуществл",
    "в целях",
    "по техническим причинам",
    "приносим извинения за доставленные",
    "уважаемый клиент",
    "в кратчайшие сроки",
    "денежные средства",
)
BUREAUCRATESE_EN = (
    "utilise",
    "at this point in time",
    "in the event that",
    "due to the fact",
    "apologise for any inconvenience caused",
    "valued customer",
    "as soon as possible",
)
#: Promises nobody can keep.
UNVERIFIABLE = (
    "гарантир",
    "100%",
    "никогда",
    "навсегда",
    "больше не повторится",
    "guarantee",
    "never happen",
    "100 %",
    "will not happen again",
)


def _customer_text(playbook: Playbook) -> list[tuple[str, str]]:
    """(where, text without Jinja) for every customer-facing template part."""
    result = []
    for stage, channel, part, template in templates(playbook):
        if channel == "contact_center" and part == "avoid":
            continue  # the list of what not to say names what it forbids
        result.append((f"{stage}/{channel}/{part}", JINJA.sub(" ", template.source)))
    return result


@pytest.fixture(scope="module", params=PATHS, ids=IDS)
def playbook(request: pytest.FixtureRequest) -> Playbook:
    return load_playbook(request.param)


@pytest.mark.parametrize("path", RU_PATHS, ids=RU_IDS)
def test_formal_address_is_capitalised_in_russian(path: Path) -> None:
    playbook = load_playbook(path)
    for where, text in _customer_text(playbook):
        found = LOWER_VY.findall(text)
        assert not found, f"{where}: lower-case {found} (the library writes «Вы», «Ваш»)"
    for name, spec in playbook.facts.items():
        for value in (spec.example, spec.default):
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str):
                    assert not LOWER_VY.findall(text), f"fact {name}: lower-case «вы» in {text!r}"


@pytest.mark.parametrize("path", RU_PATHS, ids=RU_IDS)
def test_yo_is_written(path: Path) -> None:
    playbook = load_playbook(path)
    texts = _customer_text(playbook) + [
        (f"fact {name}", str(spec.example or spec.default)) for name, spec in playbook.facts.items()
    ]
    for where, text in texts:
        lowered = text.lower()
        for word in YO_WORDS:
            assert not re.search(rf"(?<![а-яё]){word}(?![а-яё])", lowered), f"{where}: «{word}» without ё"


def test_no_exclamations_shouting_or_officialese(playbook: Playbook) -> None:
    officialese = BUREAUCRATESE_RU if playbook.locale == "ru" else BUREAUCRATESE_EN
    for where, text in _customer_text(playbook):
        assert "!" not in text, f"{where}: an exclamation mark"
        lowered = text.lower()
        for phrase in officialese:
            assert phrase not in lowered, f"{where}: officialese «{phrase}»"
        for phrase in UNVERIFIABLE:
            assert phrase not in lowered, f"{where}: unverifiable promise «{phrase}»"


def test_tone_profile_words_stay_out_of_the_texts(playbook: Playbook) -> None:
    forbidden = [word.lower() for word in playbook.tone.forbidden]
    for where, text in _customer_text(playbook):
        words = set(re.findall(r"[\w-]+", text.lower()))
        lowered = text.lower()
        for word in forbidden:
            hit = word in lowered if " " in word else word in words
            assert not hit, f"{where}: forbidden word «{word}»"


def test_dates_numbers_and_phones_go_through_the_filters(playbook: Playbook) -> None:
    """Typed facts are printed through filters: dates by the locale, plurals by CLDR."""
    typed = {name: spec.type for name, spec in playbook.facts.items()}
    bare = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
    for stage, channel, part, template in templates(playbook):
        for name in bare.findall(template.source):
            kind = typed.get(name)
            assert kind not in ("datetime", "date", "time", "duration", "integer", "number"), (
                f"{stage}/{channel}/{part}: {{{{ {name} }}}} ({kind}) needs a filter such as "
                "datetime, date, plural or number"
            )
    if playbook.locale == "ru":
        sources = " ".join(t.source for *_rest, t in templates(playbook))
        assert "plural(" in sources or "duration" in sources, "Russian numbers are inflected with plural/duration"


def test_every_message_before_resolution_names_the_next_update(playbook: Playbook) -> None:
    for stage in playbook.stages.values():
        if stage.kind not in ("first_notice", "update"):
            continue
        for channel, template in stage.templates.items():
            source = " ".join(part.source for part in template.parts.values())
            assert "next_update_at" in source, f"{stage.id}/{channel} commits to no next update"


def test_every_message_names_the_company_or_a_contact(playbook: Playbook) -> None:
    for stage in playbook.stages.values():
        for channel, template in stage.templates.items():
            source = " ".join(part.source for part in template.parts.values())
            assert "hotline" in source, f"{stage.id}/{channel} gives no way to reach us"


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_base_partials_use_the_formal_voice(locale: str) -> None:
    base = load_playbook(base_path(locale))
    for name, template in base.partials.items():
        text = JINJA.sub(" ", template.source)
        assert "!" not in text
        if locale == "ru":
            assert not LOWER_VY.findall(text), name
