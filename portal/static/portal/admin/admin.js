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

  // modeltranslation's "switch every tab" menu has no label of its own.
  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(function () {
      const select = document.getElementById("modeltranslation-main-switch");
      const label = document.documentElement.dataset.languageSwitchLabel;
      if (select && label) select.setAttribute("aria-label", label);
    }, 0);
  });
})();
