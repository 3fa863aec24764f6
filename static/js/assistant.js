/* The assistant panel: opens from the header button; without JavaScript the button is a
   plain link to the assistant page. The panel waits in a <template> and joins the page when
   first opened, so nothing hidden is left for readers without CSS or without JavaScript.
   It is a modal <dialog>: the page behind is inert, so nothing can take focus under it
   (WCAG 2.4.11), and Escape closes it. The conversation stays in sessionStorage only; the
   last question goes with the next as `previous`, and the server keeps neither. */
(function () {
  "use strict";
  var toggle = document.getElementById("assistant-toggle");
  var template = document.getElementById("assistant-panel-template");
  if (!toggle || !template || !template.content || !window.fetch || !window.HTMLDialogElement) {
    return;
  }
  var panel, log, form, input, storageKey;
  toggle.setAttribute("aria-expanded", "false");

  function saved() {
    try { return JSON.parse(window.sessionStorage.getItem(storageKey)) || []; } catch (e) { return []; }
  }

  function save(entries) {
    try { window.sessionStorage.setItem(storageKey, JSON.stringify(entries)); } catch (e) { /* private mode */ }
  }

  function entryElement(entry) {
    var item = document.createElement("div");
    item.className = "assistant-entry";
    var question = document.createElement("p");
    question.className = "assistant-entry__question";
    question.textContent = entry.q;
    var answer = document.createElement("div");
    answer.className = "assistant-entry__answer";
    answer.innerHTML = entry.html; /* sanitized by the server */
    if (entry.links && entry.links.length) {
      var list = document.createElement("ol");
      entry.links.forEach(function (link) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = link.url;
        a.textContent = link.title;
        li.appendChild(a);
        list.appendChild(li);
      });
      answer.appendChild(list);
    }
    item.appendChild(question);
    item.appendChild(answer);
    return item;
  }

  function build() {
    template.parentNode.insertBefore(document.importNode(template.content, true), template.nextSibling);
    panel = document.getElementById("assistant-panel");
    log = document.getElementById("assistant-log");
    form = document.getElementById("assistant-form");
    input = document.getElementById("assistant-panel-q");
    storageKey = "assistant-conversation:" + panel.getAttribute("data-answer-url");
    toggle.setAttribute("aria-controls", panel.id);
    document.getElementById("assistant-close").addEventListener("click", function () {
      panel.close();
    });
    panel.addEventListener("close", closed);
    form.addEventListener("submit", ask);
  }

  function open() {
    if (!panel) { build(); }
    if (!log.hasChildNodes()) {
      saved().forEach(function (entry) { log.appendChild(entryElement(entry)); });
    }
    panel.showModal();
    toggle.setAttribute("aria-expanded", "true");
    input.focus();
  }

  function closed() {
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  }

  function ask(event) {
    var question = input.value.trim();
    event.preventDefault();
    if (!question) { input.focus(); return; }
    var url = panel.getAttribute("data-answer-url") + "?q=" + encodeURIComponent(question);
    var earlier = saved();
    /* A follow-up ("how much can I get?") is read after the question before it. */
    if (earlier.length) { url += "&previous=" + encodeURIComponent(earlier[earlier.length - 1].q); }
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var entry = { q: data.refused ? "…" : question, html: data.answer || "", links: data.links || [] };
        if (data.error) { var p = document.createElement("p"); p.textContent = data.error; entry.html = p.outerHTML; }
        log.appendChild(entryElement(entry));
        if (!data.refused && !data.error) { var entries = saved(); entries.push(entry); save(entries); }
        input.value = "";
        input.focus();
      })
      .catch(function () {
        var p = document.createElement("p");
        p.textContent = document.getElementById("assistant-unavailable").textContent;
        log.appendChild(p);
      });
  }

  toggle.addEventListener("click", function (event) {
    event.preventDefault();
    if (!panel || !panel.open) { open(); } else { panel.close(); }
  });
}());
