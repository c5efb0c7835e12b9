"""The look crisisplay's HTML pages share: the preview and the checklist report.

:data:`BASE_CSS` is the common part (colours, type, tables, notes, states, print and
phone rules); it keeps every selector the checklist report uses, so that report can take
it as is (``REPORT_CSS``). :data:`PREVIEW_CSS` adds the channel cards drawn like their
media. Plain strings, no build step; importing this module costs nothing.

Colours meet WCAG AA (contrast at least 4.5:1) for text on every background they are
used with (:data:`CONTRAST_PAIRS`, checked by the tests); states are always spelled out
in text too, never shown by colour alone.
"""

from __future__ import annotations

#: (name, text colour, background) pairs the stylesheets use for text.
CONTRAST_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("body", "#1f2328", "#ffffff"),
    ("muted", "#57606a", "#ffffff"),
    ("muted on alt", "#57606a", "#f6f8fa"),
    ("accent", "#0550ae", "#ffffff"),
    ("bad", "#a40e26", "#ffffff"),
    ("bad badge", "#a40e26", "#ffebe9"),
    ("warn", "#7d4e00", "#ffffff"),
    ("warn badge", "#7d4e00", "#fff8c5"),
    ("good", "#116329", "#ffffff"),
    ("good badge", "#116329", "#dafbe1"),
    ("mark warning", "#1f2328", "#fff8c5"),
    ("mark error", "#1f2328", "#ffebe9"),
    ("mark info", "#1f2328", "#ddf4ff"),
    ("sms bubble", "#1f2328", "#e9e9eb"),
    ("telegram name, title", "#1d6fa5", "#ffffff"),
    ("telegram avatar", "#ffffff", "#1d6fa5"),
    ("whatsapp bar", "#ffffff", "#008069"),
    ("whatsapp avatar", "#3b4a54", "#dfe5e7"),
    ("whatsapp text", "#111b21", "#ffffff"),
    ("whatsapp time", "#5e6f79", "#ffffff"),
    ("vk name, avatar", "#2a5885", "#ffffff"),
    ("vk date", "#5e6a78", "#ffffff"),
    ("x handle", "#536471", "#ffffff"),
    ("x avatar", "#ffffff", "#0f1419"),
    ("push", "#1f2328", "#f2f2f7"),
    ("push app name", "#4f5660", "#f2f2f7"),
    ("lock screen", "#ffffff", "#2d3748"),
    ("ins", "#1f2328", "#dafbe1"),
    ("del", "#1f2328", "#ffebe9"),
)

BASE_CSS = """
:root { --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa;
        --bad: #a40e26; --bad-bg: #ffebe9; --warn: #7d4e00; --warn-bg: #fff8c5;
        --good: #116329; --good-bg: #dafbe1; --accent: #0550ae; --info-bg: #ddf4ff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: var(--fg); margin: 0; background: #fff; overflow-wrap: break-word; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
a { color: var(--accent); }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
code { font: .9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.vh { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
      overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip { position: absolute; left: .5rem; top: -3rem; background: #fff; color: var(--accent);
        padding: .5rem 1rem; border: 2px solid var(--accent); z-index: 10; }
.skip:focus { top: .5rem; }
.muted, .why { color: var(--muted); }
.why { font-size: .9rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.note { border-left: 4px solid var(--warn); background: var(--warn-bg);
        padding: .5rem 1rem; margin: 1rem 0; }
progress { width: 100%; max-width: 24rem; height: 1rem; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem;
         text-align: left; vertical-align: top; }
thead th { background: var(--bg-alt); }
tbody tr:nth-child(even) { background: #fbfcfd; }
.table-scroll { overflow-x: auto; max-width: 100%; position: relative; }
.state { font-weight: 600; white-space: nowrap; }
.state-done, .good { color: var(--good); }
.state-skipped { color: var(--muted); }
.state-blocked, .overdue { color: var(--warn); }
.overdue .state, .late { color: var(--bad); }
.badge { display: inline-block; font-size: .85rem; font-weight: 600; line-height: 1.3;
         padding: .1rem .5rem; border-radius: 1rem; border: 1px solid currentColor;
         white-space: nowrap; }
.badge-ok { color: var(--good); background: var(--good-bg); }
.badge-warning { color: var(--warn); background: var(--warn-bg); }
.badge-over, .badge-error { color: var(--bad); background: var(--bad-bg); }
footer.page-foot { max-width: 72rem; margin: 2rem auto 0; padding: 1rem 1.5rem;
                   border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem; }
  h1 { font-size: 1.35rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .4rem; }
}
@media print {
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  .skip, nav.toc { display: none; }
  h2, h3 { break-after: avoid; }
  table, tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

#: What the checklist report uses (``crisisplay.checklist.report_style`` imports it).
REPORT_CSS = BASE_CSS

PREVIEW_CSS = BASE_CSS + """
.page-head { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.5rem 0; }
nav.toc ul { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem .9rem;
             padding: 0; margin: .5rem 0 0; }
