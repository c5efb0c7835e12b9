"""The fact round-trip: what rendered messages claim, read back and compared with the facts.

Render and tone do not import each other; this small module composes them. It turns a
:class:`~crisisplay.render.result.RenderResult` into the :class:`~crisisplay.tone.claims.Truth`
it was made from (service statuses and names, the facts' times and texts), so that
``render --lint``, the preview and the crisis room check every message's claims with lint's
own extraction (CP327, CP328).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crisisplay.render.locale import language

if TYPE_CHECKING:
    from crisisplay.render.result import RenderResult
    from crisisplay.tone.claims import Truth


def truth_for_result(result: RenderResult) -> Truth:
    """The facts and service statuses ``result`` was rendered from, as lint reads them."""
    from crisisplay.tone.claims import truth_from_values

    facts = {name: value for name, value in result.facts.items() if name != "services"}
    return truth_from_values(language(result.locale), result.services, facts)
