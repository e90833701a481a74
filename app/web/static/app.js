// On the Record: small enhancements; every page works without this file.
(function () {
  "use strict";
  // One click copies a quote's citation as plain text.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (!button) return;
    var text = button.getAttribute("data-copy");
    var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy citation"; }, 2000); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(button, text, done); });
    } else {
      fallback(button, text, done);
    }
  });
  function fallback(button, text, done) {
    var area = button.parentNode.querySelector("textarea");
    area.value = text;
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected to copy by hand */ }
  }
  // "/" jumps to the search box, as on most search sites.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) return;
    var box = document.getElementById("q");
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });
  // The citation box opens with the copy button focused.
  document.querySelectorAll("details.cite").forEach(function (details) {
    details.addEventListener("toggle", function () {
      if (details.open) details.querySelector("button.copy").focus();
    });
  });
  // On a source page, bring the highlighted quote into view.
  var target = document.querySelector(".source-text mark.target");
  if (target && !location.hash) target.scrollIntoView({ block: "center" });
})();
