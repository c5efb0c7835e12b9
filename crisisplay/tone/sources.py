"""Inputs of ``crisisplay lint``: files, directories, stdin, bundles → messages.

* plain text (``.txt`` and unknown suffixes) and Markdown (``.md``): the text as is, markers
  blanked; HTML and SSML (``.html``, ``.htm``, ``.ssml``, ``.xml``): tags blanked — offsets
  are the file's, so ``--fix`` can edit these in place (an ASCII page whose letters are
  character references, like ``website_banner.html``, is read as it displays instead,
  mapped back to the file's lines and columns);
* ``.eml``: parsed with the :mod:`email` package; subject and body (plain, else HTML) are one
  message on channel ``email``. Lines are exact for 7bit/8bit bodies and counted in the
  decoded text for quoted-printable/base64 parts;
* a render ``bundle.json`` (``"crisisplay_bundle": 1``): each message's ``text`` with its
  channel, stage kind and locale, positions inside the JSON string;
* other ``.json`` (e.g. ``telegram.json``): the first of ``text``, ``caption``, ``body``,
  ``message`` at the top level;
* a directory: its files with those suffixes (hidden files and ``bundle.json`` skipped; the
  bundle's stage and locale apply to the set). The channel is the file name's stem.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crisisplay.diagnostics.model import Location
from crisisplay.errors import CrisisplayError
from crisisplay.tone.api import MessageText
from crisisplay.tone.claims import Truth, truth_from_bundle
from crisisplay.tone.markup import (
    find_json_strings,
    locate_json_values,
    spells_letters_as_references,
    strip_markdown,
    strip_tags,
    strip_tags_mapped,
    suppress,
)
from crisisplay.tone.text import PositionMap

if TYPE_CHECKING:
    from email.message import MIMEPart


def _read_bytes(path: str | Path) -> bytes:
    """The project's size-limited read (its module brings YAML, which lint rarely needs)."""
    from crisisplay.playbook.reading import read_bytes

    return read_bytes(path)


TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".ssml", ".xml", ".eml", ".json"}
JSON_TEXT_KEYS = ("title", "subtitle", "text", "caption", "body", "message", "alert")


@dataclass(eq=False, repr=False)
class Source:
    """One input and the messages read from it. Nothing compares or prints a source: no
    ``__eq__`` or ``__repr__``, which cost at import."""

    path: str
    kind: str  # text, markdown, html, eml, bundle, json
    messages: list[MessageText] = field(default_factory=list)
    raw: str = ""  # the file's text; edits at message offsets land here when ``in_place``
    in_place: bool = False
    stage: str | None = None
    locale: str | None = None
    #: What a render bundle's messages were made from (their claims are checked against it).
    truth: Truth | None = None


