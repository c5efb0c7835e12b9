"""``--out DIR``: each channel's native file plus ``bundle.json``, written atomically.

Every file goes through :func:`crisisplay.fsutil.write_bytes_atomic` (temporary file,
fsync, rename), and ``bundle.json`` is written last: a reader that finds the bundle
finds every file it lists complete, never half a message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crisisplay.fsutil import write_bytes_atomic
from crisisplay.render.result import RenderResult

BUNDLE_NAME = "bundle.json"


def bundle_json(result: RenderResult, extra_diagnostics: list[Any] | None = None) -> str:
    data = result.to_bundle()
    if extra_diagnostics:
        data["diagnostics"].extend(diag.to_dict() for diag in extra_diagnostics)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_bundle(result: RenderResult, directory: str | Path, extra_diagnostics: list[Any] | None = None) -> list[Path]:
    """Write the messages' native files and ``bundle.json``; return the paths written."""
    target = Path(directory)
    written: list[Path] = []
    for message in result.messages:
        if not message.ok and not message.native:
            continue
        path = target / message.file
        write_bytes_atomic(path, message.native_bytes)
        written.append(path)
    bundle = target / BUNDLE_NAME
    write_bytes_atomic(bundle, bundle_json(result, extra_diagnostics).encode("utf-8"))
    written.append(bundle)
    return written
