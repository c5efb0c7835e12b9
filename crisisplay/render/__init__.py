"""Rendering: one set of facts, consistent messages for every channel.

Library use::

    from crisisplay import load_playbook
    from crisisplay.render import render_stage

    result = render_stage(load_playbook("playbook.yaml"), "first_notice",
                          facts={"incident": "…", "next_update_at": "14:00"})
    for message in result.messages:
        print(message.channel, message.figures, message.text)

Names load lazily: importing ``crisisplay.render.rules`` (for ``crisisplay rules``) does
not pull in Jinja2 or Babel.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crisisplay.render.renderer import Renderer, render_stage
    from crisisplay.render.result import Message, RenderResult

_EXPORTS = {
    "Renderer": "crisisplay.render.renderer",
    "render_stage": "crisisplay.render.renderer",
    "Message": "crisisplay.render.result",
    "RenderResult": "crisisplay.render.result",
}

__all__ = ["Message", "RenderResult", "Renderer", "render_stage"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(module), name)
