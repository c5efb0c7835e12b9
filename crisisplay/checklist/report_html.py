"""The HTML report: one self-contained, accessible page (inline CSS, no scripts, a CSP that forbids both).

Jinja2 with autoescaping, because item texts and notes are typed by people during a
crisis and must never become markup. Semantic structure (landmarks, captions, header
cells with scope) so screen readers can navigate the tables.
"""

from __future__ import annotations

from typing import Any

from crisisplay.checklist.report_style import REPORT_CSS

#: Like the preview's: no script, no request of any kind; only the inline stylesheet applies.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="generator" content="crisisplay checklist report">
<title>{{ title }}</title>
<style>{{ css }}</style>
</head>
<body>
<main>
<header>
<h1>{{ title }}</h1>
<dl class="facts">
{%- for key, value in facts %}
<dt>{{ key }}</dt><dd>{{ value }}</dd>
{%- endfor %}
</dl>
{%- for change in changes %}
<p class="note" role="note"><strong>{{ labels.note }}:</strong> {{ change }}.</p>
{%- endfor %}
</header>
<section aria-labelledby="summary">
<h2 id="summary">{{ labels.summary }}</h2>
<p><label for="progress">{{ labels.progress }}</label>
<progress id="progress" max="{{ progress.total or 1 }}" value="{{ progress.closed }}">
{{- progress.percent }}</progress>
{{ progress.summary }}.</p>
<p{% if next_update_overdue %} class="late"{% endif %}>
<strong>{{ labels.customers }}:</strong> {{ next_update }}.</p>
<div class="table-scroll">
<table class="tiers">
<caption>{{ labels.tiers_caption }}</caption>
<thead><tr>
<th scope="col">{{ labels.col_priority }}</th>
<th scope="col">{{ labels.col_total }}</th>
<th scope="col">{{ labels.col_done }}</th>
<th scope="col">{{ labels.col_skipped }}</th>
<th scope="col">{{ labels.col_blocked }}</th>
<th scope="col">{{ labels.col_open }}</th></tr></thead>
<tbody>
{%- for t in tiers %}
<tr>
<th scope="row">{{ t.priority }}</th>
<td>{{ t.total }}</td>
<td>{{ t.done }}</td>
<td>{{ t.skipped }}</td>
<td>{{ t.blocked }}</td>
<td>{{ t.open }}</td></tr>
{%- endfor %}
</tbody>
</table>
</div>
</section>
<section aria-labelledby="communication">
<h2 id="communication">{{ labels.communication }}</h2>
{%- if messages %}
<table class="stack">
<caption>{{ labels.messages_caption }}</caption>
<thead><tr>
<th scope="col">{{ labels.col_sent }}</th>
<th scope="col">{{ labels.col_stage }}</th>
<th scope="col">{{ labels.col_kind }}</th>
<th scope="col">{{ labels.col_channels }}</th>
<th scope="col">{{ labels.col_by }}</th></tr></thead>
<tbody>
{%- for m in messages %}
<tr>
<td data-label="{{ labels.col_sent }}">{{ m.at }}</td>
<td data-label="{{ labels.col_stage }}">{{ m.stage }}</td>
<td data-label="{{ labels.col_kind }}">{{ m.kind }}</td>
<td data-label="{{ labels.col_channels }}">{{ m.channels }}</td>
<td data-label="{{ labels.col_by }}">{{ m.by }}</td></tr>
{%- endfor %}
</tbody>
</table>
{%- else %}
<p>{{ labels.no_messages }}</p>
{%- endif %}
{%- if silences %}
<p>{{ labels.silences_intro }}</p>
<ul>
{%- for s in silences %}
<li class="late">{{ s }}</li>
{%- endfor %}
</ul>
{%- endif %}
</section>
{%- for checklist in checklists %}
<section aria-labelledby="checklist-{{ checklist.id }}">
<h2 id="checklist-{{ checklist.id }}">{{ checklist.heading }}</h2>
<table class="stack items">
<caption class="vh">{{ checklist.title }}</caption>
<colgroup><col class="c-id"><col class="c-task"><col class="c-owner">
<col class="c-deadline"><col class="c-state"><col class="c-change"></colgroup>
<thead><tr>
<th scope="col">{{ labels.col_item }}</th>
<th scope="col">{{ labels.col_task }}</th>
<th scope="col">{{ labels.col_owner }}</th>
<th scope="col">{{ labels.col_deadline }}</th>
<th scope="col">{{ labels.col_state }}</th>
<th scope="col">{{ labels.col_last_change }}</th></tr></thead>
<tbody>
{%- for r in checklist.rows %}
<tr class="row-{{ r.state }}{% if r.overdue %} overdue{% endif %}">
<th scope="row" class="id">{{ r.id }}<span class="prio">{{ r.priority }}</span></th>
<td data-label="{{ labels.col_task }}" class="task"><strong>{{ r.title }}</strong>{% if r.title != r.text %}<br>
{{ r.text }}{% endif %}{% if r.completes %}<br>
<span class="why">{{ r.completes }}</span>{% endif %}{% if r.principle %}<br>
<span class="why">{{ labels.col_why }}: {{ r.principle }}</span>{% endif %}</td>
<td data-label="{{ labels.col_owner }}">{{ r.owner }}</td>
<td data-label="{{ labels.col_deadline }}">{{ r.deadline }}</td>
<td data-label="{{ labels.col_state }}" class="state state-{{ r.state }}">{{ r.state_label }}</td>
<td data-label="{{ labels.col_last_change }}">{{ r.when }}{% if r.note %}<br>
<span class="why">{{ labels.col_note }}: {{ r.note }}</span>{% endif %}</td></tr>
{%- endfor %}
</tbody>
</table>
</section>
{%- endfor %}
{%- if frozen %}
<section aria-labelledby="frozen">
<h2 id="frozen">{{ labels.frozen_heading }}</h2>
<p>{{ labels.frozen_intro }}</p>
<table class="stack">
<caption>{{ labels.frozen_caption }}</caption>
<thead><tr>
<th scope="col">{{ labels.col_service }}</th>
<th scope="col">{{ labels.col_tier }}</th>
<th scope="col">{{ labels.col_status }}</th>
<th scope="col">{{ labels.col_instead }}</th>
<th scope="col">{{ labels.col_items }}</th></tr></thead>
<tbody>
{%- for f in frozen %}
<tr>
<th scope="row">{{ f.name }} ({{ f.id }})</th>
<td data-label="{{ labels.col_tier }}">{{ f.tier }}</td>
<td data-label="{{ labels.col_status }}">{{ f.status }}</td>
<td data-label="{{ labels.col_instead }}">{{ f.alternative }}</td>
<td data-label="{{ labels.col_items }}" class="id">{{ f.item_ids }}</td></tr>
{%- endfor %}
</tbody>
</table>
</section>
{%- endif %}
{%- if waiting %}
<section aria-labelledby="waiting">
<h2 id="waiting">{{ labels.waiting_heading }}</h2>
<ul>
{%- for w in waiting %}
<li>{{ w }}</li>
{%- endfor %}
</ul>
</section>
{%- endif %}
{%- if blocked %}
<section aria-labelledby="blocked">
<h2 id="blocked">{{ labels.blocked_heading }}</h2>
<ul>
{%- for b in blocked %}
<li>{{ b }}</li>
{%- endfor %}
</ul>
</section>
{%- endif %}
</main>
</body>
</html>
"""


def render_html(context: dict[str, Any], *, css: str = REPORT_CSS) -> str:
    """The page for ``context`` (see :func:`crisisplay.checklist.report.report_context`)."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    # The stylesheet is ours, not user text: mark it safe so quotes in it stay quotes.
    return env.from_string(TEMPLATE).render(**context, css=Markup(css), csp=CSP)
