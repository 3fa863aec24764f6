// Small fixes that keep the admin working under our Content-Security-Policy.
"use strict";
(function () {
  // Tiptap injects its base CSS as an inline <style> without our CSP nonce, which the
  // browser refuses. It reuses an existing element with this attribute instead: give it an
  // empty one carrying this script's nonce. The same rules come from admin.css.
  const nonce = document.currentScript && document.currentScript.nonce;
  if (nonce && !document.querySelector("style[data-tiptap-style]")) {
    const placeholder = document.createElement("style");
    placeholder.nonce = nonce;
    placeholder.setAttribute("data-tiptap-style", "");
    document.head.append(placeholder);
  }

  const gettext = window.gettext || ((text) => text);
  const gettext_noop = window.gettext_noop || ((text) => text);

  // django-prose-editor's dialogs call gettext; its toolbar labels are fixed English, so they
  // are translated here. Both come from our djangojs catalogue (the editor-strings URL, loaded first).
  const EDITOR_STRINGS = [
    gettext_noop("paragraph"), gettext_noop("Heading 3"), gettext_noop("Heading 4"),
    gettext_noop("Paragraph"), gettext_noop("unordered list"), gettext_noop("ordered list"),
    gettext_noop("bold"), gettext_noop("italic"), gettext_noop("underline"),
    gettext_noop("insert link"), gettext_noop("remove link"), gettext_noop("Insert table"),
    gettext_noop("Add column"), gettext_noop("Delete column"), gettext_noop("Add row"),
    gettext_noop("Delete row"), gettext_noop("Merge cells"), gettext_noop("Split cell"),
    gettext_noop("Toggle header cell"), gettext_noop("Delete table"), gettext_noop("undo"),
    gettext_noop("redo"), gettext_noop("edit HTML"), gettext_noop("Toggle fullscreen"),
    gettext_noop("URL"), gettext_noop("Title"), gettext_noop("Edit Link"),
    gettext_noop("Open in new window"), gettext_noop("Insert Table"), gettext_noop("Rows"),
    gettext_noop("Columns"), gettext_noop("Include header row"), gettext_noop("Insert"),
    gettext_noop("Update"), gettext_noop("Cancel"), gettext_noop("Edit HTML"),
    gettext_noop("Prettify"), gettext_noop("List properties"), gettext_noop("List type"),
    gettext_noop("Start at"), gettext_noop("Decimal numbers"), gettext_noop("Lowercase letters"),
    gettext_noop("Uppercase letters"), gettext_noop("Lowercase Roman numerals"),
    gettext_noop("Uppercase Roman numerals"), gettext_noop("Table Properties"),
  ];

  function translateToolbar(root) {
    root.querySelectorAll(".prose-menubar__button[title]").forEach(function (button) {
      const label = gettext(button.title);
      button.title = label;
      if (button.hasAttribute("aria-label")) button.setAttribute("aria-label", label);
    });
    root.querySelectorAll(".prose-menubar__option").forEach(function (option) {
      option.textContent = gettext(option.textContent.trim());
    });
  }

  // The editable area of each rich-text editor gets its field's label, and the language of
  // the text in it, so screen readers announce and pronounce it right.
  const LANGUAGES = {
    en: ["en", gettext("English")],
    zh_hant: ["zh-Hant-HK", gettext("Traditional Chinese")],
  };
  document.addEventListener("prose-editor:ready", function (event) {
    const textarea = event.detail.textarea;
    const editable = event.detail.editor.view.dom;
    // The toolbar is drawn after the editor reports ready.
    const editor = textarea.closest(".prose-editor");
    if (editor && EDITOR_STRINGS.length) window.setTimeout(() => translateToolbar(editor), 0);
    const label = document.querySelector('label[for="' + textarea.id + '"]');
    const suffix = Object.keys(LANGUAGES).find((code) => textarea.id.endsWith("_" + code));
    const name = label ? label.textContent.replace(/[:：]\s*$/, "").trim() : textarea.name;
    editable.setAttribute("aria-label", suffix ? name + " (" + LANGUAGES[suffix][1] + ")" : name);
    editable.setAttribute("aria-multiline", "true");
    if (suffix) editable.setAttribute("lang", LANGUAGES[suffix][0]);
  });

  // modeltranslation's "switch every tab" menu has no label of its own.
  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(function () {
      const select = document.getElementById("modeltranslation-main-switch");
      const note = document.querySelector("[data-language-switch-label]");
      const label = note && note.dataset.languageSwitchLabel;
      if (select && label) select.setAttribute("aria-label", label);
    }, 0);
  });
})();
