"""The crisis room (``crisisplay serve``): the team's checklists, customer clock and next
messages in a browser, over the same SQLite state as ``crisisplay checklist``.

A face like the CLI: ``app`` routes HTTP to the checklist API, ``views``/``pages`` build
pages from :mod:`crisisplay.checklist` views, ``messages`` composes render and tone for
the next message, ``members`` keeps invitations and members, ``runs`` caches run states.
"""

from __future__ import annotations
