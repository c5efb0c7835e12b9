"""What a batch did, in numbers: messages per channel and locale, SMS segments and cost,
rejections per reason.

:class:`Counters` are small (one entry per channel × locale, per reason), so each
committed chunk's totals go into the resume journal and a resumed run reports the
whole job, not only its own part. :class:`BatchSummary` is what ``run_batch``
returns and what ``summary.json`` holds; ``table()`` is the printed form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Rejection reasons, for the docs and for ``summary.json`` readers. Stable ids.
REASONS: dict[str, str] = {
    "bad_encoding": "the line is not UTF-8",
    "bad_csv": "broken quoting, a quote never closed, or the wrong number of fields",
    "bad_json": "the line is not a JSON object",
    "bom": "a byte-order mark in the middle of the file",
    "empty_line": "an empty line",
    "missing_field": "the row lacks its id, or a field a template uses (recipient.<name>)",
    "unknown_service": "the row names a service the playbook does not have",
    "no_valid_address": "none of the recipient's channels has a valid address (the detail says which failed how)",
    "number_type": "the number is of a type the channel does not reach (a landline for SMS, toll-free, premium-rate)",
    "own_number": "the phone number is one of the company's own (a phone fact such as the hotline)",
    "unknown_country": "the row's country column names no country with a numbering plan",
    "unknown_channel": "the row's channels column names something that is not a channel",
    "opted_out": "the row's channels column refuses contact (нет, none)",
    "no_preference": "the row names no channel and the playbook allows no fallback channel",
    "channel_unavailable": "none of the row's channels is sent in this run (not in the stage, or not in --channel)",
    "duplicate": "the same id, or the same address on the same channel, already got this message in this run",
    "over_limit": "the personalised message is over the channel's limit",
    "render_error": "the template failed for this recipient",
}
#: Why a message went on a channel the person did not choose (``"fallback"`` in its line).
FALLBACK_REASONS: dict[str, str] = {
    "no_preference": "the row names no channel",
    "channel_unavailable": "none of the row's channels is sent in this run",
    "no_valid_address": "the row's channels have no valid address",
    "number_type": "the row's number does not suit its channel (a landline for SMS …)",
    "own_number": "the row's number is the company's own",
    "unknown_country": "the row's country column is not a country",
}


#: Distinct note labels kept; the rest are counted together.
MAX_NOTES = 50


def _bump(table: dict[str, int], key: str, amount: int = 1) -> None:
    table[key] = table.get(key, 0) + amount


@dataclass
class Counters:
    """Running totals; ``merge`` adds another chunk's."""

    rows: int = 0
    messages: dict[str, dict[str, int]] = field(default_factory=dict)
    segments: dict[str, dict[str, int]] = field(default_factory=dict)
    encodings: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)
    fallbacks: dict[str, int] = field(default_factory=dict)

    def message(self, channel: str, locale: str, segments: int | None, encoding: str | None,
                count: int = 1) -> None:
        """``count`` messages alike: channel, locale, SMS segments each and encoding."""
        _bump(self.messages.setdefault(channel, {}), locale, count)
        if segments is not None:
            _bump(self.segments.setdefault(channel, {}), locale, segments * count)
        if encoding is not None and channel == "sms":
            _bump(self.encodings, encoding, count)

    def reject(self, reason: str, amount: int = 1) -> None:
        _bump(self.rejected, reason, amount)

    def fell_back(self, reason: str, amount: int = 1) -> None:
        _bump(self.fallbacks, reason, amount)

    def unsend(self, channel: str, locale: str, segments: int | None, encoding: str | None,
               fallback: str | None, warnings: tuple[str, ...]) -> None:
        """Take back one counted message (it turned out to be a duplicate)."""
        _bump(self.messages[channel], locale, -1)
        if segments is not None:
            _bump(self.segments[channel], locale, -segments)
        if encoding is not None and channel == "sms":
            _bump(self.encodings, encoding, -1)
        if fallback is not None:
            _bump(self.fallbacks, fallback, -1)
        for label in warnings:
            if label in self.warnings:
                _bump(self.warnings, label, -1)
        for table in (self.messages[channel], self.segments.get(channel, {}), self.encodings, self.fallbacks,
                      self.warnings):
            for key in [key for key, count in table.items() if count == 0]:
                del table[key]
        for nested in (self.messages, self.segments):
            if channel in nested and not nested[channel]:
                del nested[channel]

    def warn(self, label: str, amount: int = 1) -> None:
        if label not in self.warnings and len(self.warnings) >= MAX_NOTES:
            label = "other notes"  # junk locales must not grow the journal without bound
        _bump(self.warnings, label, amount)

    def merge(self, other: Counters) -> None:
        self.rows += other.rows
        for mine, theirs in ((self.messages, other.messages), (self.segments, other.segments)):
            for channel, per_locale in theirs.items():
                target = mine.setdefault(channel, {})
                for locale, count in per_locale.items():
                    _bump(target, locale, count)
        for mine_flat, theirs_flat in ((self.encodings, other.encodings), (self.rejected, other.rejected),
                                       (self.fallbacks, other.fallbacks)):
            for key, count in theirs_flat.items():
                _bump(mine_flat, key, count)
        for label, count in other.warnings.items():
            self.warn(label, count)

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "messages": self.messages, "segments": self.segments,
                "encodings": self.encodings, "rejected": self.rejected, "warnings": self.warnings,
                "fallbacks": self.fallbacks}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Counters:
        return cls(
            rows=int(data.get("rows", 0)),
            messages={k: dict(v) for k, v in data.get("messages", {}).items()},
            segments={k: dict(v) for k, v in data.get("segments", {}).items()},
            encodings=dict(data.get("encodings", {})),
            rejected=dict(data.get("rejected", {})),
            warnings=dict(data.get("warnings", {})),
            fallbacks=dict(data.get("fallbacks", {})),
        )


