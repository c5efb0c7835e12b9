"""The report's look: the stylesheet shared with ``crisisplay preview``, plus the report's tables.

The common part lives in :mod:`crisisplay.preview.style` so that the checklist report and
the announcement preview look like one product (a company theme replaces it there).
:data:`REPORT_TABLES_CSS` is the report's own: the item table gives the task most of the
width at 1280 px and turns into one card per item on a phone (every cell labelled with its
column), long ids and states wrap, and an overdue row is marked, not painted.
"""

from __future__ import annotations

from crisisplay.preview.style import REPORT_CSS as SHARED_CSS

REPORT_TABLES_CSS = """
table.items { table-layout: fixed; }
table.items col.c-id { width: 15%; }
table.items col.c-task { width: 33%; }
table.items col.c-owner { width: 14%; }
table.items col.c-deadline { width: 12%; }
table.items col.c-state { width: 14%; }
table.items col.c-change { width: 12%; }
th, td { overflow-wrap: break-word; }
.id { overflow-wrap: anywhere; font-weight: 600; }
.prio { display: block; font-weight: 400; color: var(--muted); font-size: .9rem; }
.state { white-space: normal; }
tr.overdue { color: inherit; }
tr.overdue th.id { box-shadow: inset 4px 0 0 var(--bad); }
tr.overdue .state { color: var(--bad); }
.state-waiting { color: var(--muted); }
@media (max-width: 40rem) {
  table.stack, table.stack thead, table.stack tbody, table.stack tr,
  table.stack th, table.stack td { display: block; width: 100%; }
  table.stack colgroup, table.stack thead { display: none; }
  table.stack tr { border: 1px solid var(--line); border-radius: .4rem; margin: 0 0 .75rem;
                   padding: .25rem .5rem; background: #fff; }
  table.stack th, table.stack td { border: 0; padding: .2rem 0; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
  table.stack td.task::before { display: block; }
  tr.overdue { border-left: 4px solid var(--bad); }
  tr.overdue th.id { box-shadow: none; }
  table.tiers { font-size: .85rem; }
  table.tiers th, table.tiers td { padding: .3rem .25rem; }
}
"""

REPORT_CSS = SHARED_CSS + REPORT_TABLES_CSS

__all__ = ["REPORT_CSS"]
