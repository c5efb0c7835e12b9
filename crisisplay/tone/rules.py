"""``RULES``: every tone rule, built-in and bundled-pack, for ``crisisplay rules`` and SARIF.

A rule's one-line summary comes from the lint catalog of the language asked for
(``crisisplay/data/wording/lint.<lang>.yaml``, ``crisisplay rules --lang ru``); its
documentation is that summary, a line on its kind in the same language, and the kind's
docstring (``crisisplay.tone.kinds``, ``crisisplay.tone.presence``,
``crisisplay.tone.consistency``, ``crisisplay.tone.claims``). A pack rule the catalog does
not know keeps its pack's ``summary``. Building these lists reads the bundled packs (YAML,
or lint's cache) but loads no morphology.
"""

from __future__ import annotations

import functools
import inspect

from crisisplay.diagnostics.model import RuleInfo
from crisisplay.tone import claims, consistency, presence
from crisisplay.tone.builtin import BUILTINS, summary_of, words
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


def _doc(summary: str, kind: str, lang: str, extra: str = "") -> str:
    catalog = words(lang)
    parts = [summary, catalog.term("kind", kind)]
    if extra:
        parts.append(extra)
    parts.append(f"{catalog.text('doc.details')}\n{_kind_doc(kind)}")
    return "\n\n".join(parts)


def _builtin_infos(lang: str) -> list[RuleInfo]:
    infos = []
    for spec in BUILTINS:
        kind = "consistency_builtin" if spec.kind == "consistency" and spec.id.startswith("CP32") else spec.kind
        summary = summary_of(spec.id, lang)
        infos.append(RuleInfo(
            id=spec.id, name=spec.name, severity=spec.severity, category=spec.category,
            summary=summary, doc=_doc(summary, kind, lang), tool=TOOL,
        ))
    return infos


def _pack_infos(lang: str) -> list[RuleInfo]:
    infos = []
    for language in LANGUAGES:
        pack = bundled_pack(language)
        for spec in pack.rules:
            summary = summary_of(spec.id, lang) or spec.summary or spec.message.split(";")[0]
            message = f"{words(lang).text('doc.message')} {spec.message}"
            infos.append(RuleInfo(
                id=spec.id, name=spec.id.split(".", 1)[-1], severity=spec.severity, category=spec.category,
                summary=summary, doc=_doc(summary, spec.kind, lang, message), tool=TOOL,
            ))
    return infos


@functools.cache
def rules_for(lang: str) -> tuple[RuleInfo, ...]:
    """Every lint rule described in ``lang`` (``ru`` or ``en``; others get English)."""
    from crisisplay.wording import language_of

    lang = language_of(lang)
    return tuple(_builtin_infos(lang) + _pack_infos(lang))


RULES: tuple[RuleInfo, ...] = rules_for("en")
