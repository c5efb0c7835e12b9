"""Output lines: exactly ``json.dumps(record, ensure_ascii=False, separators=(", ", ": "))``, cheaper.

(Escaping the fixed pieces of a folded e-mail once and joining them was measured too: the
per-piece bookkeeping in Python cost more than the C escaper spends on the whole text.)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring as _encode_str  # the C escaper (ensure_ascii=False)
from typing import Any


def _no_default(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON")


def record_encoder() -> Callable[[dict[str, Any]], str]:
    """``json.dumps(record, ensure_ascii=False, separators=(", ", ": "))`` minus its per-call setup.

    ``JSONEncoder.encode`` builds a new C encoder for every record; one built here, without
    the circular-reference bookkeeping a flat record does not need, writes the same bytes.
    """
    from json import encoder

    factory: Any = getattr(encoder, "c_make_encoder", None)  # the C accelerator (not in the stubs)
    if factory is None:  # pragma: no cover - CPython always has it
        return json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    make = factory(None, _no_default, _encode_str, None, ": ", ", ", False, False, True)
    return lambda record: "".join(make(record, 0))
