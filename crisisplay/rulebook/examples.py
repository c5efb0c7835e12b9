"""Running a card's examples: which rule ids does an example's input produce?

Each tool reads an example its own way (docs/rules.md, "Examples"):

* **validate** — ``playbook`` is a mapping merged into the example playbook
  (``crisisplay/rulebook/example-playbook.yaml``: mappings merge key by key, ``null`` removes
  a key, ``{}`` empties a mapping, a list replaces the list) or, as text, a whole playbook file; ``files`` are written
  beside it (a parent for ``extends``, a template for ``file:``). The playbook is checked as
  ``crisisplay validate`` checks it, with the render engine's filters known.
* **render** — the same playbook, then ``crisisplay render`` with ``facts`` as the facts file
  (none: the playbook's examples), ``stage``, ``at`` (the render time), ``locale`` and
  ``strict``. Problems with the facts count like the findings of a render.
* **lint** — ``text`` is the message (``channel``, default ``email``; ``lang``, default ``en``;
  ``stage``, a stage kind, default ``first_notice``), ``others`` are the texts of other
  channels sent with it (channel → text), ``at`` is when they go out. With ``playbook`` the
  example playbook's tone, services and stages apply; with ``facts`` the messages are also
  checked against the facts they claim to be made from (as ``render --lint`` does).

Everything runs in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from crisisplay.diagnostics.model import Diagnostic
from crisisplay.errors import DiagnosticsError
from crisisplay.rulebook.cards import Example, RuleCard

PLAYBOOK_FILE = "playbook.yaml"
#: The render time of render and lint examples unless they give ``at`` (the playbook's zone).
DEFAULT_AT = "2026-03-15T10:00"
#: The channel of a lint example's ``text`` unless it gives ``channel``.
DEFAULT_CHANNEL = "email"


def example_playbook() -> dict[str, Any]:
    """The playbook examples start from, as data."""
    import yaml

    text = resources.files("crisisplay.rulebook").joinpath("example-playbook.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def merge(base: Any, overlay: Any) -> Any:
    """``overlay`` merged into ``base``: mappings key by key, ``None`` removes, ``{}`` empties,
    anything else replaces."""
    if not isinstance(base, dict) or not isinstance(overlay, dict) or not overlay:
        return copy.deepcopy(overlay)
    merged = dict(base)
    for key, value in overlay.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge(base.get(key), value)
    return merged


def run_example(card: RuleCard, example: Example) -> list[Diagnostic]:
    """Every finding the example's input produces with the tool that checks ``card``."""
    with tempfile.TemporaryDirectory(prefix="crisisplay-example-") as folder:
        root = Path(folder)
        if card.tool == "lint":
            return _lint_example(example, root)
        path = _write_playbook(example, root)
        return _validate_example(path) if card.tool == "validate" else _render_example(example, path, root)


def _write_playbook(example: Example, root: Path) -> Path:
    import yaml

    for name, text in example.get("files", {}).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(str(text), encoding="utf-8")
    path = root / PLAYBOOK_FILE
    given = example.get("playbook")
    if isinstance(given, str):
        path.write_text(given, encoding="utf-8")
    else:
        data = merge(example_playbook(), given) if given is not None else example_playbook()
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _validate_example(path: Path) -> list[Diagnostic]:
    from crisisplay.playbook.validate import validate_one
    from crisisplay.render.engine import known_filters, known_globals

    return validate_one(str(path), known_filters=frozenset(known_filters()), extra_names=frozenset(known_globals()))


def _rendered(example: Example, path: Path, root: Path) -> tuple[Any, Any, Any]:
    """The playbook, the render time and the render result, as ``crisisplay render`` makes them."""
    import yaml

    from crisisplay.playbook.build import load_playbook
    from crisisplay.playbook.fact_types import playbook_zone
    from crisisplay.playbook.values import parse_datetime
    from crisisplay.render.fact_set import collect_facts
    from crisisplay.render.renderer import Renderer

    playbook = load_playbook(path)
    now = parse_datetime(example.get("at", DEFAULT_AT), playbook_zone(playbook))
    facts_file = None
    if "facts" in example:
        facts_file = root / "facts.yaml"
        facts_file.write_text(yaml.safe_dump(example["facts"], allow_unicode=True), encoding="utf-8")
    fact_set = collect_facts(playbook, facts_file, now=now)
    renderer = Renderer(playbook, locale=example.get("locale"))
    result = renderer.render(example.get("stage"), fact_set.values, at=now, strict=bool(example.get("strict")),
                             checked=True, examples=fact_set.examples)
    return playbook, now, result


def _render_example(example: Example, path: Path, root: Path) -> list[Diagnostic]:
    try:
        _playbook, _now, result = _rendered(example, path, root)
    except DiagnosticsError as exc:
        return list(exc.diagnostics)
    return list(result.all_diagnostics())


def _lint_example(example: Example, root: Path) -> list[Diagnostic]:
    from crisisplay.tone.api import MessageText, lint_messages

    lang = example.get("lang", "en")
    stage = example.get("stage", "first_notice")
    sent_at, playbook, truth = None, None, None
    if {"playbook", "facts", "at"} & example.keys():
        playbook, truth, sent_at = _lint_context(example, root)
    channel = example.get("channel", DEFAULT_CHANNEL)
    others = _channel_texts(example.get("others", {}))
    if channel in others:
        raise ValueError(f"the example's 'others' repeat its own channel {channel!r}")
    texts = {channel: example["text"], **others}
    messages = [MessageText(channel, text, f"{channel}.txt", sent_at=sent_at) for channel, text in texts.items()]
    return lint_messages(messages, locale=lang, stage_kind=stage, playbook=playbook, truth=truth)


def _channel_texts(others: Mapping[str, Any]) -> dict[str, str]:
    return {str(channel): str(text) for channel, text in others.items()}


def _lint_context(example: Example, root: Path) -> tuple[Any, Any, Any]:
    """The example playbook, what the facts say (as ``render --lint`` reads them) and the time."""
    from crisisplay.factcheck import truth_for_result
    from crisisplay.playbook.build import load_playbook
    from crisisplay.playbook.fact_types import playbook_zone
    from crisisplay.playbook.values import parse_datetime

    path = _write_playbook(example, root)
    if "facts" not in example:
        playbook = load_playbook(path)
        now = parse_datetime(example.get("at", DEFAULT_AT), playbook_zone(playbook))
        return (playbook if "playbook" in example else None), None, now
    playbook, now, result = _rendered({**example, "stage": None}, path, root)
    return (playbook if "playbook" in example else None), truth_for_result(result), now


def found_ids(card: RuleCard, example: Example) -> list[str]:
    return [diagnostic.rule for diagnostic in run_example(card, example)]
