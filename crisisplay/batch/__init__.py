"""Personalised mass rendering: recipients in, one gateway-ready line per message out.

Streaming (flat memory), parallel (``--jobs``), resumable (``--resume``) and explicit
about every recipient it cannot serve (``rejected.jsonl``). The library entry point is
:func:`crisisplay.batch.runner.run_batch`, which reports progress through a callback and
never prints; ``crisisplay render --recipients`` (:mod:`crisisplay.cli.batch`) draws the
bar and prints the summary. See docs/batch.md.
"""

from __future__ import annotations
