"""``RULES``: every tone rule, built-in and bundled-pack, for ``crisisplay rules`` and SARIF.

The documentation of a rule is its kind's docstring (``crisisplay.tone.kinds``,
``crisisplay.tone.presence``, ``crisisplay.tone.consistency``) plus its own summary. Building
this list reads the bundled packs (YAML) but loads no morphology.
"""

from __future__ import annotations

import inspect

from crisisplay.diagnostics.model import RuleInfo
from crisisplay.tone import claims, consistency, presence
from crisisplay.tone.builtin import BUILTINS
from crisisplay.tone.kinds import KINDS
from crisisplay.tone.packs import LANGUAGES, bundled_pack

TOOL = "lint"


def _kind_doc(kind: str) -> str:
    if kind == "presence":
        return inspect.cleandoc(presence.__doc__ or "")
    if kind == "consistency_builtin":
        return inspect.cleandoc(consistency.__doc__ or "")
    if kind == "claims":
        return inspect.cleandoc(claims.__doc__ or "")
    return inspect.cleandoc(KINDS[kind].__doc__ or "")


def _builtin_infos() -> list[RuleInfo]:
    infos = []
    for spec in BUILTINS:
        kind = "consistency_builtin" if spec.kind == "consistency" and spec.id.startswith("CP32") else spec.kind
        infos.append(RuleInfo(
            id=spec.id, name=spec.name, severity=spec.severity, category=spec.category,
            summary=spec.summary, doc=f"{spec.summary}\n\n{_kind_doc(kind)}", tool=TOOL,
        ))
    return infos


def _pack_infos() -> list[RuleInfo]:
    infos = []
    for language in LANGUAGES:
        pack = bundled_pack(language)
        for spec in pack.rules:
            summary = spec.summary or spec.message.split(";")[0]
            infos.append(RuleInfo(
                id=spec.id, name=spec.id.split(".", 1)[-1], severity=spec.severity, category=spec.category,
                summary=summary, doc=f"{summary}\n\nMessage: {spec.message}\n\n{_kind_doc(spec.kind)}", tool=TOOL,
            ))
    return infos


RULES: tuple[RuleInfo, ...] = tuple(_builtin_infos() + _pack_infos())
