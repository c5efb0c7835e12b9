"""Render failures as findings at the YAML line a playbook author can fix.

Jinja2 reports a failure at a line of its compiled template; the author wrote a line of
a YAML playbook, a partial or a template file. :func:`diagnose` walks the traceback to
the innermost template frame, maps it back (:func:`template_location`), and words the
problem in the author's terms: an undefined fact with the nearest declared name, an
optional fact used without ``{% if %}``, a sandbox refusal, a budget exceeded, never a
Python exception name.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import TemplateNotFound
from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError, UndefinedError

from crisisplay.diagnostics.model import Diagnostic, Location, Severity
from crisisplay.playbook.chain import display
from crisisplay.playbook.paths import TEMPLATE_SUFFIXES
from crisisplay.render import rules
from crisisplay.render.engine import PARTIAL_PREFIX
from crisisplay.render.sandbox import budget_message, is_budget_error

if TYPE_CHECKING:
    from crisisplay.render.engine import Engine, PlaybookLoader

_UNDEFINED_RE = re.compile(r"^'([^']+)' is undefined$")
_OPTIONAL_RE = re.compile(r"^optional fact '([^']+)' has no value$")
_RECIPIENT_FIELD_RE = re.compile(r"RecipientView object' has no attribute '([^']+)'")


def template_location(engine: Engine, filename: str | None, line: int | None) -> Location | None:
    """The YAML line a template line comes from (a template file's own line for files)."""
    if filename is None:
        return None
    model = engine.loader.sources.get(filename)
    if model is None and filename.startswith(PARTIAL_PREFIX):
        model = engine.playbook.partials.get(filename[len(PARTIAL_PREFIX):])
    if model is not None:
        return model.yaml_location(line)
    return Location(display(Path(filename)), line or 0, 1 if line else 0)


def diagnose(engine: Engine, exc: BaseException, name: str, channel: str) -> Diagnostic:
    """A render failure as a located finding (the innermost template line wins)."""
    frames = _template_frames(exc, engine.loader)
    if isinstance(exc, TemplateSyntaxError):
        filename = exc.filename or exc.name or name
        known = filename in engine.loader.sources or filename.startswith(("/", PARTIAL_PREFIX))
        frames.append((filename if known else name, exc.lineno))
    filename, line = frames[-1] if frames else (name, None)
    where = template_location(engine, filename, line)
    related = tuple(
        loc for loc in (template_location(engine, f, n) for f, n in frames[:-1]) if loc is not None and loc != where
    )
    if isinstance(exc, UndefinedError):
        return _undefined(engine, exc, channel, where, related)
    if is_budget_error(exc):
        return Diagnostic(rules.TEMPLATE_BUDGET, Severity.ERROR, "template", f"{channel}: {budget_message(exc)}",
                          where, related=related, source="render",
                          fix="see 'Sandbox budgets' in docs/templates.md; a message never needs this much work")
    if isinstance(exc, SecurityError):
        return Diagnostic(rules.TEMPLATE_UNSAFE, Severity.ERROR, "template",
                          f"{channel}: the template was refused by the sandbox: {exc}", where,
                          related=related, source="render",
                          fix="templates may only format facts; they cannot reach Python internals")
    if isinstance(exc, TemplateNotFound):
        message = f"{channel}: included template {exc.name!r} not found (partials, template files with " \
                  f"{', '.join(TEMPLATE_SUFFIXES)})"
    elif isinstance(exc, TemplateError):
        message = f"{channel}: {exc.message or 'the template cannot be rendered'}"
    else:
        # Python's own wording ("'NoneType' object is not iterable") means nothing to a
        # playbook author: say what failed and where, in the author's terms.
        message = f"{channel}: {_plain_failure(exc)}"
    return Diagnostic(rules.TEMPLATE_ERROR, Severity.ERROR, "template", message, where,
                      related=related, source="render",
                      fix="check the facts this line uses; an optional fact needs {% if fact %}…{% endif %}")

def _undefined(engine: Engine, exc: UndefinedError, channel: str, where: Location | None,
               related: tuple[Location, ...]) -> Diagnostic:
    from crisisplay.suggest import suggestion

    text = exc.message or str(exc)
    match = _UNDEFINED_RE.match(text)
    missing_field = _RECIPIENT_FIELD_RE.search(text)
    optional = _OPTIONAL_RE.match(text)
    if optional:
        name = optional.group(1)
        return Diagnostic(rules.FACT_WITHOUT_VALUE, Severity.ERROR, "template",
                          f"{channel}: fact {name!r} has no value, and this line uses it without testing it",
                          where, fix=f"give {name!r} a value, or guard the sentence with {{% if {name} %}}…"
                          "{% endif %}", related=related, source="render")
    if match and match.group(1) == "recipient":
        message = f"{channel}: the template uses 'recipient', which exists only when rendering per recipient"
        fix = (
            "render with --recipients FILE, preview one person with --recipient name=Anna, or make it "
            "optional: {% if recipient is defined %}…{% endif %}"
        )
    elif missing_field:
        field = missing_field.group(1)
        message = f"{channel}: the sample recipient has no field {field!r}"
        fix = f"add --recipient {field}=…, or make it optional: recipient.{field} | default('…')"
    elif match:
        name = match.group(1)
        fix = suggestion(name, engine.playbook.facts) or "declare it under 'facts:' in the playbook"
        message = f"{channel}: fact {name!r} is not defined (the playbook declares no such fact)"
    else:
        fix = ""
        message = f"{channel}: {text}"
    return Diagnostic(rules.UNDEFINED_NAME, Severity.ERROR, "reference", message, where,
                      fix=fix, related=related, source="render")


def _plain_failure(exc: BaseException) -> str:
    """A render failure in a playbook author's words (no Python exception names or reprs)."""
    if isinstance(exc, (OverflowError, RecursionError, MemoryError)):
        return "this line asks for a value too large to compute"
    if isinstance(exc, ZeroDivisionError):
        return "this line divides by zero"
    if isinstance(exc, TypeError):
        return "this line combines values that do not go together (a missing fact, or text used as a number or date?)"
    if isinstance(exc, (KeyError, IndexError, AttributeError)):
        return "this line asks for something the value does not have"
    return "this line cannot be rendered with the given facts"


def _template_frames(exc: BaseException, loader: PlaybookLoader) -> list[tuple[str, int | None]]:
    """(template filename, line) for each template frame of the traceback, outermost first."""
    frames: list[tuple[str, int | None]] = []
    for frame, line in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_code.co_filename
        if filename in loader.sources or filename.startswith(PARTIAL_PREFIX) or filename.endswith(TEMPLATE_SUFFIXES):
            frames.append((filename, line))
    return frames
