"""``crisisplay new``: start a company playbook from a bundled scenario.

The new file is a copy of the scenario (comments and layout kept, so the CX lead can read
and edit it) whose ``extends`` points at the bundled base voice
(``bundled:base/base.<locale>.yaml``), with its own ``id`` and, when ``--company`` is
given, the company name as ``owner`` and as the ``company`` fact. The copy is checked
(schema and ``extends``) before it is written, atomically, and never over an existing
file unless ``--force`` says so.

The functions here (:func:`list_scenarios`, :func:`start_playbook`) are usable without
the CLI; the click command only parses options and prints.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from crisisplay.cli.common import handle_errors
from crisisplay.errors import CrisisplayError
from crisisplay.suggest import suggestion

BASE_DIR = "base"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_TOP_KEY_RE = r"(?m)^{key}:[^\n]*\n"
_FACTS_RE = re.compile(r"(?m)^facts:[ \t]*(#[^\n]*)?\n")


@dataclass(frozen=True)
class Scenario:
    """A bundled scenario: its name, the locales it is written in, and its titles."""

    name: str
    files: dict[str, Path] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(sorted(self.files))

    def title(self, locale: str | None = None) -> str:
        if locale and locale in self.titles:
            return self.titles[locale]
        return next(iter(self.titles.values()), self.name)


def _title_of(path: Path) -> str:
    """The playbook's ``title`` line, read without a YAML parse (fast for ``--list``)."""
    match = re.search(r"(?m)^title:[ \t]*(.+?)[ \t]*$", path.read_text("utf-8"))
    if not match:
        return path.stem
    title = match.group(1)
    if len(title) >= 2 and title[0] == title[-1] and title[0] in "'\"":
        title = title[1:-1]
    return title


def list_scenarios(root: Path | None = None) -> dict[str, Scenario]:
    """Every bundled scenario by name: ``<root>/<name>/<name>.<locale>.yaml``, base excluded."""
    if root is None:
        from crisisplay.playbook.bundled import bundled_root

        root = bundled_root()
    scenarios: dict[str, Scenario] = {}
    if not root.is_dir():
        return scenarios
    for directory in sorted(p for p in root.iterdir() if p.is_dir() and p.name != BASE_DIR):
        files: dict[str, Path] = {}
        titles: dict[str, str] = {}
        for path in sorted(directory.glob(f"{directory.name}.*.yaml")):
            locale = path.name[len(directory.name) + 1 : -len(".yaml")]
            if not locale or "." in locale:
                continue
            files[locale] = path
            titles[locale] = _title_of(path)
        if files:
            scenarios[directory.name] = Scenario(directory.name, files, titles)
    return scenarios


def find_scenario(name: str, scenarios: dict[str, Scenario]) -> Scenario:
    """The scenario called ``name``, or a user error naming the nearest ones."""
    if name in scenarios:
        return scenarios[name]
    if name == BASE_DIR:
        raise CrisisplayError(
            "'base' is the company voice the scenarios extend, not a scenario",
            hint=f"choose one of: {', '.join(scenarios)}",
        )
    close = suggestion(name, scenarios, n=3, cutoff=0.5)
    raise CrisisplayError(
        f"unknown scenario {name!r}",
        hint=f"{close + ' ' if close else ''}available: {', '.join(scenarios) or 'none'}; see 'crisisplay new --list'",
    )