.summary { margin-bottom: 1.5rem; }
.example-banner { margin: 0 0 1.5rem; padding: .75rem 1rem; border: 2px solid #8a4b00; border-radius: .5rem;
  background: #fff4e0; color: #3d2200; }
.summary-bar { list-style: none; display: grid; gap: .75rem; padding: 0; margin: 0;
               grid-template-columns: repeat(auto-fit, minmax(min(100%, 9.5rem), 1fr)); }
.stat { border: 1px solid var(--line); border-left-width: 6px; border-radius: .4rem;
        padding: .5rem .9rem; background: #fff; }
.stat .n { font-size: 1.5rem; font-weight: 700; display: block; line-height: 1.2; }
.stat-detail { display: block; font-size: .875rem; }
.nowrap { white-space: nowrap; }
.stat-ok { border-left-color: var(--good); }
.stat-over, .stat-bad { border-left-color: var(--bad); }
.stat-warn { border-left-color: var(--warn); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 30rem), 1fr));
         gap: 1.25rem; align-items: start; }
.card { border: 1px solid var(--line); border-radius: .6rem; padding: 0 1rem 1rem;
        background: #fff; min-width: 0; }
.card.state-over, .card.state-error { border-color: var(--bad); border-width: 2px; }
.card.state-warning { border-color: #d4a72c; }
.card-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1rem;
             justify-content: space-between; }
.card-head h2 { border: 0; margin: 1rem 0 .25rem; }
.medium { margin: .5rem 0 1rem; }
.msg-text { white-space: pre-wrap; margin: 0; }
mark.finding { color: var(--fg); background: var(--warn-bg); border-bottom: 2px solid var(--warn);
               padding: 0 .05em; border-radius: .15em; }
mark.sev-error { background: var(--bad-bg); border-bottom: 2px solid var(--bad); }
mark.sev-info { background: var(--info-bg); border-bottom: 2px dashed var(--accent); }
a.ref { font-size: .75em; vertical-align: super; line-height: 0; text-decoration: none;
        font-weight: 700; padding: 0 .1em; }
a.ref::before { content: "["; } a.ref::after { content: "]"; }
.ref-more { font-size: .75em; vertical-align: super; line-height: 0; color: var(--accent); }
.part-label { font-size: .8rem; font-weight: 600; color: var(--muted); text-transform: uppercase;
              letter-spacing: .03em; margin: .75rem 0 .2rem; }
/* SMS: a phone with one incoming bubble */
.phone { max-width: 22rem; border: 1px solid var(--line); border-radius: 1.2rem;
         padding: .75rem; background: #fff; }
.phone-sender { text-align: center; font-weight: 600; margin: 0 0 .5rem; font-size: .9rem; }
.bubble { background: #e9e9eb; border-radius: 1.1rem 1.1rem 1.1rem .3rem; padding: .6rem .85rem;
          max-width: 92%; }
.counter { font-size: .85rem; color: var(--muted); margin: .5rem 0 0; }
/* e-mail: headers, then the body */
.mail { border: 1px solid var(--line); border-radius: .4rem; overflow: hidden; }
.inbox-row { background: var(--bg-alt); padding: .4rem .75rem; border-bottom: 1px solid var(--line);
             font-size: .9rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
             color: var(--muted); }
.inbox-from { color: var(--fg); font-weight: 700; margin-right: .4rem; }
.mail-head { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem;
             margin: 0; padding: .6rem .75rem; border-bottom: 1px solid var(--line); }
.mail-head dt { color: var(--muted); font-size: .9rem; }
.mail-head dd { margin: 0; }
.mail-subject { font-weight: 700; }
.mail-pre { color: var(--muted); }
.mail-body { padding: .75rem; }
/* messengers and social posts: each network drawn like itself */
.post { border: 1px solid var(--line); border-radius: .8rem; padding: .75rem; background: #fff; }
.post-head { display: flex; align-items: center; gap: .6rem; margin-bottom: .5rem; }
.post-who { min-width: 0; }
.avatar { width: 2.2rem; height: 2.2rem; border-radius: 50%; background: var(--accent); color: #fff;
          display: inline-flex; align-items: center; justify-content: center; font-weight: 700;
          flex: none; }
.post-author { font-weight: 700; }
.post-title { font-weight: 700; margin: 0 0 .3rem; }
.post-footer { color: var(--muted); font-size: .9rem; margin: .4rem 0 0; }
.post-time { text-align: right; font-size: .75rem; margin: .15rem 0 0; color: #57606a; }
/* Telegram: the channel's bar, a white post bubble on the green chat wallpaper */
.post-telegram { padding: 0; overflow: hidden; background: #cddfb9; border-color: #b7cc9f; }
.post-telegram .post-head { background: #fff; margin: 0; padding: .5rem .75rem;
                            border-bottom: 1px solid #d8dee4; }
.post-telegram .avatar { background: #1d6fa5; }
.post-telegram .post-body { background: #fff; margin: .75rem 2.5rem .75rem .75rem; padding: .5rem .75rem;
                            border-radius: .9rem .9rem .9rem .2rem; box-shadow: 0 1px 1px rgba(0,0,0,.12); }
.post-telegram .post-title { color: #1d6fa5; }
/* WhatsApp: the green business-chat bar, a white bubble on the beige wallpaper */
.post-whatsapp { padding: 0; overflow: hidden; background: #efeae2; border-color: #d1cbc1; }
.post-whatsapp .post-head { background: #008069; color: #fff; margin: 0; padding: .5rem .75rem; }
.post-whatsapp .avatar { background: #dfe5e7; color: #3b4a54; }
.post-whatsapp .post-body { background: #fff; color: #111b21; margin: .75rem 2.5rem .75rem .75rem;
                            padding: .4rem .6rem; border-radius: 0 .5rem .5rem .5rem;
                            box-shadow: 0 1px .5px rgba(11,20,26,.13); }
.post-whatsapp .post-time { color: #5e6f79; }
/* VK: a wall post, a white card on the grey feed */
.post-vk { background: #edeef0; border: 0; border-radius: .5rem; padding: .6rem; }
.post-vk .post-head { background: #fff; margin: 0; padding: .75rem .75rem .4rem; border-radius: .75rem .75rem 0 0; }
.post-vk .post-body { background: #fff; padding: .3rem .75rem .9rem; border-radius: 0 0 .75rem .75rem; }
.post-vk .avatar { background: #2a5885; }
.post-vk .post-author { color: #2a5885; display: block; line-height: 1.3; }
.post-vk .post-meta { display: block; color: #5e6a78; font-size: .8rem; }
/* X: a flat black-on-white post, name and time on one line */
.post-x { border-radius: 0; border-color: #cfd9de; }
.post-x .avatar { background: #0f1419; }
.post-x .post-author { color: #0f1419; }
.post-x .post-meta { color: #536471; margin-left: .3rem; }
.post-x .post-body { padding-left: 2.8rem; font-size: .95rem; }
/* push notification on a lock screen */
.lock { background: #2d3748; color: #fff; border-radius: 1.2rem; padding: 1rem .75rem;
        max-width: 24rem; }
.lock-time { text-align: center; font-size: 1.6rem; font-weight: 300; margin: 0 0 .75rem; }
.notif { background: #f2f2f7; color: var(--fg); border-radius: .9rem; padding: .6rem .8rem; }
.notif-app { font-size: .8rem; color: #4f5660; margin: 0 0 .15rem; text-transform: uppercase; }
.notif-title { font-weight: 700; margin: 0; }
/* website banner inside a browser frame: the banner is website_banner.html's own snippet */
.browser { border: 1px solid var(--line); border-radius: .5rem; overflow: hidden; }
.browser-bar { background: var(--bg-alt); padding: .3rem .6rem; font-size: .8rem; color: var(--muted);
               border-bottom: 1px solid var(--line); }
.site-ghost { height: 3.5rem; margin: .75rem; border-radius: .3rem;
              background: repeating-linear-gradient(#f6f8fa 0 .8rem, #fff .8rem 1.2rem); }
/* status page update */
.status-update { border-left: 4px solid var(--warn); padding: .25rem .9rem; }
.status-title { font-weight: 700; font-size: 1.1rem; margin: 0; }
.status-label { font-weight: 600; color: var(--warn); margin: .1rem 0 .5rem; }
/* contact centre and voice scripts */
.script-part { border-left: 3px solid var(--line); padding-left: .8rem; margin: 0 0 .75rem; }
.script-part h3 { margin: .25rem 0; font-size: .95rem; }
.voice { border: 1px dashed var(--line); border-radius: .5rem; padding: .75rem; }
.voice-meta { font-size: .85rem; color: var(--muted); margin: 0 0 .4rem; }
/* figures and findings */
table.figures { margin: .25rem 0 .5rem; }
table.figures td, table.figures th { font-size: .9rem; }
table.figures .state { white-space: normal; }
.said { display: block; }
.bar { display: inline-block; width: 4rem; height: .55rem; border: 1px solid var(--muted);
       border-radius: .3rem; vertical-align: middle; margin-right: .4rem; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--good); }
.fig-over .bar > span { background: var(--bad); }
.fig-over .state { color: var(--bad); }
.fig-ok .state { color: var(--good); }
ol.findings-list { padding-left: 2.2rem; margin: .25rem 0; }
.findings-list li { margin: 0 0 .6rem; }
.findings-list li:target { outline: 3px solid var(--accent); outline-offset: 2px; }
.findings-list p { margin: 0; }
.sev { font-weight: 700; text-transform: uppercase; font-size: .8rem; }
.sev-error .sev { color: var(--bad); }
.sev-warning .sev { color: var(--warn); }
.sev-info .sev { color: var(--accent); }
.cat-help, .fix { font-size: .9rem; }
/* fact table */
.fact-table th[scope=col] { min-width: 10rem; }
.fact-value { font-weight: 400; color: var(--muted); font-size: .9rem; }
.flag { display: block; color: var(--bad); font-size: .85rem; }
td.cell-differs, td.cell-missing { background: var(--bad-bg); }
td.cell-absent, td.cell-unrendered { color: var(--muted); }
.cell-state { display: block; font-size: .8rem; font-weight: 600; }
.cell-differs .cell-state, .cell-missing .cell-state { color: var(--bad); }
.cell-stated .cell-state { color: var(--good); }
/* diff */
ins, del { text-decoration: none; border-radius: .15em; padding: 0 .05em; }
ins { background: var(--good-bg); border-bottom: 2px solid var(--good); }
del { background: var(--bad-bg); text-decoration: line-through; }
.diff-channel { border-top: 1px solid var(--line); }
@media (max-width: 40rem) {
  .page-head { padding: 1rem .75rem 0; }
  .card { padding: 0 .75rem .75rem; }
  .stat { padding: .4rem .6rem; }
  .mail-head { grid-template-columns: 1fr; }
  table.figures td, table.figures th { font-size: .85rem; padding: .3rem .35rem; }
  table.figures .bar { display: block; width: 3.5rem; margin: .2rem 0 .25rem; }
  .post-telegram .post-body, .post-whatsapp .post-body { margin-right: 1rem; }
  .post-x .post-body { padding-left: 0; }
}
@media print {
  body { font-size: 11pt; }
  .cards { display: block; }
  .card { break-inside: avoid; margin-bottom: 1rem; border-width: 1px; }
  .table-scroll { overflow: visible; }
  .lock { background: #fff; color: var(--fg); border: 1px solid var(--line); }
  a.ref::after { content: "]"; }
}
"""
