"""crisisplay: a crisis-communication playbook engine.

Library use::

    from crisisplay import load_playbook
    playbook = load_playbook("playbooks/it-outage/it-outage.ru.yaml")

Heavy modules load lazily so that ``crisisplay --help`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from crisisplay.playbook.build import load_playbook

__all__ = ["__version__", "load_playbook"]


def __getattr__(name: str) -> Any:
    if name == "load_playbook":
        from crisisplay.playbook.build import load_playbook

        return load_playbook
    raise AttributeError(name)
