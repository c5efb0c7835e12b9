"""The report's look, shared with ``crisisplay preview``.

The stylesheet lives in :mod:`crisisplay.preview.style` so that the checklist report and
the announcement preview look like one product; a company theme replaces it there.
"""

from __future__ import annotations

from crisisplay.preview.style import REPORT_CSS

__all__ = ["REPORT_CSS"]