def _moment(value: object) -> datetime | None:
    """A bundle's ``generated_at``: relative times in its messages are counted from it."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        raise CrisisplayError(message, Location(name)) from None


def read_source(path: str, data: bytes | None = None, *, channel: str | None = None) -> Source:
    """Read one file (or stdin's bytes, ``path`` ``-``) into a :class:`Source`."""
    name = "<stdin>" if path == "-" else path
    raw_bytes = data if data is not None else _read_bytes(path)
    suffix = Path(path).suffix.lower() if path != "-" else ""
    stem = channel or (Path(path).stem if path != "-" else "text")
    if suffix == ".eml":
        return _read_eml(raw_bytes, name, channel or "email")
    raw = _decode(raw_bytes, name)
    if suffix == ".json" or (path == "-" and raw.lstrip().startswith("{")):
        return _read_json(raw, name, stem)
    positions = PositionMap(raw)
    if suffix in (".html", ".htm", ".ssml", ".xml") and spells_letters_as_references(raw):
        # An ASCII page (website_banner.html): read it as it displays, mapped back to the
        # file; its text is not the file's own characters, so --fix does not edit in place.
        text, offsets = strip_tags_mapped(suppress(raw))
        mapped = PositionMap(raw, offsets=offsets)
        return Source(name, "html", [MessageText(stem, text, name, positions=mapped)] if text.strip() else [], raw)
    if suffix in (".html", ".htm", ".ssml", ".xml"):
        text, kind = strip_tags(suppress(raw)), "html"
    else:
        text, kind = strip_markdown(suppress(raw)), "markdown" if suffix in (".md", ".markdown") else "text"
    messages = [MessageText(stem, text, name, positions=positions)] if text.strip() else []
    return Source(name, kind, messages, raw, in_place=path != "-")


def _read_json(raw: str, name: str, channel: str) -> Source:
    try:
        data = json.loads(raw)
        pairs = list(_json_texts(data))
    except json.JSONDecodeError as exc:
        raise CrisisplayError(f"invalid JSON: {exc.msg}", Location(name, exc.lineno, exc.colno)) from None
    except RecursionError:  # json and _json_texts recurse per level; a message file is flat
        raise CrisisplayError("JSON nested too deeply to hold messages", Location(name)) from None
    if isinstance(data, dict) and "crisisplay_bundle" in data:
        return _read_bundle(data, raw, name)
    if not pairs:
        raise CrisisplayError(
            f"no message text in this JSON file (looked for {', '.join(JSON_TEXT_KEYS)}, or a render bundle)",
            Location(name),
        )
    located = locate_json_values(raw, pairs)
    parts: list[str] = []
    offsets: list[int] = []
    for (_key, value), spot in zip(pairs, located, strict=True):
        if parts:
            parts.append("\n\n")
            offsets.extend([offsets[-1]] * 2)
        parts.append(strip_tags(value) if "<" in value else value)
        offsets.extend(spot[1][: len(value)] if spot else [0] * len(value))
    offsets.append(offsets[-1] if offsets else 0)
    message = MessageText(channel, "".join(parts), name, positions=PositionMap(raw, offsets=offsets))
    return Source(name, "json", [message], raw)


def _json_texts(data: Any) -> list[tuple[str, str]]:
    """``(key, text)`` of every message-like string value, in document order."""
    found: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in JSON_TEXT_KEYS and isinstance(value, str) and value.strip():
                found.append((key, value))
            elif isinstance(value, (dict, list)):
                found.extend(_json_texts(value))
    elif isinstance(data, list):
        for item in data:
            found.extend(_json_texts(item))
    return found


def _read_bundle(data: dict[str, Any], raw: str, name: str) -> Source:
    if data.get("crisisplay_bundle") != 1:
        raise CrisisplayError(f"unsupported bundle version {data.get('crisisplay_bundle')!r}", Location(name))
    messages_raw = data.get("messages")
    if not isinstance(messages_raw, list):
        raise CrisisplayError("bundle has no 'messages' list", Location(name))
    stage_info = data.get("stage") if isinstance(data.get("stage"), dict) else {}
    stage = stage_info.get("kind") if isinstance(stage_info, dict) else None
    playbook = data.get("playbook") if isinstance(data.get("playbook"), dict) else {}
    locale = playbook.get("locale") if isinstance(playbook, dict) else None
    texts = [m.get("text", "") if isinstance(m, dict) else "" for m in messages_raw]
    located = find_json_strings(raw, "text", [t for t in texts if isinstance(t, str)])
    messages = []
    for index, item in enumerate(messages_raw):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise CrisisplayError(f"bundle message {index} has no 'text'", Location(name))
        spot = located[index] if index < len(located) else None
        messages.append(MessageText(
            channel=str(item.get("channel", f"message{index}")),
            text=item["text"],
            file=name,
            stage=stage if isinstance(stage, str) else None,
            locale=item.get("locale") if isinstance(item.get("locale"), str) else None,
            positions=PositionMap(raw, offsets=spot[1]) if spot else None,
            sent_at=_moment(data.get("generated_at")),
        ))
    return Source(name, "bundle", messages, raw, stage=stage if isinstance(stage, str) else None,
                  locale=locale if isinstance(locale, str) else None, truth=truth_from_bundle(data))


def _read_eml(raw_bytes: bytes, name: str, channel: str) -> Source:
    raw = raw_bytes.decode("utf-8", errors="replace")
    subject, body, verbatim, body_start = _eml_parts(raw_bytes, raw, name)
    subject_at = raw.find(subject) if subject else -1
    text = f"{subject}\n\n{body}" if subject else body
    offsets: list[int] = []
    if subject:
        anchor = subject_at if subject_at >= 0 else max(raw.lower().find("subject:"), 0)
        offsets.extend(anchor + i if subject_at >= 0 else anchor for i in range(len(subject)))
        offsets.extend([anchor + len(subject)] * 2)
    if verbatim:  # the decoded body is the file's text: exact lines and columns
        synthetic = raw[:body_start] + body
        offsets.extend(body_start + i for i in range(len(body) + 1))
    else:  # base64 / quoted-printable: every finding points at the start of the part's body
        synthetic = raw
        offsets.extend([body_start] * (len(body) + 1))
    message = MessageText(channel, text, name, positions=PositionMap(synthetic, offsets=offsets))
    return Source(name, "eml", [message], raw)


#: lint's cache space of parsed e-mails (:func:`_eml_parts`).
EML_SPACE = "eml"


def _eml_parts(raw_bytes: bytes, raw: str, name: str) -> tuple[str, str, bool, int]:
    """An e-mail's subject, body text, whether the body is the file's text verbatim, and
    where it starts in ``raw``.

    Read from lint's cache when this very file was parsed before: the :mod:`email` package
    costs a warm ``crisisplay lint`` of a rendered outbox more to import than all of its
    other inputs take to read. The key is a digest of the file's bytes and of Python's
    exact version (the parser is the standard library's); an e-mail that cannot be read is
    never stored, so its error is raised again every time.
    """
    from crisisplay.tone.cache import open_cache

    store = open_cache()
    key = ""
    if store is not None:
        import hashlib

        key = hashlib.sha256(sys.version.encode() + b"\0" + raw_bytes).hexdigest()
        value = store.get(EML_SPACE, key)
        if (isinstance(value, list) and len(value) == 4 and isinstance(value[0], str)
                and isinstance(value[1], str) and isinstance(value[2], bool) and type(value[3]) is int):
            return value[0], value[1], value[2], value[3]
    parts = _parse_eml(raw_bytes, raw, name)
    if store is not None and _encodable(parts[0]) and _encodable(parts[1]):
        store.put_many(EML_SPACE, {key: list(parts)})
    return parts


def _encodable(text: str) -> bool:
    """Whether SQLite can store ``text`` (a lone surrogate from a raw 8-bit header cannot)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_eml(raw_bytes: bytes, raw: str, name: str) -> tuple[str, str, bool, int]:
    """:func:`_eml_parts`, computed."""
    import email
    import email.policy  # only for .eml files not read before: the package is slow to import
    from email.message import EmailMessage

    parsed = email.message_from_bytes(raw_bytes, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    subject = str(parsed.get("subject", "") or "")
    body_part = parsed.get_body(preferencelist=("plain", "html"))
    if body_part is None:
        raise CrisisplayError("the e-mail has no text or HTML body", Location(name))
    try:
        body = str(body_part.get_content())
    except (LookupError, UnicodeError) as exc:
        raise CrisisplayError(f"cannot decode the e-mail body: {exc}", Location(name)) from None
    if body_part.get_content_type() == "text/html":
        body = strip_tags(body)
    header_end = _header_end(raw)
    encoding = str(body_part.get("content-transfer-encoding", "")).lower()
    verbatim = encoding in ("", "7bit", "8bit", "binary")
    body_start = _find_body(raw, body, header_end) if verbatim else _part_start(raw, body_part, header_end)
    return subject, body, verbatim, body_start


def _header_end(raw: str) -> int:
    header_end = raw.find("\n\n")
    return len(raw) if header_end < 0 else header_end + 2


def _part_start(raw: str, part: MIMEPart, header_end: int) -> int:
    """Where an encoded part's body starts: after the blank line that ends its headers."""
    at = raw.lower().find(part.get_content_type(), header_end)
    if at < 0:
        return header_end
    blank = raw.find("\n\n", at)
    crlf = raw.find("\r\n\r\n", at)
    ends = [i + 2 for i in (blank,) if i >= 0] + [i + 4 for i in (crlf,) if i >= 0]
    return min(ends, default=header_end)


def _find_body(raw: str, body: str, header_end: int) -> int:
    """Where the decoded body starts in the file, as well as it can be told."""
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if first_line:
        at = raw.find(first_line, header_end)
        if at >= 0:
            line_start = raw.rfind("\n", 0, at) + 1
            lead = len(body) - len(body.lstrip())
            return max(line_start - lead, header_end)
    return header_end


def read_inputs(paths: tuple[str, ...], *, stdin: bytes | None = None, channel: str | None = None) -> list[Source]:
    """Every input path (files, directories, ``-``) as sources, in a stable order."""
    sources: list[Source] = []
    for path in paths or ("-",):
        if path == "-":
            sources.append(read_source("-", stdin or b"", channel=channel))
            continue
        target = Path(path)
        if target.is_dir():
            sources.extend(_read_directory(target))
        elif not target.exists():
            raise CrisisplayError("no such file or directory", Location(path))
        else:
            sources.append(read_source(path, channel=channel))
    if not any(s.messages for s in sources):
        raise CrisisplayError("nothing to lint: no messages in the given inputs")
    return sources


def _read_directory(directory: Path) -> list[Source]:
    files = sorted(
        p for p in directory.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in TEXT_SUFFIXES
    )
    bundle = next((p for p in files if p.name == "bundle.json"), None)
    stage = locale = None
    truth = None
    if bundle is not None:
        meta = _read_json(_decode(_read_bytes(bundle), str(bundle)), str(bundle), "bundle")
        stage, locale, truth = meta.stage, meta.locale, meta.truth
    sources = []
    for path in files:
        if path == bundle:
            continue
        source = read_source(str(path))
        source.stage = source.stage or stage
        source.locale = source.locale or locale
        source.truth = source.truth or truth
        sources.append(source)
    if not sources:
        raise CrisisplayError("no message files in this directory", Location(str(directory)))
    return sources
