"""The report's look, in one swappable place.

The HTML preview feature is meant to share this look; it (or a company theme) replaces
:data:`REPORT_CSS` instead of editing templates. Colours meet WCAG AA contrast on white,
and states are always spelled out in text too, never shown by colour alone.
"""

from __future__ import annotations

REPORT_CSS = """
:root { --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa;
        --bad: #a40e26; --warn: #7d4e00; --good: #116329; --accent: #0550ae; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--fg); margin: 0; background: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.note { border-left: 4px solid var(--warn); background: #fff8c5;
        padding: .5rem 1rem; margin: 1rem 0; }
progress { width: 100%; max-width: 24rem; height: 1rem; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem;
         text-align: left; vertical-align: top; }
thead th { background: var(--bg-alt); }
tbody tr:nth-child(even) { background: #fbfcfd; }
.state { font-weight: 600; white-space: nowrap; }
.state-done { color: var(--good); }
.state-skipped { color: var(--muted); }
.state-blocked, .overdue { color: var(--warn); }
.overdue .state, .late { color: var(--bad); }
.why { color: var(--muted); font-size: .9rem; }
@media print { main { max-width: none; padding: 0; } a { color: inherit; } }
"""
