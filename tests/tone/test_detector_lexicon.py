"""The grammar detectors' word lists live in the packs' lexicon, where a pack can extend them."""

from __future__ import annotations

import pytest

from crisisplay.tone.api import MessageText, check_messages
from crisisplay.tone.doc import Doc
from crisisplay.tone.engine import build_ruleset
from crisisplay.tone.english_cues import named_channel
from crisisplay.tone.english_presence import wrong_action
from crisisplay.tone.events import ru_equipment, service_state_named
from crisisplay.tone.lexicon import LEXICON_KEYS, Lexicon
from crisisplay.tone.packs import Pack, bundled_pack, pack_from_text

#: The lists the detectors of events, english_presence and english_cues read, by pack
DETECTOR_LISTS = {
    "ru": ("equipment", "status_readiness", "status_decision"),
    "en": ("status_readiness", "status_decision", "affecting_verb", "problem_head", "service_word", "error_adverb",
           "error_phrase", "error_unreal", "payment_verb", "payment_twice", "payment_duplicate", "payment_noun",
           "cause_verb", "caused_feeling", "hit_verb", "channel_clause"),
}


def _pack(lang: str, lexicon: str) -> Pack:
    return pack_from_text(f"pack: acme\nlanguage: {lang}\nlexicon:\n{lexicon}", f"acme-{lang}.yaml")


@pytest.mark.parametrize("lang", sorted(DETECTOR_LISTS))
def test_the_detector_lists_are_in_the_bundled_packs_and_documented(lang: str) -> None:
    lexicon = bundled_pack(lang).lexicon
    for name in DETECTOR_LISTS[lang]:
        assert lexicon.get(name), name
        assert name in LEXICON_KEYS, name


def test_lists_as_written_give_exact_forms() -> None:
    lex = Lexicon("en", raw={"x": ("=outage|outages", "=in =error", "by mistake", "* word", "word:VERB", "Wi‑Fi")})
    assert lex.forms_of("x") == {"outage", "outages", "wi-fi"}
    assert lex.written_of("x") == {("outage",), ("outages",), ("in", "error"), ("by", "mistake"), ("wi-fi",)}


def test_a_pack_service_word_names_what_is_down() -> None:
    """"parking issues" says what is down once a pack calls "parking" a service."""
    text = ("We are sorry: some customers are seeing parking issues this morning after a fault. "
            "Next update at 3 pm. Call 0800 123 456.")

    def rules(packs: list[Pack]) -> list[str]:
        reports = check_messages([MessageText("text", text, "m")], locale="en", stage_kind="first_notice",
                                 packs=packs)
        return [finding.rule for finding in reports[0].findings]

    assert rules([]) == ["CP311"]
    assert rules([_pack("en", "  service_word: [=parking]\n")]) == []


def test_a_pack_equipment_word_is_where_it_broke() -> None:
    """«щиток связи» is equipment once a pack says so: «связи» after it is no service."""
    doc_text = "Из-за аварии на щитке связи отменён утренний рейс."
    bundled = build_ruleset("ru").lexicon
    own = build_ruleset("ru", packs=[_pack("ru", "  equipment: [щиток]\n")]).lexicon
    assert service_state_named(Doc(doc_text, "ru"), bundled) == (22, 35)  # «связи отменён»
    assert service_state_named(Doc(doc_text, "ru"), own) == (28, 49)  # «отменён утренний рейс»
    doc = Doc(doc_text, "ru")
    at = next(i for i, t in enumerate(doc.tokens) if t.text == "щитке")
    assert not ru_equipment(doc, at, bundled) and ru_equipment(doc, at, own)


def test_a_pack_error_adverb_and_channel_words_reach_the_detectors() -> None:
    text = "Some customers were billed incorrectly. Updates will follow via Twitter."
    doc, bundled = Doc(text, "en"), build_ruleset("en").lexicon
    assert wrong_action(doc, bundled) == (27, 38)  # "incorrectly"
    assert named_channel(doc, bundled) == (64, 71)
    improper = Doc("Some customers were billed improperly.", "en")
    assert wrong_action(improper, bundled) is None
    own = build_ruleset("en", packs=[_pack("en", "  error_adverb: [=improperly]\n")]).lexicon
    assert wrong_action(improper, own) == (27, 37)
