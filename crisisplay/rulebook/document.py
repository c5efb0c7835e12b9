"""The rule reference: ``crisisplay rules --doc ID`` (text) and docs/rules.md (Markdown).

Both are made from the cards (:mod:`crisisplay.rulebook.registry`) in one language (``en`` or
``ru``): the summary, the rationale, for a tone rule its kind and message, and the failing and
passing examples as the card gives them. The words around them come from
``crisisplay/data/wording/rules.<lang>.yaml``. docs/rules.md and docs/rules.ru.md are this
module's :func:`reference`; tests/test_rule_docs.py fails when a committed file drifts.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import Any

from crisisplay.markdown import table_cell
from crisisplay.rulebook.cards import Example, RuleCard
from crisisplay.wording import Wording, wording_for


def _labels(lang: str) -> Wording:
    return wording_for("rules", lang)


def _yaml(example: Example) -> str:
    """An example as one would write it in a card: one key a line, short mappings inline,
    texts of several lines as literal blocks."""
    lines = []
    for key, value in example.items():
        inline = _dump(value, flow=True)
        if not _has_lines(value) and len(key) + len(inline) <= 100:
            lines.append(f"{key}: {inline}")
        else:
            block = _dump({key: value}, flow=False)
            lines.append(block)
    return "\n".join(lines)


def _has_lines(value: Any) -> bool:
    if isinstance(value, str):
        return "\n" in value
    if isinstance(value, dict):
        return any(_has_lines(v) for v in value.values())
    return isinstance(value, list) and any(_has_lines(v) for v in value)


def _dump(value: Any, *, flow: bool) -> str:
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
        style = "|" if "\n" in data else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, text)
    dumped: str = yaml.dump(value, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=10**6,
                            default_flow_style=True if flow else None)
    return dumped.strip().removesuffix("...").strip()


def _in_language(examples: Iterable[Example], lang: str) -> list[Example]:
    """The examples in ``lang`` when some are (tone rules give one per language), else all."""
    chosen = list(examples)
    mine = [e for e in chosen if e.get("lang", "en") == lang]
    return mine or chosen


def _lint_details(card: RuleCard, lang: str) -> tuple[str, str]:
    """A tone rule's kind (with its one-line meaning) and message in ``lang``, when bundled."""
    if card.tool != "lint":
        return "", ""
    from crisisplay.tone.kinds.setup import message_in
    from crisisplay.tone.packs import bundled_spec

    spec = bundled_spec(card.id)
    if spec is None:
        return "", ""
    kind = f"{spec.kind} — {wording_for('lint', lang).term('kind', spec.kind)}"
    message = message_in(spec.message, lang)[0] if spec.message else ""
    return kind, message


def _card_header(card: RuleCard, lang: str) -> str:
    words = _labels(lang)
    return (f"{words.text('severity')}: {card.severity.label} · {words.text('category')}: {card.category} · "
            f"{words.text('tool')}: {card.tool}")


def rule_text(card: RuleCard, lang: str = "en") -> str:
    """``crisisplay rules --doc``: one rule in ``lang``, with its examples."""
    return _card_text(card, lang, markdown=False)


def _card_text(card: RuleCard, lang: str, *, markdown: bool) -> str:
    """One rule in full: the terminal's plain text, or a section of docs/rules.md."""
    words = _labels(lang)
    if markdown:
        parts = [f"## {card.id}", f"**{card.name}** — {_card_header(card, lang)}", f"**{card.summary_in(lang)}**"]
    else:
        parts = [f"{card.id} {card.name}", _card_header(card, lang), card.summary_in(lang)]
    if card.rationale:
        parts.append(card.rationale_in(lang))
    kind, message = _lint_details(card, lang)
    if kind:
        parts.append(f"{words.text('kind')}: {kind}")
    if message:
        parts.append(f"{words.text('message')} {table_cell(message) if markdown else message}")
    parts.extend(_example_blocks(card, lang, markdown=markdown))
    return "\n\n".join(parts)


def _example_blocks(card: RuleCard, lang: str, *, markdown: bool) -> list[str]:
    words = _labels(lang)
    if card.untestable:
        return [words.text("untestable", reason=card.untestable)]
    blocks = []
    for label, examples in (("fails", card.fail), ("passes", card.passing)):
        shown = "\n\n".join(_yaml(e) for e in _in_language(examples, lang))
        if markdown:
            blocks.append(f"{words.text(label)}\n\n```yaml\n{shown}\n```")
        else:
            blocks.append(words.text(label) + "\n" + "\n".join(f"    {line}" for line in shown.splitlines()))
    return blocks


def reference(lang: str = "en") -> str:
    """docs/rules.md (``en``) or docs/rules.ru.md (``ru``): every rule, in Markdown."""
    from crisisplay.rulebook.registry import all_cards

    words = _labels(lang)
    cards = all_cards()
    out: list[str] = [f"# {words.text('title')}", words.text("intro"), f"_{words.text('regenerate')}_",
                      f"## {words.text('heading.list')}", words.text("columns"), "|---|---|---|---|---|---|"]
    out[-1] = "\n".join([out[-2], out[-1], *(
        f"| [{c.id}](#{c.id.lower().replace('.', '')}) | {c.name} | {c.severity.label} | {c.category} | {c.tool} | "
        f"{table_cell(c.summary_in(lang))} |" for c in cards)])
    del out[-2]
    out.append(f"## {words.text('heading.examples')}")
    out.extend(words.text(f"examples.{tool}") for tool in ("validate", "render", "lint"))
    out.append(f"### {words.text('heading.playbook')}\n\n```yaml\n{_example_playbook_text()}\n```")
    for card in cards:
        out.append(_card_text(card, lang, markdown=True))
    return "\n\n".join(out) + "\n"


def _example_playbook_text() -> str:
    text = resources.files("crisisplay.rulebook").joinpath("example-playbook.yaml").read_text("utf-8")
    return "\n".join(line for line in text.splitlines() if not line.startswith("#")).strip()


def rule_json(card: RuleCard, lang: str = "en") -> dict[str, Any]:
    """``crisisplay rules --format json``: one rule with its texts in ``lang`` and its examples."""
    return {
        "id": card.id, "name": card.name, "severity": card.severity.label, "category": card.category,
        "tool": card.tool, "summary": card.summary_in(lang), "rationale": card.rationale_in(lang),
        "fail": list(card.fail), "pass": list(card.passing),
        **({"untestable": card.untestable} if card.untestable else {}),
    }
