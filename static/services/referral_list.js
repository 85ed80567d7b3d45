// The referral list's Print and Copy buttons (without JavaScript the browser's own print works).
(function () {
  "use strict";

  var list = document.getElementById("referral-list");
  var printButton = document.getElementById("print-list");
  var copyButton = document.getElementById("copy-list");
  var status = document.getElementById("copy-status");
  if (!list) { return; }

  printButton.hidden = false;
  printButton.addEventListener("click", function () { window.print(); });

  if (navigator.clipboard && window.isSecureContext) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      navigator.clipboard.writeText(list.innerText.trim()).then(
        function () { status.textContent = gettext("The list was copied."); },
        function () {
          // Translators: the browser refused to copy the referral list to the clipboard.
          status.textContent = gettext("The list could not be copied: select it and copy it.");
        }
      );
    });
  }
})();
