"""Each rule kind on small texts: existence, substitution, occurrence, capitalization,
consistency, required."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.diagnostics.model import Severity
from crisisplay.tone.base import CheckContext, Finding, Rule
from crisisplay.tone.doc import Doc
from crisisplay.tone.kinds import (
    CapitalizationRule,
    ConsistencyRule,
    ExistenceRule,
    OccurrenceRule,
    RequiredRule,
    SubstitutionRule,
)
from crisisplay.tone.patterns import UserPattern
from crisisplay.tone.phrases import PhraseSet

CTX = CheckContext(stage="first_notice", channel="sms")


def _common(lang: str = "ru", message: str = "{match}") -> dict[str, Any]:
    return {"id": "t.rule", "category": "alarm", "severity": Severity.WARNING, "message": message, "lang": lang}


def _run(rule: Rule, text: str, lang: str = "ru") -> list[Finding]:
    return list(rule.check(Doc(text, lang), CTX))


def test_existence_matches_every_form_and_fills_the_message() -> None:
    rule = ExistenceRule(**_common(message="«{match}» тревожит"), tokens=PhraseSet(["паника"], "ru"))
    found = _run(rule, "Без паники: панику сеять не надо")
    assert [f.message for f in found] == ["«паники» тревожит", "«панику» тревожит"]
    assert (found[0].start, found[0].end) == (4, 10)


def test_existence_skip_negated_and_exceptions() -> None:
    rule = ExistenceRule(
        **_common(), tokens=PhraseSet(["угроза", "тревога"], "ru"), skip_negated=True,
        negation=frozenset({"не", "нет", "никакой"}), exceptions=PhraseSet(["ложный тревога"], "ru"),
    )
    assert _run(rule, "Угрозы для ваших денег нет. Никакой угрозы. Это ложная тревога.") == []
    assert len(_run(rule, "Есть угроза для данных.")) == 1


def test_existence_patterns() -> None:
    rule = ExistenceRule(**_common(), patterns=(UserPattern(r"!{2,}"),))
    assert [f.message for f in _run(rule, "Сбой!!! Ждите!")] == ["!!!"]


def test_substitution_inflects_and_marks_safe_fixes() -> None:
    rule = SubstitutionRule(
        **_common(message="{match} → {suggestion}"), swap={"данный": "этот", "денежные средства": "деньги"},
        phrases=PhraseSet(["данный", "денежные средства"], "ru"), autofix=True,
    )
    found = _run(rule, "Данного сервиса нет, денежных средств и денежные средства тоже.")
    assert [(f.suggestion, f.replacement) for f in found] == [
        ("Этого", "Этого"), ("деньги", None), ("деньги", "деньги"),
    ]


def test_substitution_without_autofix_only_suggests() -> None:
    rule = SubstitutionRule(**_common(), swap={"в целях": "чтобы"}, phrases=PhraseSet(["в целях"], "ru"))
    (finding,) = _run(rule, "В целях безопасности вход закрыт")
    assert finding.suggestion == "Чтобы" and finding.replacement is None


def test_substitution_does_not_break_the_preposition_o() -> None:
    rule = SubstitutionRule(**_common(), swap={"данный": "этот"}, phrases=PhraseSet(["данный"], "ru"), autofix=True)
    (finding,) = _run(rule, "Сообщим о данной проблеме")
    assert finding.suggestion == "этой" and finding.replacement is None


def test_occurrence_text_scope_with_exempt_greeting() -> None:
    rule = OccurrenceRule(
        **_common(message="{count}>{max}"), target="patterns", patterns=(UserPattern("!+"),), maximum=1,
        exempt=PhraseSet(["здравствуйте"], "ru"),
    )
    assert _run(rule, "Здравствуйте! Сбой в приложении!") == []
    (finding,) = _run(rule, "Здравствуйте! Сбой! Ждите!")
    assert finding.message == "2>1"


def test_occurrence_sentence_scope_and_minimum() -> None:
    long_rule = OccurrenceRule(**_common(message="{count}"), target="words", scope="sentence", maximum=3)
    found = _run(long_rule, "Один два три. Один два три четыре пять.")
    assert [f.message for f in found] == ["5"]
    min_rule = OccurrenceRule(
        **_common(message="min {min}"), target="tokens", tokens=PhraseSet(["сбой"], "ru"), minimum=1
    )
    assert [f.message for f in _run(min_rule, "Всё хорошо")] == ["min 1"]


def test_capitalization_shouting_ignores_abbreviations() -> None:
    rule = CapitalizationRule(**_common(), acronyms=frozenset({"SMS"}), shout_words=frozenset({"NOT"}))
    found = _run(rule, "ВНИМАНИЕ: СМС и SMS от ВТБ не приходят, НЕ звоните")
    assert [f.message for f in found] == ["ВНИМАНИЕ", "НЕ"]
    assert found[0].replacement == "Внимание" and found[1].replacement == "не"
    english = _run(rule, "Do NOT call. The API and ATM work. URGENT", lang="en")
    assert [f.message for f in english] == ["NOT", "URGENT"]


def test_capitalization_consistent_reports_the_minority() -> None:
    rule = CapitalizationRule(**_common(), mode="consistent", tokens=PhraseSet(["вы", "ваш"], "ru"))
    found = _run(rule, "Вы увидите: мы сообщим Вам и Вашим близким, но вас не забудем.")
    assert [(f.message, f.replacement) for f in found] == [("вас", "Вас")]


def test_consistency_majority_and_prefer() -> None:
    groups = {"informal": PhraseSet(["ты", "твой", "*:VERB,impr,sing,excl"], "ru"),
              "formal": PhraseSet(["вы", "ваш"], "ru")}
    rule = ConsistencyRule(**_common(message="{match}:{group}/{other}"), groups=groups)
    assert [f.message for f in _run(rule, "Вы можете оплатить в приложении, напиши нам, ваш банк")] == [
        "напиши:informal/formal"
    ]
    assert _run(rule, "Напиши нам, мы ответим") == []
    strict = ConsistencyRule(**_common(message="{match}"), groups=groups, prefer="formal")
    assert [f.message for f in _run(strict, "Напиши нам, мы ответим")] == ["Напиши"]


def test_required() -> None:
    rule = RequiredRule(**_common(message="need compensation"), tokens=PhraseSet(["компенсация"], "ru"))
    assert [f.message for f in _run(rule, "Всё починили")] == ["need compensation"]
    assert _run(rule, "Всем начислим компенсацию") == []


def test_rule_applies_by_stage_and_channel() -> None:
    rule = RequiredRule(**_common(), tokens=PhraseSet(["x"], "ru"), stages=frozenset({"resolution"}),
                        channels=frozenset({"email"}))
    assert not rule.applies(CheckContext(stage="update", channel="email"))
    assert not rule.applies(CheckContext(stage="resolution", channel="sms"))
    assert rule.applies(CheckContext(stage="resolution", channel="email"))


@settings(max_examples=150, deadline=None)
@given(text=st.lists(st.sampled_from(["Сбой", "ждите", "!", "!!", ".", " ", "?", "\n", "ok"]), max_size=16)
       .map("".join),
       source=st.sampled_from(["!+", "!{2,}", "[!?]", "ждите!"]))
def test_occurrence_whole_text_search_skips_only_texts_without_hits(text: str, source: str) -> None:
    """A context-free pattern found nowhere in the text is found in no sentence: the shortcut
    (one whole-text search) reports what searching every sentence reports."""
    from crisisplay.tone.kinds.occurrence import _context_free

    assert _context_free(source)
    options = {"target": "patterns", "patterns": (UserPattern(source),), "maximum": 0,
               "exempt": PhraseSet(["здравствуйте"], "ru")}
    fast = OccurrenceRule(**_common(message="{count}"), context_free=True, **options)
    plain = OccurrenceRule(**_common(message="{count}"), context_free=False, **options)
    assert _run(fast, text) == _run(plain, text)


def test_occurrence_pattern_looking_around_its_match_is_searched_per_sentence() -> None:
    """«^Сбой» matches the second sentence on its own but not the text: no whole-text shortcut."""
    from crisisplay.tone.kinds.occurrence import _context_free

    assert not any(map(_context_free, [r"^Сбой", r"Сбой$", r"\bСбой", r"(?<=\.)x", r"a++", r"(?i)x"]))
    rule = OccurrenceRule(**_common(message="{count}"), target="patterns", patterns=(UserPattern("^Сбой"),),
                          maximum=0, context_free=all(map(_context_free, ["^Сбой"])))
    assert [f.message for f in _run(rule, "Внимание. Сбой в приложении.")] == ["1"]


@settings(max_examples=150, deadline=None)
@given(text=st.lists(st.sampled_from(["Сбой", " но ", " but ", "а", ";", ":", "—", "–", ". ", "!", " ", "\n", "ok",
                                      "18", "5", " к "]),
                     max_size=20).map("".join), lang=st.sampled_from(["ru", "en"]))
def test_cooccurrence_clauses_are_cut_where_the_plain_token_walk_cuts(text: str, lang: str) -> None:
    """The clauses found from one pass over the message are the ones a walk testing each token
    finds; the colon of a clock time («к 18:00») cuts nothing, nor does a Russian dash after
    words with no predicate («Сбой — к 18»: «это»)."""
    from crisisplay.tone.kinds.cooccurrence import _CLAUSE_PUNCT, _CLAUSE_WORDS, CooccurrenceRule
    from crisisplay.tone.text import PUNCT, WORD

    def copula(index: int) -> bool:
        if lang != "ru" or doc.tokens[index].text not in ("—", "–"):
            return False
        words = []
        for j in range(index - 1, doc.sentences[doc.tokens[index].sentence].first - 1, -1):
            if doc.tokens[j].text in (",", ";", ":", "—", "–", "(", ")"):
                break
            if doc.tokens[j].kind == WORD:
                words.append(j)
        predicate = frozenset({"VERB", "INFN", "PRTS", "ADJS", "PRED"})
        return bool(words) and all(doc.tag_share(j, predicate) < 0.5 for j in words)

    doc = Doc(text, lang)
    plain: list[tuple[int, int]] = []
    for sent in doc.sentences:
        start = sent.first
        for index in range(sent.first, sent.last):
            token = doc.tokens[index]
            clock = (token.text == ":" and token.start > 0 and token.end < len(text)
                     and text[token.start - 1].isdigit() and text[token.end].isdigit())
            cut = (token.kind == PUNCT and any(ch in _CLAUSE_PUNCT for ch in token.text) and not clock
                   and not copula(index)) or (doc.lower(index) in _CLAUSE_WORDS)
            if cut and index > start:
                plain.append((start, index))
                start = index + 1
        if start < sent.last:
            plain.append((start, sent.last))
    assert CooccurrenceRule(**_common(lang), scope="clause")._cut(doc) == plain


def test_a_clock_time_is_one_clause_for_a_timed_group() -> None:
    """«к 18:00» stays whole: a colon between digits is no clause break (it once hid every
    time written with minutes from the clause rules)."""
    from crisisplay.tone.kinds.cooccurrence import CooccurrenceRule

    rule = CooccurrenceRule(**_common(), groups={"hedge": PhraseSet(["по оценка"], "ru"), "when": PhraseSet([], "ru")},
                            timed=frozenset({"when"}), scope="clause")
    doc = Doc("По оценкам, движение откроют к 18:00. Заседание: 10:00", "ru")
    assert [doc.text[f.start:f.end] for f in rule.check(doc, CTX)] == ["По оценкам, движение откроют к 18:00"]


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(["сбой", "поставщик", "завтра", "в 15:00", "но", ";", ",", ".", "когда",
                                       "восстановим", "ok"]), max_size=18),
       timed=st.booleans())
def test_cooccurrence_reports_what_a_walk_over_every_clause_reports(words: list[str], timed: bool) -> None:
    """Looking only at the clauses that hold the first group's phrase finds what trying every
    clause finds."""
    from crisisplay.tone.kinds.cooccurrence import CooccurrenceRule
    from crisisplay.tone.timeexpr import COMMITTING, find_times

    text = " ".join(words)
    groups = {"party": PhraseSet(["поставщик", "сбой"], "ru"), "when": PhraseSet(["восстановить", "завтра"], "ru")}
    rule = CooccurrenceRule(**_common(), groups=groups, timed=frozenset({"when"} if timed else ()),
                            unless=PhraseSet(["когда"], "ru"))
    doc = Doc(text, "ru")
    found = {name: group.find(doc) for name, group in groups.items()}
    times = [span for t in find_times(text, "ru") if t.kind in COMMITTING and not t.since
             if (span := doc.tokens_within(t.start, t.end)) is not None] if timed else []
    unless = rule.unless.find(doc) if rule.unless else []
    plain = []
    for first, stop in rule._cut(doc):
        picks = []
        for name in groups:
            here = [(m.first, m.last) for m in found[name] if first <= m.first and m.last < stop]
            if name in rule.timed:
                here += [(a, b) for a, b in times if first <= a and b < stop]
            if not here:
                break
            picks.append(min(here))
        else:
            if not any(first <= m.first < picks[0][0] for m in unless):
                lo, hi = min(a for a, _b in picks), max(b for _a, b in picks)
                plain.append((doc.tokens[lo].start, doc.tokens[hi].end))
    assert [(f.start, f.end) for f in rule.check(doc, CTX)] == plain