def _yaml_string(value: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _set_top_key(text: str, key: str, value: str, *, after: str) -> str:
    """Replace the top-level ``key:`` line, or insert it after the ``after:`` line."""
    line = f"{key}: {value}\n"
    pattern = re.compile(_TOP_KEY_RE.format(key=re.escape(key)))
    if pattern.search(text):
        return pattern.sub(lambda _m: line, text, count=1)
    anchor = re.compile(_TOP_KEY_RE.format(key=re.escape(after)))
    match = anchor.search(text)
    if match is None:
        raise CrisisplayError(f"the scenario has no top-level {after!r} line to insert {key!r} after")
    return text[: match.end()] + line + text[match.end() :]


def start_playbook(
    scenario: Scenario,
    locale: str,
    *,
    playbook_id: str | None = None,
    company: str | None = None,
) -> str:
    """The text of a new company playbook copied from ``scenario`` in ``locale``.

    The copy extends the bundled base of the same locale, takes ``playbook_id`` (default
    ``my-<scenario>``) and, with ``company``, the company as owner and ``company`` fact.
    Raises :class:`CrisisplayError` for an unknown locale or a malformed id.
    """
    if locale not in scenario.files:
        raise CrisisplayError(
            f"scenario {scenario.name!r} is not written in locale {locale!r}",
            hint=f"available locales: {', '.join(scenario.locales)}",
        )
    new_id = playbook_id or f"my-{scenario.name}"
    if not ID_RE.match(new_id):
        raise CrisisplayError(
            f"invalid playbook id {new_id!r}",
            hint="use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit",
        )
    source = scenario.files[locale]
    text = source.read_text("utf-8")
    # The schema comment points at a path relative to the bundled file; drop it.
    text = re.sub(r"(?m)\A# yaml-language-server:[^\n]*\n", "", text)
    header = (
        f"# Started with 'crisisplay new {scenario.name} --locale {locale}' from the bundled scenario\n"
        f"# {scenario.name}/{source.name}. The company voice (contacts, channels, tone) comes from\n"
        f"# bundled:base/base.{locale}.yaml: override any of its facts below, e.g. hotline.\n"
    )
    text = header + text
    text = _set_top_key(text, "id", _yaml_string(new_id), after="title")
    text = _set_top_key(text, "extends", _yaml_string(f"bundled:{BASE_DIR}/{BASE_DIR}.{locale}.yaml"), after="locale")
    if company:
        text = _set_top_key(text, "owner", _yaml_string(company), after="id")
        text = _override_company(text, company)
    _check(text, f"{new_id}.{locale}.yaml")
    return text


def _override_company(text: str, company: str) -> str:
    """Give the ``company`` fact the company's name (declared in the base, overridden here)."""
    block = f"  company:\n    type: string\n    default: {_yaml_string(company)}\n"
    if re.search(r"(?m)^  company:[ \t]*$", text):
        raise CrisisplayError("the scenario already declares a 'company' fact; set its default by hand")
    match = _FACTS_RE.search(text)
    if match is None:
        return text.rstrip("\n") + "\n\nfacts:\n" + block
    return text[: match.end()] + block + text[match.end() :]


def _check(text: str, name: str) -> None:
    """The new playbook must load: YAML, schema and ``extends`` (a failure here is a bug)."""
    from crisisplay.diagnostics.model import Severity
    from crisisplay.playbook.build import resolve_document
    from crisisplay.playbook.loader import parse_text

    resolution = resolve_document(parse_text(text, name))
    errors = [d for d in resolution.diagnostics if d.severity >= Severity.ERROR]
    if errors or resolution.playbook is None:
        details = "; ".join(d.message for d in errors[:3])
        raise CrisisplayError(f"the new playbook would not load: {details}")


def _list_text(scenarios: dict[str, Scenario], locale: str | None) -> str:
    if not scenarios:
        return "no bundled scenarios found"
    width = max(len("SCENARIO"), *(len(name) for name in scenarios))
    locale_width = max(len("LOCALES"), *(len(", ".join(s.locales)) for s in scenarios.values()))
    lines = [f"{'SCENARIO':<{width}}  {'LOCALES':<{locale_width}}  TITLE"]
    for scenario in scenarios.values():
        locales = ", ".join(scenario.locales)
        lines.append(f"{scenario.name:<{width}}  {locales:<{locale_width}}  {scenario.title(locale)}")
    return "\n".join(lines)


@click.command(
    epilog=(
        "Examples:\n\n"
        "  crisisplay new --list\n\n"
        "  crisisplay new it-outage --locale ru --out my-playbook.yaml\n\n"
        '  crisisplay new pandemic --locale en --id acme-offices --company "Acme" --out acme.en.yaml\n\n'
        "Exit codes: 0 written, 2 unknown scenario or locale, existing file without --force."
    )
)
@click.argument("scenario", required=False)
@click.option("--locale", "-l", default="ru", show_default=True, help="Language of the messages.")
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write ('-' for standard output). Default: <id>.<locale>.yaml.",
)
@click.option("--id", "playbook_id", help="Id of the new playbook. Default: my-<scenario>.")
@click.option("--company", help="Company name: the playbook's owner and the 'company' fact.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--list", "list_only", is_flag=True, help="List the bundled scenarios and exit.")
@handle_errors
def new(
    scenario: str | None,
    locale: str,
    out: str | None,
    playbook_id: str | None,
    company: str | None,
    force: bool,
    list_only: bool,
) -> None:
    """Start a company playbook from a bundled SCENARIO (see --list).

    The new playbook copies the scenario and extends the bundled base voice, so it renders
    at once; edit its facts, services and templates to fit the company.
    """
    scenarios = list_scenarios()
    if list_only:
        click.echo(_list_text(scenarios, locale))
        return
    if not scenario:
        raise CrisisplayError("name a scenario", hint="see 'crisisplay new --list'")
    chosen = find_scenario(scenario, scenarios)
    text = start_playbook(chosen, locale, playbook_id=playbook_id, company=company)
    if out == "-":
        sys.stdout.write(text)
        return
    target = Path(out) if out else Path(f"{playbook_id or 'my-' + chosen.name}.{locale}.yaml")
    if target.exists() and not force:
        raise CrisisplayError(f"{target} already exists", hint="use --force to overwrite it")
    from crisisplay.fsutil import write_text_atomic

    write_text_atomic(target, text)
    click.echo(f"wrote {target} (scenario {chosen.name}, locale {locale})")
    click.echo(f"next: crisisplay validate {target} && crisisplay render {target} --stage first_notice")
