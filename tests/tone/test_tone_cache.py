"""Lint's cache: safe to read, rebuilt when broken, never a reason for a different answer.

Also the shortcuts of the hot path: a pattern or the phone matcher skipped only where it
cannot find anything.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import phonenumbers
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.tone import cache
from crisisplay.tone.contacts import _PHONE_RUN_RE
from crisisplay.tone.timeexpr import scan_times

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    cache.open_cache.cache_clear()
    yield folder
    cache.open_cache.cache_clear()


def test_values_round_trip_in_a_private_database(cache_dir: Path) -> None:
    store = cache.open_cache()
    assert store is not None
    store.put_many("words-ru", {"сбой": [True, [["сбой", ["NOUN"], 1.0]]]})
    assert store.get("words-ru", "сбой") == [True, [["сбой", ["NOUN"], 1.0]]]
    assert store.get_many("words-ru", ["нет", "сбой"]).keys() == {"сбой"}
    assert cache_dir.stat().st_mode & 0o777 == 0o700 and store.path.stat().st_mode & 0o777 == 0o600


def test_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    cache.open_cache.cache_clear()
    assert cache.open_cache() is None
    cache.open_cache.cache_clear()


@pytest.mark.skipif(os.name != "posix", reason="ownership and modes are POSIX")
def test_a_directory_others_can_write_is_never_used(cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    cache_dir.chmod(0o777)
    assert cache.open_cache() is None
    cache_dir.chmod(0o700)
    link = cache_dir.parent / "link"
    link.symlink_to(cache_dir)
    os.environ[cache.ENV] = str(link)
    cache.open_cache.cache_clear()
    assert cache.open_cache() is None


def test_a_corrupt_database_is_rebuilt(cache_dir: Path) -> None:
    store = cache.open_cache()
    assert store is not None
    path = store.path
    store.connection.close()
    path.write_bytes(b"this is not a database" * 100)
    cache.open_cache.cache_clear()
    rebuilt = cache.open_cache()
    assert rebuilt is not None and rebuilt.get("packs", "x") is None
    rebuilt.put_many("packs", {"x": 1})
    assert rebuilt.get("packs", "x") == 1


def test_a_database_with_anything_else_in_it_is_discarded(cache_dir: Path) -> None:
    store = cache.open_cache()
    assert store is not None
    path = store.path
    with store.connection:
        store.connection.execute("CREATE TRIGGER t AFTER INSERT ON entries BEGIN SELECT 1; END")
    store.connection.close()
    cache.open_cache.cache_clear()
    fresh = cache.open_cache()
    assert fresh is not None and fresh.path == path
    schema = fresh.connection.execute("SELECT type, name FROM sqlite_master").fetchall()
    assert schema == [("table", "entries")]


def test_values_of_the_wrong_shape_are_recomputed(cache_dir: Path) -> None:
    from crisisplay.tone import morph, packs

    assert morph._ru_from_json(["not", "a record"]) is None
    assert morph._ru_from_json([True, [["сбой", "NOUN", 1.0]]]) is None  # grammemes must be a list
    assert packs.pack_from_json({"rules": "nonsense"}) is None
    store = cache.open_cache()
    assert store is not None
    pack = packs.bundled_pack("ru")
    key = cache.content_key("bogus", "text")
    store.put_many("packs", {key: {"name": 1}})
    assert packs.pack_from_json(store.get("packs", key)) is None
    assert packs.pack_from_json(json.loads(json.dumps(packs.pack_to_json(pack)))) == pack


def _run_twice(script: str, cache_dir: Path) -> tuple[str, str]:
    """The standard output of ``script`` run in two fresh interpreters sharing one lint cache."""
    env = {**os.environ, cache.ENV: str(cache_dir)}
    outputs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                              check=True).stdout for _ in range(2)]
    return outputs[0], outputs[1]


def _second_run_skips_import(script: str, cache_dir: Path) -> str:
    """``script`` (printing its answer, then whether a module is imported) run twice on one
    cache: the first run imports the module, the second gives the same answer without it.
    Returns the answer."""
    first, second = _run_twice(script, cache_dir)
    answer, loaded = first.rsplit(" ", 1)
    assert loaded.strip() == "True"
    assert second == f"{answer} False\n"
    return answer


def test_a_second_run_needs_no_morphology(tmp_path: Path) -> None:
    """Everything the first run analysed comes from the cache: pymorphy3 is not even imported."""
    script = (
        "import sys\n"
        "from crisisplay.tone.api import MessageText, lint_messages\n"
        "text = 'ВНИМАНИЕ! Из-за сбоя у партнёра платежи не проходят. Будем держать вас в курсе.'\n"
        "found = lint_messages([MessageText('sms', text, 'sms.txt')], locale='ru', stage_kind='first_notice')\n"
        "print(sorted(d.rule for d in found), 'pymorphy3' in sys.modules)\n"
    )
    _second_run_skips_import(script, tmp_path / "cache")


def test_a_second_run_words_its_findings_without_yaml(tmp_path: Path) -> None:
    """The lint catalog (finding messages) comes from the cache too: the same words, no PyYAML."""
    script = (
        "import sys\n"
        "from crisisplay.tone.api import MessageText, lint_messages\n"
        "sms = MessageText('sms', 'Сбой: платежи не работают. Следующее сообщение — в 13:00.', 'sms.txt')\n"
        "push = MessageText('push', 'Сбой: платежи не работают. Следующее сообщение — в 14:00.', 'push.txt')\n"
        "found = lint_messages([sms, push], locale='ru', stage_kind='update')\n"
        "print(sorted(d.message for d in found if d.rule.startswith('CP32')), 'yaml' in sys.modules)\n"
    )
    assert "13:00" in _second_run_skips_import(script, tmp_path / "cache")


def test_a_second_run_reads_its_email_without_the_email_package(tmp_path: Path) -> None:
    """An .eml file read before comes from the cache: the same message at the same places, and
    the slow-to-import :mod:`email` package is not imported."""
    eml = tmp_path / "notice.eml"
    eml.write_bytes(
        "Subject: =?utf-8?b?0KHQsdC+0Lkg0L7Qv9C70LDRgtGL?=\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\nПАНИКА!!! Платежи не проходят.\n".encode()
    )
    script = (
        "import sys\n"
        "from crisisplay.tone.sources import read_source\n"
        f"message = read_source({str(eml)!r}).messages[0]\n"
        "print([message.text, [message.positions(i) for i in range(len(message.text) + 1)]], "
        "'email' in sys.modules)\n"
    )
    assert "ПАНИКА" in _second_run_skips_import(script, tmp_path / "cache")


def test_a_second_run_reads_its_phone_numbers_without_phonenumbers(tmp_path: Path) -> None:
    """The numbers of a text read before come from the cache: phonenumbers is not imported, and
    the contacts (and so the findings) are the same."""
    script = (
        "import sys\n"
        "from crisisplay.tone.api import MessageText, lint_messages\n"
        "from crisisplay.tone.contacts import find_contacts\n"
        "sms = MessageText('sms', 'Сбой оплаты. Звоните: 8 800 555-35-35 или +7 (495) 123-45-67.', 'sms.txt')\n"
        "push = MessageText('push', 'Сбой оплаты. Звоните: +7 800 555 35 35.', 'push.txt')\n"
        "found = lint_messages([sms, push], locale='ru', stage_kind='first_notice')\n"
        "print(sorted((d.rule, d.message) for d in found), [tuple(c) for c in "
        "find_contacts(sms.text, 'ru')], 'phonenumbers' in sys.modules)\n"
    )
    answer = _second_run_skips_import(script, tmp_path / "cache")
    assert "+78005553535" in answer and "+74951234567" in answer


def test_cached_phone_numbers_of_the_wrong_shape_are_read_again(cache_dir: Path) -> None:
    from crisisplay.tone import contacts

    text = "Звоните: 8 800 555-35-35."
    expected = contacts._find_phones(text, "ru")
    assert cache.open_cache() is not None
    key = next(iter(_phone_keys(text)))
    for planted in ([[0, 999, "+70000000000"]], [["0", 3, "x"]], "nonsense", [[5, 2, "+7"]]):
        contacts._PHONES.known.clear()
        contacts._PHONES.absent.clear()
        store = cache.open_cache()
        assert store is not None
        store.put_many("phones", {key: planted})
        assert contacts.find_phones(text, "ru") == expected, planted
    contacts._PHONES.known.clear()
    contacts._PHONES.absent.clear()


def _phone_keys(text: str) -> list[str]:
    import hashlib

    return [f"ru:{hashlib.blake2b(text.encode(), digest_size=16).hexdigest()}"]


def _corpus_texts() -> list[tuple[str, str]]:
    texts = []
    for language in ("ru", "en"):
        for path in (CORPUS / f"{language}.yaml", CORPUS / "real" / f"{language}.yaml"):
            data = yaml.safe_load(path.read_text("utf-8"))
            texts += [(entry["text"], language) for entry in data.get("messages", [])]
    return texts


def test_time_patterns_are_skipped_only_where_they_cannot_match() -> None:
    for text, language in _corpus_texts():
        assert scan_times(text, language, prefilter=True) == scan_times(text, language, prefilter=False), text


_TIME_ALPHABET = st.sampled_from(
    [*"0123456789 :.,-–/", "в ", "к ", "через ", "часа", "минут", "сегодня", "завтра", "в среду", "каждые ",
                                  "марта", "ч", "in ", "within ", "hours", "every ", "today", "noon", "pm", "May ",
                                  "by the end of the day", "daily", "twice a day", "мск", "вечера", "до конца дня"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TIME_ALPHABET, max_size=14).map("".join), st.sampled_from(["ru", "en"]))
def test_time_prefilter_never_hides_a_mention(text: str, language: str) -> None:
    assert scan_times(text, language, prefilter=True) == scan_times(text, language, prefilter=False)


_PHONE_ALPHABET = st.sampled_from([*"0123456789 +-()./x", "8 800 ", "+7 ", "+44 20 ", "доб. ", "ext ", "в 13:00 ",
                                                                "тел. ", "call ", "a", "б"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHONE_ALPHABET, max_size=16).map("".join))
def test_the_phone_matcher_is_skipped_only_without_five_digits_in_a_run(text: str) -> None:
    if _PHONE_RUN_RE.search(text):
        return
    for region in ("RU", "GB", "US"):
        assert not list(phonenumbers.PhoneNumberMatcher(text, region)), text


def test_the_phone_prefilter_keeps_every_number_of_the_corpus() -> None:
    for text, _language in _corpus_texts():
        if not _PHONE_RUN_RE.search(text):
            for region in ("RU", "GB", "US"):
                assert not list(phonenumbers.PhoneNumberMatcher(text, region)), text


def test_the_cache_file_holds_only_json(cache_dir: Path) -> None:
    store = cache.open_cache()
    assert store is not None
    store.put_many("phrases-ru", {"паника": [[["паника"], None, []]]})
    rows = sqlite3.connect(store.path).execute("SELECT value FROM entries").fetchall()
    assert all(json.loads(value) is not None for (value,) in rows)


def test_upgrading_a_cached_library_starts_a_new_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stems come from PyStemmer, a single-file extension module, when it is installed: its file
    is part of the fingerprint as a package's ``__init__.py`` is, so a new build never reads stems
    an older one cached."""
    assert "Stemmer" in cache.LIBRARIES and b"missing" not in cache._stamp("Stemmer")
    stemmer = tmp_path / "Stemmer.cpython-311-x86_64-linux-gnu.so"
    stemmer.write_bytes(b"build 1")
    real = cache._module_origin
    monkeypatch.setattr(cache, "_module_origin", lambda name: stemmer if name == "Stemmer" else real(name))
    before = cache.fingerprint()
    stemmer.write_bytes(b"build 2, larger")
    assert cache.fingerprint() != before
    assert cache._stamp("no_such_module_here") == b"no_such_module_here: missing"


