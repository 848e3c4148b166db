/* Live coverage: keeps an open live page up to date without reloading.
 *
 * The page already shows every entry (no JavaScript needed); this polls the page's cached JSON
 * (<page>entries.json, the same markup as the page) and puts new, edited and removed entries in
 * place. The JSON's address is the same for every reader, so nginx and the page cache answer
 * nearly all polls; a publish purges it. Polling stops when the coverage ends. */
(function () {
  "use strict";
  var root = document.querySelector("[data-live-poll]");
  if (!root || !window.fetch || !window.JSON) return;
  var url = root.getAttribute("data-live-poll");
  var every = (parseInt(root.getAttribute("data-live-every"), 10) || 10) * 1000;
  var version = root.getAttribute("data-live-version");
  var list = root.querySelector(".live-entries");
  var pinnedSlot = root.querySelector(".live-pinned-slot");
  var status = root.querySelector(".live-status");
  var announce = root.querySelector(".live-announce");

  function item(entry) {
    var wrapper = document.createElement("div");
    wrapper.className = "live-item is-new";
    wrapper.setAttribute("data-entry", entry.id);
    wrapper.setAttribute("data-hash", entry.hash);
    wrapper.innerHTML = entry.html; // the site's own rendered markup (sanitised rich text)
    return wrapper;
  }

  function apply(data) {
    var existing = {};
    var nodes = list.querySelectorAll(".live-item");
    for (var i = 0; i < nodes.length; i++) existing[nodes[i].getAttribute("data-entry")] = nodes[i];
    var added = 0;
    var previous = null;
    for (var j = 0; j < data.entries.length; j++) {
      var entry = data.entries[j];
      var node = existing[entry.id];
      if (!node) {
        node = item(entry);
        added++;
      } else if (node.getAttribute("data-hash") !== entry.hash) {
        var edited = item(entry);
        edited.className = "live-item";
        list.replaceChild(edited, node);
        node = edited;
      }
      delete existing[entry.id];
      var wanted = previous ? previous.nextSibling : list.firstChild;
      if (node !== wanted) list.insertBefore(node, wanted);
      previous = node;
    }
    for (var gone in existing) {
      if (Object.prototype.hasOwnProperty.call(existing, gone)) list.removeChild(existing[gone]);
    }
    var empty = list.querySelector(".live-empty");
    if (empty && data.entries.length) list.removeChild(empty);
    pinnedSlot.innerHTML = data.pinned_html;
    status.innerHTML = data.status_html;
    if (added && announce) announce.textContent = root.getAttribute("data-live-added");
  }

  function poll() {
    // no-cache: the browser asks again each time (a 304 from nginx when nothing changed) instead
    // of reusing its own copy for the page's max-age.
    fetch(url, { cache: "no-cache", credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && data.version !== version) {
          version = data.version;
          apply(data);
        }
        if (!data || !data.ended) schedule();
      })
      .catch(schedule);
  }

  function schedule() {
    window.setTimeout(poll, every);
  }

  schedule();
})();
