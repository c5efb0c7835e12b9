"""Encodings of a recipients file: UTF-8 by default, one-byte encodings on request, and a
whole Windows-1251 export recognised early instead of rejected row by row."""

from __future__ import annotations

from pathlib import Path

from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError

#: Bytes read at the start to recognise a whole file in another encoding.
SNIFF_BYTES = 1 << 16
SNIFF_LINES = 3


def check_encoding(name: str) -> str:
    """A text encoding the reader can split into lines: ASCII-compatible, one byte per line break."""
    import codecs

    try:
        info = codecs.lookup(name)
    except LookupError:
        raise CrisisplayError(f"unknown encoding {name!r}", hint="e.g. --recipients-encoding cp1251") from None
    probe = '\n\r;,\t"{}[]:0aZ'
    try:
        ascii_safe = probe.encode(info.name) == probe.encode("ascii")
    except UnicodeError:
        ascii_safe = False
    if not ascii_safe or info.name.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        raise CrisisplayError(f"encoding {name!r} is not supported for recipients files",
                              hint="re-export as UTF-8 (or a one-byte encoding such as cp1251)")
    return "utf-8" if info.name == "utf-8" else info.name


def encoding_advice(raw: bytes, encoding: str) -> str:
    """What to do about a line that does not decode: name Windows-1251 when it reads as Russian."""
    if encoding == "utf-8":
        try:
            text = raw.decode("cp1251")
        except UnicodeDecodeError:
            text = ""
        if sum("а" <= char.lower() <= "я" or char in "ёЁ" for char in text) >= 2:
            return "it reads as Windows-1251 (cp1251): add --recipients-encoding cp1251, or re-export as UTF-8"
        return "re-export the file as UTF-8"
    return f"check --recipients-encoding (the file may not be {encoding})"


def refuse_windows_1251(sample: bytes, path: Path, first_line: int) -> None:
    """A whole export in Windows-1251 is one problem, not one rejection per row: stop early.

    Only when several lines of the first 64 KB read as Russian in cp1251 and none is
    UTF-8 with non-ASCII text; a UTF-8 file with one broken line gets that line rejected.
    """
    if sample.isascii():
        return
    cp1251_lines: list[int] = []
    for number, raw in enumerate(sample.split(b"\n")[:-1], start=first_line):
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
            return  # real UTF-8 text: a bad line further on is that line's problem
        except UnicodeDecodeError:
            if "cp1251" in encoding_advice(raw, "utf-8"):
                cp1251_lines.append(number)
    if len(cp1251_lines) >= SNIFF_LINES:
        raise CrisisplayError(f"the recipients file is not UTF-8 (lines {', '.join(map(str, cp1251_lines[:3]))} …)",
                              Location(str(path), cp1251_lines[0], 1),
                              hint=encoding_advice(b"\xcf\xf0\xe8", "utf-8"))
