"""Checklist runs: managers work through a playbook's checklists during a crisis.

A *run* starts at T0 (the start of the crisis) from a snapshot of the playbook, so later
edits to the YAML never rewrite history. Every action (done, skip, block, reopen, assign,
message sent, close) is an event appended to an SQLite log; the current state is a replay
of that log, which is why the log doubles as the audit trail.

Layers, one way: ``clock`` and ``snapshot`` (inputs) → ``domain`` (replay and rules of an
action) → ``views`` (status at a moment) → ``report``/``ics``/``textview`` (outputs).
``store`` keeps runs and events; ``api`` ties a store transaction to a domain decision.
Nothing here prints or exits.
"""

from __future__ import annotations
