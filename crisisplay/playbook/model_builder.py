"""From schema-valid, merged playbook data to the typed model, every object at its YAML line.

:mod:`crisisplay.playbook.build` resolves ``extends`` and checks the schema; this module
does the second job: it turns the merged mapping into :class:`~crisisplay.playbook.model.Playbook`
objects, reads template files (confined to the playbook's tree and the bundled library),
and reports what the schema cannot see (a duration out of range, a missing template
file) as findings at their lines.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import Diagnostic, Location
from crisisplay.errors import CrisisplayError
from crisisplay.playbook.bundled import bundled_templates
from crisisplay.playbook.chain import display
from crisisplay.playbook.loader import Document, Limits, PathKey, SourceMap
from crisisplay.playbook.model import (
    ChannelConfig,
    ChannelTemplate,
    Checklist,
    ChecklistItem,
    FactSpec,
    Playbook,
    Policy,
    Service,
    Stage,
    Template,
    ToneProfile,
)
from crisisplay.playbook.paths import (
    RULE_PATH_REFUSED,
    TEMPLATE_SUFFIXES,
    Confinement,
    PathRefused,
    base_dir,
    check_reference,
    read_template,
)
from crisisplay.playbook.schema import RULE_SCHEMA
from crisisplay.playbook.timing import MAX_DURATION, parse_due, parse_duration, parse_event_ref

RULE_TEMPLATE_FILE = "CP012"
CHANNEL_LIMIT_KEYS = (
    "max_segments",
    "max_length",
    "max_title_length",
    "max_subject_length",
    "max_seconds",
)

class ModelBuilder:
    """Turns schema-valid merged data into model objects (positions attached)."""

    def __init__(
        self, data: dict[str, Any], source: SourceMap, chain: list[Document], limits: Limits,
        confinement: Confinement,
    ):
        self.confinement = confinement
        self.data = data
        self.source = source
        self.chain = chain
        self.limits = limits
        self.diagnostics: list[Diagnostic] = []
        self._reported: set[tuple[tuple[str | int, ...], str]] = set()
        self._lines = {doc.path: doc.text.splitlines() for doc in chain}

    def loc(self, *path: str | int) -> Location:
        return self.source.locate(tuple(path))

    def key_loc(self, *path: str | int) -> Location:
        return self.source.locate(tuple(path), key=True)

    def build(self) -> Playbook:
        d = self.data
        main = self.chain[0]
        template_dirs = [Path(doc.path).parent.resolve() for doc in self.chain if doc.path != "-"]
        template_dirs.append(bundled_templates())
        policy_raw = d.get("policy", {})
        policy = Policy(
            first_notice_within=self._duration(policy_raw, "first_notice_within", "policy")
            or Policy().first_notice_within,
            max_update_gap=self._duration(policy_raw, "max_update_gap", "policy") or Policy().max_update_gap,
            location=self.key_loc("policy"),
        )
        return Playbook(
            id=str(d["id"]),
            title=str(d["title"]),
            locale=str(d["locale"]),
            version=str(d.get("version", "")),
            owner=str(d.get("owner", "")),
            timezone=str(d.get("timezone", "UTC")),
            phone_region=str(d.get("phone_region", "")),
            description=str(d.get("description", "")),
            facts=self._facts(d.get("facts", {})),
            services=self._services(d.get("services", {})),
            channels=self._channels(d.get("channels", {})),
            channel_order=tuple(d.get("channel_order", ())),
            mandatory_facts=tuple(d.get("mandatory_facts", ())),
            partials={
                name: self._template(value, ("partials", name))
                for name, value in d.get("partials", {}).items()
            },
            stages=self._stages(d.get("stages", {})),
            tone=self._tone(d.get("tone", {})),
            checklists=self._checklists(d.get("checklists", {})),
            roles={str(k): str(v) for k, v in d.get("roles", {}).items()},
            policy=policy,
            path=main.path,
            chain=tuple(doc.path for doc in self.chain),
            template_dirs=tuple(template_dirs),
            source=self.source,
            raw=d,
        )

    def _duration(self, spec: dict[str, Any], key: str, *path: str | int) -> timedelta | None:
        """``spec[key]`` as a duration; a schema-valid one out of range is CP002 at its line."""
        if key not in spec:
            return None
        delta = parse_duration(spec[key])
        if delta is None:
            self.diagnostics.append(
                Diagnostic.error(RULE_SCHEMA, "schema",
                                 f"{key}: duration {spec[key]!r} is out of range (at most {MAX_DURATION.days} days)",
                                 self.loc(*path, key), source="validate")
            )
        return delta

    def _due(self, spec: dict[str, Any], *path: str | int) -> tuple[timedelta | None, str]:
        """An item's ``due``: from T0, or after an event (``30m after resolved``); out of range is CP002."""
        if "due" not in spec:
            return None, ""
        delta, after = parse_due(spec["due"])
        if delta is None and (path, "due") not in self._reported:
            self._reported.add((path, "due"))
            self.diagnostics.append(
                Diagnostic.error(RULE_SCHEMA, "schema",
                                 f"due: {spec['due']!r} is not a duration (at most {MAX_DURATION.days} days), "
                                 "optionally 'after' an event", self.loc(*path, "due"), source="validate")
            )
        return delta, after

    def _facts(self, raw: dict[str, Any]) -> dict[str, FactSpec]:
        return {
            name: FactSpec(
                name=name,
                type=spec["type"],
                required=bool(spec.get("required", False)),
                description=str(spec.get("description", "")),
                example=spec.get("example"),
                default=spec.get("default"),
                values=tuple(spec.get("values", ())),
                not_before=tuple(spec.get("not_before", ())),
                location=self.key_loc("facts", name),
            )
            for name, spec in raw.items()
        }

    def _services(self, raw: dict[str, Any]) -> tuple[Service, ...]:
        return tuple(
            Service(
                id=sid,
                name=str(spec["name"]),
                tier=spec["tier"],
                status=spec.get("status"),
                alternative=str(spec.get("alternative", "")),
                channels=tuple(spec.get("channels", ())),
                service_level=str(spec.get("service_level", "")),
                phrases={str(k): str(v) for k, v in (spec.get("phrases") or {}).items()},
                location=self.key_loc("services", sid),
            )
            for sid, spec in raw.items()
        )

    def _channels(self, raw: dict[str, Any]) -> dict[str, ChannelConfig]:
        channels = {}
        for name, spec in raw.items():
            spec = spec or {}
            mandatory = spec.get("mandatory_facts")
            channels[name] = ChannelConfig(
                name=name,
                enabled=bool(spec.get("enabled", True)),
                limits={k: int(spec[k]) for k in CHANNEL_LIMIT_KEYS if k in spec},
                mandatory_facts=tuple(mandatory) if mandatory is not None else None,
                options={
                    k: v
                    for k, v in spec.items()
                    if k not in CHANNEL_LIMIT_KEYS and k not in ("enabled", "mandatory_facts")
                },
                location=self.key_loc("channels", name),
            )
        return channels

    def _template(self, value: Any, path: PathKey) -> Template:
        location = self.source.locate(path)
        if isinstance(value, dict):
            return self._template_file(str(value["file"]), path)
        text = str(value)
        lines = self._lines.get(location.file, [])
        first_line = location.line
        if 0 < location.line <= len(lines):
            indicator = lines[location.line - 1][max(location.column - 1, 0) :].lstrip()
            if indicator[:1] in ("|", ">"):
                first_line = location.line + 1
        return Template(source=text, location=location, first_line=first_line)

    def _template_file(self, reference: str, path: PathKey) -> Template:
        """``{file: name}``: beside the YAML file that names it, then in the bundled templates."""
        location = self.source.locate((*path, "file"))
        empty = Template(source="", location=location, first_line=location.line)
        base = base_dir(location.file)
        try:
            found = self._confined(reference, base, location)
            if not found.is_file() and (bundled_templates() / reference).exists():
                found = self._confined(reference, bundled_templates(), location)
        except PathRefused as exc:
            self.diagnostics.append(Diagnostic.error(RULE_PATH_REFUSED, "reference", exc.message, location,
                                                     fix=exc.hint, source="validate"))
            return empty
        if not found.is_file():
            self.diagnostics.append(
                Diagnostic.error(
                    RULE_TEMPLATE_FILE,
                    "reference",
                    f"template file {reference!r} not found (looked in {base} and the bundled templates)",
                    location,
                    source="validate",
                )
            )
            return empty
        try:
            text = read_template(found, self.limits.max_bytes, reference, location)
        except CrisisplayError as exc:
            self.diagnostics.append(Diagnostic.error(RULE_TEMPLATE_FILE, "reference", exc.message, location,
                                                     source="validate"))
            return empty
        name = display(found)
        return Template(source=text, location=Location(name, 1, 1), first_line=1, path=name)

    def _confined(self, reference: str, base: Path, location: Location) -> Path:
        return check_reference(
            reference, base, self.confinement, suffixes=TEMPLATE_SUFFIXES, what="template", location=location
        )

    def _stages(self, raw: dict[str, Any]) -> dict[str, Stage]:
        stages = {}
        for sid, spec in raw.items():
            templates = {}
            for channel, value in spec.get("templates", {}).items():
                tpath: PathKey = ("stages", sid, "templates", channel)
                if isinstance(value, dict) and "file" not in value:
                    parts = {part: self._template(v, (*tpath, part)) for part, v in value.items()}
                else:
                    parts = {"body": self._template(value, tpath)}
                templates[channel] = ChannelTemplate(
                    channel, parts, self.source.locate(tpath, key=True)
                )
            stages[sid] = Stage(
                id=sid,
                kind=spec["kind"],
                title=str(spec.get("title", "")),
                due=self._duration(spec, "due", "stages", sid),
                every=self._duration(spec, "every", "stages", sid),
                templates=templates,
                mandatory_facts=tuple(spec.get("mandatory_facts", ())),
                location=self.key_loc("stages", sid),
            )
        return stages

    def _tone(self, raw: dict[str, Any]) -> ToneProfile:
        return ToneProfile(
            formal_address=raw.get("formal_address"),
            forbidden=tuple(raw.get("forbidden", ())),
            preferred=dict(raw.get("preferred", {})),
            required=tuple(raw.get("required", ())),
            max_exclamations=raw.get("max_exclamations"),
            max_caps_words=raw.get("max_caps_words"),
            max_sentence_words=raw.get("max_sentence_words"),
            rules=tuple(raw.get("rules", ())),
            location=self.key_loc("tone"),
        )

    def _checklists(self, raw: dict[str, Any]) -> dict[str, Checklist]:
        checklists = {}
        for cid, spec in raw.items():
            items = tuple(
                ChecklistItem(
                    id=item["id"],
                    text=item["text"],
                    owner=str(item.get("owner", "")),
                    due=self._due(item, "checklists", cid, "items", index)[0],
                    due_after=self._due(item, "checklists", cid, "items", index)[1],
                    completes_on=parse_event_ref(item.get("completes_on")) or "",
                    title=str(item.get("title", "")),
                    priority=item.get("priority", "normal"),
                    principle=item.get("principle", ""),
                    depends_on=tuple(item.get("depends_on", ())),
                    services=tuple(item.get("services", ())),
                    location=self.loc("checklists", cid, "items", index),
                )
                for index, item in enumerate(spec["items"])
            )
            checklists[cid] = Checklist(
                id=cid,
                title=str(spec.get("title", cid)),
                items=items,
                location=self.key_loc("checklists", cid),
            )
        return checklists
