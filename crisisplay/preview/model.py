"""What the preview page shows, as plain data: the templates only lay it out.

The assembler (:mod:`crisisplay.preview.assemble`) fills these from a bundle (the
``render --out`` format of docs/CONTRACTS.md), lint findings and, for ``--diff``, the
previous bundle. Every string here is user or playbook text: the page escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Piece:
    """A run of message text and the numbers of the findings that cover it (none: plain)."""

    text: str
    marks: tuple[int, ...] = ()
    anchors: tuple[str, ...] = ()  # ids of the findings that start here (links back)
    closes: tuple[int, ...] = ()  # findings whose span ends here: a footnote link follows
    severity: str = ""  # the worst severity among ``marks``

    @property
    def describedby(self) -> str:
        return " ".join(f"f-{n}" for n in self.marks)


@dataclass(frozen=True)
class FindingView:
    """One finding as the page lists it, numbered across the page."""

    number: int
    rule: str
    severity: str
    category: str
    category_help: str
    message: str
    fix: str = ""
    span: str = ""
    channel: str = ""
    source: str = ""
    located: bool = False  # True when it is highlighted on the text

    @property
    def anchor(self) -> str:
        return f"f-{self.number}"

    @property
    def mark_anchor(self) -> str:
        return f"m-{self.number}"

    @property
    def title(self) -> str:
        """The tooltip of a <mark>: rule id, category and explanation in one line."""
        fix = f" Fix: {self.fix}" if self.fix else ""
        return f"{self.rule} · {self.category} ({self.severity}): {self.message}{fix}"


@dataclass(frozen=True)
class PartView:
    """One part of a message (subject, body, title …) with its highlighted text."""

    name: str
    label: str
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True)
class FigureRow:
    """A figure against its limit: ``134 of 201 characters``."""

    name: str
    label: str
    value: str
    limit: str = ""
    state: str = "info"  # ok | over | info
    percent: int = 0  # of the limit, capped at 100, for the bar


@dataclass
class ChannelCard:
    """One channel's message drawn like its medium, its figures and its findings."""

    channel: str
    title: str
    medium: str  # which drawing: sms, email, post, push, banner, status, script, voice, text
    parts: dict[str, PartView]
    figures: list[FigureRow] = field(default_factory=list)
    findings: list[FindingView] = field(default_factory=list)
    state: str = "ok"  # ok | warning | over | error
    sender: str = ""
    file: str = ""
    extra_parts: list[PartView] = field(default_factory=list)  # parts the medium has no place for
    raw_figures: dict[str, object] = field(default_factory=dict)
    counters: tuple[str, ...] = ()  # the medium's own counter line: «3 части», «≈ 31,8 секунды речи»
    options: dict[str, object] = field(default_factory=dict)  # the playbook's channel options

    @property
    def anchor(self) -> str:
        return f"channel-{self.channel}"

    @property
    def initial(self) -> str:
        """The avatar letter: the sender's first letter or digit («Пример» → П)."""
        name = self.sender or self.title
        return next((ch.upper() for ch in name if ch.isalnum()), "•")

    def part(self, name: str) -> PartView | None:
        return self.parts.get(name)


@dataclass(frozen=True)
class FactCell:
    """How one channel states one mandatory fact."""

    state: str  # stated | missing | differs | absent (not required, not stated) | unrendered
    shown: str = ""
    required: bool = True
    findings: tuple[int, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class FactColumn:
    name: str
    value: str
    inconsistent: bool = False


@dataclass(frozen=True)
class FactRow:
    channel: str
    title: str
    cells: tuple[FactCell, ...]


@dataclass(frozen=True)
class FactTable:
    columns: tuple[FactColumn, ...] = ()
    rows: tuple[FactRow, ...] = ()

    @property
    def inconsistent(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.inconsistent)


@dataclass(frozen=True)
class DiffPiece:
    op: str  # equal | insert | delete
    text: str


@dataclass(frozen=True)
class PartDiff:
    """One part of a channel's message (an e-mail's subject, the script's "avoid" list)."""

    part: str
    label: str
    state: str  # changed | unchanged | added | removed
    pieces: tuple[DiffPiece, ...] = ()


@dataclass(frozen=True)
class ChannelDiff:
    channel: str
    title: str
    state: str  # changed | unchanged | added | removed
    pieces: tuple[DiffPiece, ...] = ()
    parts: tuple[PartDiff, ...] = ()


@dataclass(frozen=True)
class ServiceChange:
    """A service whose state changed, as a sentence: «оплата связи: работала → недоступна»."""

    id: str
    sentence: str


@dataclass(frozen=True)
class FactChange:
    name: str
    before: str
    after: str


@dataclass(frozen=True)
class DiffView:
    previous_generated_at: str
    previous_stage: str
    channels: tuple[ChannelDiff, ...]
    facts: tuple[FactChange, ...] = ()
    services: tuple[ServiceChange, ...] = ()


@dataclass(frozen=True)
class Summary:
    channels: int
    ok: int
    over_limit: tuple[str, ...]
    warnings: tuple[str, ...]
    inconsistent_facts: tuple[str, ...]
    errors: int
    warning_count: int
    infos: int

    @property
    def state(self) -> str:
        if self.errors or self.over_limit or self.inconsistent_facts:
            return "error"
        return "warning" if self.warning_count else "ok"


@dataclass
class PreviewPage:
    """Everything the page template needs."""

    lang: str
    title: str
    playbook_id: str
    playbook_title: str
    stage_id: str
    stage_kind: str
    stage_title: str
    generated_at: str
    cards: list[ChannelCard]
    summary: Summary
    facts: FactTable
    general_findings: list[FindingView] = field(default_factory=list)
    diff: DiffView | None = None
    generator: str = "crisisplay preview"
    generated_label: str = ""  # generated_at as people read it
    clock: str = ""  # HH:MM on the push card's lock screen
    status_label: str = ""  # the stage as a status page names it ("Investigating")
    example_facts: tuple[str, ...] = ()  # facts that are the playbook's examples (a banner says so)
