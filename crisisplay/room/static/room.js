// crisisplay crisis room: live updates. The page works without this script (plain forms);
// with it, the page polls the run's last event number and, when someone else changed
// something, swaps in the fresh page — unless you are typing in a form, then it waits.
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main || !main.dataset.live) { return; }
  var url = main.dataset.live;
  var seq = main.dataset.seq;
  var every = parseInt(main.dataset.poll || "1000", 10);
  var busy = false;
  var flag = main.querySelector(".live-flag");
  if (flag) { flag.hidden = false; }

  function typing() {
    var el = document.activeElement;
    if (!el || !main.contains(el)) { return false; }
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  function openDetails() {
    var open = [];
    main.querySelectorAll("details[open]").forEach(function (d) {
      if (d.querySelector("summary")) { open.push(d.className + "|" + d.querySelector("summary").textContent); }
    });
    return open;
  }

  function refresh() {
    var keep = openDetails();
    fetch(window.location.pathname, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("main");
        if (!fresh || typing()) { return; }
        main.innerHTML = fresh.innerHTML;
        main.dataset.seq = fresh.dataset.seq;
        seq = fresh.dataset.seq;
        main.querySelectorAll("details").forEach(function (d) {
          var s = d.querySelector("summary");
          if (s && keep.indexOf(d.className + "|" + s.textContent) >= 0) { d.open = true; }
        });
        var f = main.querySelector(".live-flag");
        if (f) { f.hidden = false; }
      })
      .catch(function () {});
  }

  function poll() {
    if (busy || document.hidden) { return; }
    busy = true;
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && String(data.seq) !== String(seq) && !typing()) { refresh(); }
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }

  window.setInterval(poll, every);
  document.addEventListener("visibilitychange", poll);
})();
