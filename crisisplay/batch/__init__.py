"""Personalised mass rendering: recipients in, one gateway-ready line per message out.

Streaming (flat memory), parallel (``--jobs``), resumable (``--resume``) and explicit
about every recipient it cannot serve (``rejected.jsonl``). The library entry point is
:func:`crisisplay.batch.runner.run_batch`; the CLI glue is
:mod:`crisisplay.batch.cli_support`. See docs/batch.md.
"""

from __future__ import annotations