def test_tokens_come_back_from_the_cache_as_they_were_found(cache_dir: Path) -> None:
    import yaml

    from crisisplay.tone import token_store
    from crisisplay.tone.text import analyse_tokens

    assert cache.open_cache() is not None
    texts = [entry["text"] for lang in ("ru", "en")
             for entry in yaml.safe_load((CORPUS / f"{lang}.yaml").read_text("utf-8"))["messages"][:40]]
    for text in texts:
        lang = "ru" if any("а" <= ch <= "я" for ch in text.lower()) else "en"
        assert token_store.message_tokens(text, lang) == analyse_tokens(text, lang)
    token_store._TokenSaver().save()
    assert not token_store._NEW_TOKENS
    for text in texts:  # now read from the database
        lang = "ru" if any("а" <= ch <= "я" for ch in text.lower()) else "en"
        assert token_store.message_tokens(text, lang) == analyse_tokens(text, lang)
    assert not token_store._NEW_TOKENS


def test_cached_tokens_of_the_wrong_shape_are_found_again(cache_dir: Path) -> None:
    import hashlib

    from crisisplay.tone import token_store
    from crisisplay.tone.text import analyse_tokens

    text = "Сбой оплаты. Звоните: 8 800 555-35-35."
    expected = analyse_tokens(text, "ru")
    store = cache.open_cache()
    assert store is not None
    key = f"ru:{hashlib.blake2b(text.encode('utf-8'), digest_size=16).hexdigest()}"
    for planted in ("nonsense", [[0, 5, 0, 1], [0, 4]], [[0, 99, 0, 1], [0, 4, 0]], [[0, 12, 0, 1], [4, 2, 0]],
                    [[0, 12, 0, 1], [0, 4, 7]], [[0, 12, 0, 2], [0, 4, 0]], [[0, 12, 1, 1], [0, 4, 0]],
                    [[0, 12, 0, 1], [0, 4, 0, 5, 11, 0]], [["0", 12, 0, 1], [0, 4, 0]]):
        token_store._NEW_TOKENS.clear()
        store.put_many(token_store.TOKEN_SPACE, {key: planted})
        assert token_store.message_tokens(text, "ru") == expected, planted
    token_store._NEW_TOKENS.clear()