@dataclass
class BatchSummary:
    """The outcome of a batch (complete or not), for the CLI, ``summary.json`` and callers."""

    out_dir: str
    playbook: str
    stage: str
    recipients: str
    counters: Counters
    files: dict[str, str] = field(default_factory=dict)
    sms_price: float | None = None
    complete: bool = False
    resumed: bool = False
    already_complete: bool = False
    started_at: str = ""
    render_time: str = ""
    elapsed_seconds: float = 0.0
    rows_this_run: int = 0
    phone_region: str = ""

    @property
    def total_messages(self) -> int:
        return sum(sum(per.values()) for per in self.counters.messages.values())

    @property
    def total_rejected(self) -> int:
        return sum(self.counters.rejected.values())

    @property
    def sms_segments(self) -> int:
        return sum(self.counters.segments.get("sms", {}).values())

    @property
    def estimated_cost(self) -> float | None:
        return None if self.sms_price is None else round(self.sms_segments * self.sms_price, 2)

    @property
    def rate(self) -> float:
        """Rows per second in this run."""
        return self.rows_this_run / self.elapsed_seconds if self.elapsed_seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        channels = {
            channel: {
                "messages": sum(per.values()),
                "by_locale": dict(sorted(per.items())),
                **({"segments": sum(self.counters.segments[channel].values())}
                   if channel in self.counters.segments else {}),
                "file": self.files.get(channel, f"{channel}.jsonl"),
            }
            for channel, per in sorted(self.counters.messages.items())
        }
        return {
            "crisisplay_batch": 1,
            "complete": self.complete,
            "playbook": self.playbook,
            "stage": self.stage,
            "recipients": self.recipients,
            "render_time": self.render_time,
            "rows": self.counters.rows,
            "messages": self.total_messages,
            "channels": channels,
            "sms": {
                "segments": self.sms_segments,
                "encodings": dict(sorted(self.counters.encodings.items())),
                "price_per_segment": self.sms_price,
                "estimated_cost": self.estimated_cost,
            },
            "rejected": {"total": self.total_rejected, "by_reason": dict(sorted(self.counters.rejected.items())),
                         "file": "rejected.jsonl"},
            "fallbacks": {"total": sum(self.counters.fallbacks.values()),
                          "by_reason": dict(sorted(self.counters.fallbacks.items()))},
            "duplicates": self.counters.rejected.get("duplicate", 0),
            "phone_region": self.phone_region,
            "warnings": dict(sorted(self.counters.warnings.items())),
        }

    def table(self) -> str:
        """The printed summary: one row per channel and locale, then rejections."""
        price = self.sms_price
        rows = [("channel", "locale", "messages", "segments", "est. cost")]
        for channel, per in sorted(self.counters.messages.items()):
            for locale, count in sorted(per.items()):
                segs = self.counters.segments.get(channel, {}).get(locale)
                cost = f"{segs * price:,.2f}" if segs is not None and price is not None and channel == "sms" else ""
                rows.append((channel, locale, f"{count:,}", f"{segs:,}" if segs is not None else "", cost))
        total_cost = f"{self.estimated_cost:,.2f}" if self.estimated_cost is not None else ""
        rows.append(("total", "", f"{self.total_messages:,}", f"{self.sms_segments:,}", total_cost))
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        lines = []
        for index, row in enumerate(rows):
            cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
            cells += [cell.rjust(width) for cell, width in zip(row[2:], widths[2:], strict=True)]
            lines.append("  ".join(cells).rstrip())
            if index == 0 or index == len(rows) - 2:
                lines.append("  ".join("-" * w for w in widths))
        lines.append(f"rejected: {self.total_rejected:,} (see rejected.jsonl)")
        reason_width = max((len(r) for r in self.counters.rejected), default=0)
        for reason, count in sorted(self.counters.rejected.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {reason.ljust(reason_width)}  {count:>12,}")
        fallbacks = sum(self.counters.fallbacks.values())
        if fallbacks:
            lines.append(f"sent on a channel the person did not choose (fallback): {fallbacks:,}")
            width = max(len(r) for r in self.counters.fallbacks)
            for reason, count in sorted(self.counters.fallbacks.items(), key=lambda item: (-item[1], item[0])):
                lines.append(f"  {reason.ljust(width)}  {count:>12,}")
        for label, count in sorted(self.counters.warnings.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"note: {label}: {count:,}")
        return "\n".join(lines)
