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

  // The editable area of each rich-text editor gets its field's label, and the language of
  // the text in it, so screen readers announce and pronounce it right.
  const LANGUAGES = { en: ["en", "English"], zh_hant: ["zh-Hant-HK", "Traditional Chinese"] };
  document.addEventListener("prose-editor:ready", function (event) {
    const textarea = event.detail.textarea;
    const editable = event.detail.editor.view.dom;
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
