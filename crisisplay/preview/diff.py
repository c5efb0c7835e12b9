"""What changed since the last update: a word-level diff per channel and part (difflib).

Words and the whitespace between them are the units, so a changed time shows as one
deleted and one inserted word, not as a rewritten line. Every part of every channel is
compared (an e-mail's subject, preheader and body; the operator script's "avoid" list),
labelled as the cards label them. Channels added or dropped since the previous bundle are
listed as such; facts that changed are listed with both values, and services as
sentences (:mod:`crisisplay.preview.service_changes`).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from crisisplay.preview.bundle import Bundle, BundleMessage
from crisisplay.preview.labels import part_label
from crisisplay.preview.model import ChannelDiff, DiffPiece, DiffView, FactChange, PartDiff
from crisisplay.preview.service_changes import ServiceInfo, service_changes

_TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
#: Longest unchanged word (in characters) absorbed into the changes around it.
SHORT_EQUAL = 4


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def _join_pieces(pieces: list[DiffPiece]) -> tuple[DiffPiece, ...]:
    merged: list[DiffPiece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if merged and merged[-1].op == piece.op:
            merged[-1] = DiffPiece(piece.op, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return tuple(merged)


def _short_equal(text: str) -> bool:
    """An unchanged run too small to read on its own between two changes ("the", ", ")."""
    words = [t for t in tokens(text) if not t.isspace()]
    return len(words) <= 1 and len(text.strip()) <= SHORT_EQUAL


def diff_text(before: str, after: str) -> tuple[DiffPiece, ...]:
    """``equal``/``delete``/``insert`` runs that turn ``before`` into ``after``.

    Changes separated only by a short unchanged word are joined, so a rewritten phrase
    reads as one deletion and one insertion rather than alternating word by word.
    """
    old, new = tokens(before), tokens(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    runs: list[list[str]] = []  # [op, old text, new text]: op is "equal" or "change"
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        kind = "equal" if op == "equal" else "change"
        runs.append([kind, "".join(old[i1:i2]), "".join(new[j1:j2])])
    merged: list[list[str]] = []
    for run in runs:
        if (run[0] == "change" and len(merged) >= 2 and merged[-1][0] == "equal"
                and merged[-2][0] == "change" and _short_equal(merged[-1][1])):
            gap = merged.pop()
            last = merged[-1]
            last[1] += gap[1] + run[1]
            last[2] += gap[2] + run[2]
        elif run[0] == "change" and merged and merged[-1][0] == "change":
            merged[-1][1] += run[1]
            merged[-1][2] += run[2]
        else:
            merged.append(run)
    pieces: list[DiffPiece] = []
    for kind, old_text, new_text in merged:
        if kind == "equal":
            pieces.append(DiffPiece("equal", new_text))
        else:
            pieces += [DiffPiece("delete", old_text), DiffPiece("insert", new_text)]
    return _join_pieces(pieces)


def _reader_text(value: Any) -> str:
    """A fact value as a reviewer reads it: text as is, a list one item after another."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "; ".join(_reader_text(item) for item in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{key}: {_reader_text(item)}" for key, item in value.items())
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def fact_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[FactChange, ...]:
    """Facts that changed; ``services`` is left to :func:`service_changes` (sentences, not JSON)."""
    changes = []
    for name in dict.fromkeys([*after, *before]):
        if name == "services":
            continue
        old, new = before.get(name), after.get(name)
        if old != new:
            changes.append(FactChange(name, "" if old is None else _reader_text(old),
                                      "" if new is None else _reader_text(new)))
    return tuple(changes)


def _parts(message: BundleMessage) -> dict[str, str]:
    """Every part of a message (subject, preheader, body; say, avoid, faq …), in order."""
    return dict(message.parts) if message.parts else {"body": message.text}


def _part_diffs(old: BundleMessage | None, new: BundleMessage | None,
                labels: Mapping[str, str]) -> tuple[PartDiff, ...]:
    before, after = (_parts(old) if old else {}), (_parts(new) if new else {})
    diffs = []
    for part in dict.fromkeys([*after, *before]):
        label = part_label(dict(labels), part)
        if part not in before:
            diffs.append(PartDiff(part, label, "added", (DiffPiece("insert", after[part]),)))
        elif part not in after:
            diffs.append(PartDiff(part, label, "removed", (DiffPiece("delete", before[part]),)))
        elif before[part] == after[part]:
            diffs.append(PartDiff(part, label, "unchanged", (DiffPiece("equal", after[part]),)))
        else:
            diffs.append(PartDiff(part, label, "changed", diff_text(before[part], after[part])))
    return tuple(diffs)


def diff_bundles(previous: Bundle, current: Bundle, titles: Mapping[str, str] | None = None, *,
                 labels: Mapping[str, str] | None = None,
                 services: Sequence[ServiceInfo] = ()) -> DiffView:
    """Per channel, in the current bundle's order, then channels that were dropped.

    Each channel is compared part by part (an e-mail's subject, preheader and body; the
    contact-centre script's "say", "avoid" and "faq"), so nothing a customer or an
    operator reads changes unseen. ``services`` (the playbook's) gives each service's
    status when a bundle did not override it.
    """
    titles = titles or {}
    labels = labels or {}
    channels = []
    for message in current.messages:
        title = titles.get(message.channel, message.channel)
        old = previous.message(message.channel)
        parts = _part_diffs(old, message, labels)
        if old is None:
            channels.append(ChannelDiff(message.channel, title, "added",
                                        (DiffPiece("insert", message.text),), parts))
        elif all(part.state == "unchanged" for part in parts) and old.text == message.text:
            channels.append(ChannelDiff(message.channel, title, "unchanged",
                                        (DiffPiece("equal", message.text),), parts))
        else:
            channels.append(ChannelDiff(message.channel, title, "changed",
                                        diff_text(old.text, message.text), parts))
    for old in previous.messages:
        if current.message(old.channel) is None:
            channels.append(ChannelDiff(old.channel, titles.get(old.channel, old.channel), "removed",
                                        (DiffPiece("delete", old.text),), _part_diffs(old, None, labels)))
    stage = previous.stage.get("id") or previous.stage.get("kind") or ""
    language = current.locale.replace("-", "_").split("_")[0]
    return DiffView(previous.generated_at, str(stage), tuple(channels),
                    fact_changes(previous.facts, current.facts),
                    service_changes(previous.facts, current.facts, services, language))
