"""Phone numbers, links and e-mail addresses in a message, normalised for comparison.

Phone numbers are found by the phonenumbers library (``PhoneNumberMatcher``, region RU for
Russian text; GB for English, then US in what GB did not read, so one stretch of text is one
number) and compared in E.164 form, so «8 800 555-35-35» and «+7 (800) 555 35 35» are one
number. Short service numbers («звоните на 900», "dial 611")
count only after a cue word. Links compare without scheme, ``www.`` and a trailing slash.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from crisisplay.lazy_re import LazyPattern
from crisisplay.tone.phone_matching import MIN_PHONE_CHARS as MIN_PHONE_CHARS
from crisisplay.tone.wordstore import STORES, WordStore

if TYPE_CHECKING:
    import phonenumbers

REGIONS = {"ru": ("RU",), "en": ("GB", "US", "IE", "AU", "NZ", "ZA", "IN", "SG", "NG")}
#: The look-behind makes a match start only where a run of address characters starts: without
#: it every position of one long word restarts the scan, quadratic in the word's length.
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_TLDS = (r"ru|рф|com|org|net|io|app|info|online|su|uk|me|us|eu|de|by|kz|ua|biz|pro|site|help|bank"
         r"|gov|edu|ie|au|nz|ca|za|in|ng|sg|ph|hk")
_URL_RE = re.compile(
    rf"(?:https?://|www\.)[^\s<>«»\"'()\[\]]+|(?<![@\w.-])(?:[a-zа-я0-9-]+\.)+(?:{_TLDS})\b(?:/[^\s<>«»\"'()\[\]]*)?",
    re.IGNORECASE,
)
#: Every link ``_URL_RE`` matches holds «://», «www.» or a dot before a known top-level domain.
#: Looked for first because this pattern starts with a fixed character («:» or «.») that the
#: regex engine skips to, where ``_URL_RE`` is tried at every word start: most messages have
#: no link.
_URL_HINT_RE = re.compile(rf"://|\.(?:(?:{_TLDS})\b|(?<=www\.))", re.IGNORECASE)
_INTL_RE = re.compile(r"(?<![\w+])\+\d[\d\s().-]{8,}\d")
_SHORT_RE = {
    "ru": LazyPattern(
        # Endings are bounded (\w{0,6}), cues start a word, and spaces after a cue are matched
        # once (a second \s* only after a colon): "\s*:?\s*" split every run of spaces both
        # ways, quadratic in text whose markup was blanked into long runs of spaces.
        # A local number too, written whole or in groups («по телефону диспетчерской 930101»,
        # «по телефонам диспетчерской службы ОАО «НКС»: 26-66-71», «062-342-69-51»), up to four
        # words after its cue (not «номер рейса 1234», «телефонная линия …»: words only after
        # the noun «телефон» or a call; a conjunction starts another item: «за использование
        # мобильных телефонов и 124 за использование шпаргалок»).
        r"(?<!\w)(?:номер\w{0,6}(?:\s+телефона)?|телефон\w{0,6}|(?:тел\.?|телефон(?:а|у|ы|ам|ом|ами|ах|ов)?|звоните"
        r"|позвоните|звонок)(?:\s+(?!(?:и|или|а)\s)[^\s\d:]{1,20}){0,4})"
        r"\s*(?::\s*)?(?:на\s+|по\s+)?"
        r"(\*?\d{3,7}#?|\d{1,4}(?:-\d{2,3}){2,3})(?![\d-])",
        re.I,
    ),
    # a seven-digit local number too: "please call 895-8000"; a small island's, with a word or
    # two after the cue: "they can dial 54-22222", "call us on 54-22222"; a helpline by its
    # number: "contact NHS 111", "only dialling 999 if you face a medical emergency"
    "en": LazyPattern(
        r"(?<!\w)(?:call(?:ing)?|dial(?:l?ing)?|phone|text|number|tel\.?|contact|ring(?:ing)?)"
        r"(?:\s+(?:us|me|them|on|at|the|our|free|line|helpline|hotline|nhs)){0,3}"
        r"\s*(?::\s*)?(\*?\d{3,5}#?|\d{2,4}-\d{4,5})(?![\d-])", re.I
    ),
}
#: What a cued short number cannot be written without: three digits in a row and the stem of its
#: cue word (case-folded). The ``_SHORT_RE`` patterns open with a look-behind and are tried at
#: every position; these are cheap to look for. An English match opens with its cue, so the
#: pattern is tried only where a cue starts (``_matches_at``); English cues hold an «i», which
#: ``re.I`` also matches as Turkish «İ»/«ı» and case-folding does not keep: a text with those is
#: searched whole.
_SHORT_DIGITS_RE = re.compile(r"\d\d\d")  # not ``\d{3}``: the engine skips to a first digit only without a repeat
#: The same for Russian, whose local numbers may come in pairs («26-66-71»).
_SHORT_DIGITS_RU_RE = re.compile(r"\d\d\d|\d-\d\d-\d\d")
_SHORT_CUES = {"ru": ("номер", "тел", "звон"),
               "en": ("call", "dial", "phone", "text", "number", "tel", "contact", "ring")}
_DOTTED_I = ("\u0130", "\u0131")


class Contact(NamedTuple):
    kind: str  # phone, url, email
    start: int
    end: int
    value: str  # normalised: E.164, host/path, lower-case address
    display: str


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in ".,;:!?)»\"'":
        end -= 1
    return start, end


#: Five digits with nothing but punctuation, spaces or "x" between them. Every number the
#: matcher can accept holds such a run (its candidates have no letters but "x", and no valid
#: number of any region is shorter), so a text without one is not handed to it: most
#: messages have only times and counts («в 13:00», «2 часа»), which it would parse and reject.
#: (Written to open with ``\d`` so that the regex engine skips to a digit, not tried at every position;
#: the separators as one class, not ``(?:[^\w]|[xX_])``: a branch per character costs a fifth more.)
_PHONE_RUN_RE = re.compile(r"\d(?:[\WxX_]*\d){4}")

def _matcher_class() -> type[phonenumbers.PhoneNumberMatcher]:
    from crisisplay.tone.phone_matching import matcher_class

    return matcher_class()


#: The matcher's own bound on failed candidates per text (phonenumbers' default ``max_tries``),
#: shared here by every region a language reads: each region scans the same text again, so a
#: hostile run of candidates ("+1+1+1…") cost that bound once per region (English reads nine).
PHONE_TRIES = 65_535


def phone_matcher(text: str, region: str, max_tries: int = PHONE_TRIES) -> phonenumbers.PhoneNumberMatcher:
    """The phonenumbers matcher over ``text`` (leniency VALID, its default), without its futile parses."""
    return _matcher_class()(text, region, max_tries=max_tries)


def find_emails(text: str) -> list[Contact]:
    if "@" not in text:
        return []
    return [Contact("email", m.start(), m.end(), m.group().lower(), m.group()) for m in _EMAIL_RE.finditer(text)]


def normalise_url(url: str) -> str:
    value = re.sub(r"^https?://", "", url.strip(), flags=re.I)
    value = re.sub(r"^www\.", "", value, flags=re.I)
    host, _, path = value.partition("/")
    return (host.lower() + ("/" + path if path else "")).rstrip("/")


def _url_matches(text: str) -> Iterator[re.Match[str]]:
    """``_URL_RE.finditer(text)``, its search started late where no link can start earlier.

    ``_URL_RE`` is tried at every word start, at ≈ 130 ns a character; most of a message is no
    link. Every link it matches holds a ``_URL_HINT_RE`` match at or after its start and no
    white space (see the patterns), so the next link after ``position`` starts after the last
    white space before the next hint: the search starts there. Lookbehinds and ``\b`` see the
    text before a search's start position, so each match is the one ``finditer`` makes.
    """
    position = 0
    while hint := _URL_HINT_RE.search(text, position):
        start = hint.start()
        while start > position and not text[start - 1].isspace():
            start -= 1
        match = _URL_RE.search(text, start)
        if match is None:
            return
        yield match
        position = match.end()  # never empty: a link holds at least «www.» or a dot and a domain


def find_urls(text: str) -> list[Contact]:
    if not _URL_HINT_RE.search(text):
        return []
    emails = [(c.start, c.end) for c in find_emails(text)]
    found = []
    for match in _url_matches(text):
        start, end = _trim(text, *match.span())
        if any(s <= start < e for s, e in emails) or end <= start:
            continue
        raw = text[start:end]
        if re.fullmatch(r"[\d.]+", raw):
            continue
        found.append(Contact("url", start, end, normalise_url(raw), raw))
    return found


def find_phones(text: str, lang: str) -> list[Contact]:
    """Full numbers by phonenumbers, ``+`` numbers it rejects as invalid, cued short numbers.

    In a lint run (lint's cache open) the answer for a text already read is taken from the
    cache: a company's messages carry the same numbers run after run, and reading them means
    importing phonenumbers (a tenth of lint's start-up) and running its matcher. The cache's
    fingerprint covers this module, the matcher's and phonenumbers' own files.
    """
    if not (_PHONE_RUN_RE.search(text) or "+" in text):
        return _find_phones(text, lang)  # no number phonenumbers could read: nothing to save
    from crisisplay.tone.cache import cache_if_open

    if cache_if_open() is None:
        return _find_phones(text, lang)
    key = f"{lang}:{hashlib.blake2b(text.encode('utf-8', 'surrogatepass'), digest_size=16).hexdigest()}"
    _PHONES.prefetch((key,))
    spans = _PHONES.known.get(key)
    if spans is not None and all(0 <= start < end <= len(text) for start, end, _value in spans):
        return [Contact("phone", start, end, value, text[start:end]) for start, end, value in spans]
    found = _find_phones(text, lang)
    _PHONES.put(key, tuple((c.start, c.end, c.value) for c in found))
    return found


def _spans_from_json(value: object) -> tuple[tuple[int, int, str], ...] | None:
    """A cached ``[[start, end, "+7…"], …]``, or None when it is not that."""
    if not isinstance(value, list):
        return None
    spans = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 3 and type(item[0]) is int and type(item[1]) is int
                and isinstance(item[2], str)):
            return None
        spans.append((item[0], item[1], item[2]))
    return tuple(spans)


def _no_compute(key: str) -> tuple[tuple[int, int, str], ...]:
    raise LookupError(key)  # find_phones computes from the text; the store only keeps answers


#: Phone numbers found per text, by language and a digest of the text (lint's cache).
_PHONES: WordStore[tuple[tuple[int, int, str], ...]] = WordStore(
    "phones", _no_compute, lambda spans: [list(span) for span in spans], _spans_from_json
)
STORES.append(_PHONES)  # type: ignore[arg-type]


#: A dotted IPv4 address, which the phone matcher can read as a North American number
_IPV4_RE = re.compile(r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)")


def _find_phones(text: str, lang: str) -> list[Contact]:
    found: dict[tuple[int, int], Contact] = {}
    # The text's digits are not counted first: each way of finding a number below looks for
    # the digits it needs (a run of five for the matcher, «+» and digits, three in a row after
    # a cue), and every number the matcher accepts has six or more (``MIN_PHONE_CHARS``).
    regions = REGIONS.get(lang, ("US",)) if _PHONE_RUN_RE.search(text) else ()
    searched = text
    tries = PHONE_TRIES
    for region in regions:
        if tries <= 0:
            break  # the text's budget of failed candidates is spent (see ``PHONE_TRIES``)
        if found:
            # A number one region has read is not read again by the next (English: a UK number
            # is not also parsed as a US one, which costs a parse and inner-match attempts
            # only to be rejected or to repeat the same number). Blanking keeps the offsets.
            searched = _blanked(text, found)
            if not _PHONE_RUN_RE.search(searched):
                break  # nothing left that the matcher could accept (see ``_PHONE_RUN_RE``)
        matcher = phone_matcher(searched, region, tries)
        for hit in matcher:
            if any(s < hit.end and hit.start < e for s, e in found):
                continue  # one stretch of text is one contact, read by the first region that accepts it
            if _IPV4_RE.fullmatch(text, hit.start, hit.end):
                continue  # "the server at 5.104.175.212": an address on the internet, not a phone
            value = _e164(hit.number)
            found[hit.start, hit.end] = Contact("phone", hit.start, hit.end, value, text[hit.start : hit.end])
        tries = matcher._max_tries  # what this region left of the budget (the matcher counts down)
    for match in _INTL_RE.finditer(text) if "+" in text else ():
        if any(s < match.end() and match.start() < e for s, e in found):
            continue
        import phonenumbers  # only for a text with a number in it: the import is a tenth of lint's start-up

        try:
            number = phonenumbers.parse(match.group(), None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            value = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            found[match.span()] = Contact("phone", match.start(), match.end(), value, match.group())
    for short in _short_numbers(text, lang):
        start, end = short.span(1)
        if not any(s <= start < e for s, e in found):
            found[(start, end)] = Contact("phone", start, end, short.group(1), short.group(1))
    return sorted(found.values(), key=lambda c: c.start)


def _e164(number: phonenumbers.PhoneNumber) -> str:
    import phonenumbers

    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each span replaced by as many line breaks: offsets hold, and the matcher reads
    no number into a blank. (Not spaces: its extension pattern spans any run of them, and
    "0123<blank> ext. 34" would read the blanked number as an extension.)"""
    parts = []
    cursor = 0
    for start, end in sorted(spans):
        parts += [text[cursor:start], "\n" * (end - start)]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _short_numbers(text: str, lang: str) -> Iterator[re.Match[str]]:
    pattern = _SHORT_RE.get(lang, _SHORT_RE["en"])
    if lang == "ru":
        folded = text.casefold()
        if not any(cue in folded for cue in _SHORT_CUES["ru"]):
            return iter(())
    elif not any(letter in text for letter in _DOTTED_I):
        # lower() keeps every offset here: only «İ» (not in the text) changes length
        folded = text.lower()
        starts = _occurrences(folded, _SHORT_CUES["en"])
        # No look for three digits first: a try at each cue costs less than a scan of the text.
        return _matches_at(pattern, text, starts) if starts else iter(())
    if not _SHORT_DIGITS_RU_RE.search(text):
        return iter(())
    return pattern.finditer(text)


def _occurrences(text: str, parts: Iterable[str]) -> list[int]:
    """Where in ``text`` any of ``parts`` starts, ascending."""
    found = []
    for part in parts:
        at = text.find(part)
        while at >= 0:
            found.append(at)
            at = text.find(part, at + 1)
    return sorted(set(found))


def _matches_at(pattern: LazyPattern, text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` (ascending).

    ``finditer`` tries the English pattern (a look-behind, then the cue) at every position;
    a match can only start where a cue does, and there are few. Each try is the regex's own
    match at that position (its look-behind sees the text before it), and as with ``finditer``
    no match starts inside the one before.
    """
    end = 0
    for at in starts:
        if at >= end and (match := pattern.match(text, at)) is not None:
            yield match
            end = match.end()


def find_contacts(text: str, lang: str) -> list[Contact]:
    return sorted(find_phones(text, lang) + find_urls(text) + find_emails(text), key=lambda c: c.start)
