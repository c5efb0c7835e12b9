"""``crisisplay preview``: one self-contained HTML page to review an announcement.

Every channel's message drawn like its medium, with its figures against their limits,
lint findings marked on the exact words, a side-by-side table of the mandatory facts and,
with a previous bundle, what changed. See docs/preview.md.

Library use::

    from crisisplay.preview.api import preview_playbook, write_preview

    result = preview_playbook("playbook.yaml", stage="update", set_options=["next_update_at=15:00"])
    write_preview(result.html, "preview.html")

The shared stylesheet (also used by ``checklist report --format html``) is in
:mod:`crisisplay.preview.style`; importing it loads nothing else.
"""
