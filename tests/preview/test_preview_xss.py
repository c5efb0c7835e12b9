"""Hostile facts show as text: the page's structure cannot be changed by what people type."""

from __future__ import annotations

import pytest
from preview_helpers import BUNDLE, HOSTILE, parse_html

from crisisplay.preview.api import PreviewResult, preview_bundle
from crisisplay.preview.bundle import bundle_from_dict
from crisisplay.render.channels.website_banner import BANNER_CSS


def test_hostile_facts_render_as_text(hostile_page: PreviewResult) -> None:
    html = hostile_page.html
    root, problems = parse_html(html)
    assert problems == []
    assert root.find_all("script") == []
    assert root.find_all("img") == []
    assert [b for b in root.find_all("b")] == []
    # the page's stylesheet, and the website banner's own (the published snippet's) only
    styles = root.find_all("style")
    assert len(styles) == 2 and styles[1].text == BANNER_CSS
    for node in root.find_all():
        assert not any(name.startswith("on") for name in node.attrs)
    assert "&lt;script&gt;alert(&#34;company&#34;)&lt;/script&gt;" in html \
        or "&lt;script&gt;alert(&quot;company&quot;)&lt;/script&gt;" in html
    # the text a reviewer reads is exactly what was typed
    sms = root.find("article", id="channel-sms").find("div", class_="bubble").text
    assert HOSTILE["company"] in sms
    assert HOSTILE["incident"].split(" </style>")[0] in sms
    titles = [m.attrs.get("title") or "" for m in root.find_all("mark")]
    assert all("<" not in t or "&" not in t for t in titles) or titles == []


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>",
    "</textarea><svg onload=alert(1)>",
    "\"'><iframe src=javascript:alert(1)>",
    "{{ 7*7 }}{% raw %}",
])
def test_hostile_bundle_text_and_findings(payload: str) -> None:
    data = dict(BUNDLE)
    data["messages"] = [dict(m) for m in BUNDLE["messages"]]
    data["messages"][0] = dict(data["messages"][0], text=payload, parts={"body": payload})
    data["playbook"] = dict(BUNDLE["playbook"], title=payload)
    data["facts"] = dict(BUNDLE["facts"], company=payload)
    data["diagnostics"] = [dict(BUNDLE["diagnostics"][0], message=f"sms: {payload}", span=payload,
                                fix=payload)]
    result = preview_bundle(bundle_from_dict(data), mandatory={"sms": ("company",)})
    root, problems = parse_html(result.html)
    assert problems == []
    for tag in ("script", "svg", "iframe", "textarea"):
        assert root.find_all(tag) == []
    assert payload in root.find("h1").text
    mark = root.find("mark")
    assert mark.text == payload
    assert payload in (mark.attrs.get("title") or "")
    assert "49" not in root.find("article", id="channel-sms").text
