// The quick exit: the "Leave this site" button, the Esc key, or Shift pressed three times in a row.
// Each blanks the page at once (the next page may be slow to arrive) and replaces it with /leave,
// which clears this site's data and redirects to a neutral site. location.replace() overwrites
// this page's history entry, so Back does not return to it. Without JavaScript the button is a
// plain link to /leave.
(function () {
  "use strict";

  var SHIFT_PRESSES_TO_LEAVE = 3;
  // As in GOV.UK's "Exit this page": a press counts if it comes within 5 seconds of the last one.
  var SHIFT_PRESS_WINDOW_MS = 5000;
  // Numbers as the page's language writes them, in the digits the rest of the page uses.
  var numbers = new Intl.NumberFormat(document.documentElement.lang, { numberingSystem: "latn" });

  var container = document.querySelector("[data-quick-exit]");
  if (!container) {
    return;
  }
  var link = container.querySelector("a");
  var status = container.querySelector("[role=status]");
  var shiftPresses = 0;
  var shiftTimer = null;
  // Shift held to type a capital letter is not a press: the letter's keyup comes first with
  // shiftKey set, and the Shift keyup after it is ignored.
  var lastKeyWasModified = false;

  function leave(event) {
    var destination = link.href;
    event.preventDefault();
    document.title = ".";
    document.body.textContent = "";
    window.location.replace(destination);
  }

  function forgetShiftPresses() {
    window.clearTimeout(shiftTimer);
    shiftPresses = 0;
    status.textContent = "";
  }

  function countShiftPress(event) {
    shiftPresses += 1;
    if (shiftPresses >= SHIFT_PRESSES_TO_LEAVE) {
      leave(event);
      return;
    }
    var left = SHIFT_PRESSES_TO_LEAVE - shiftPresses;
    // Translators: said after Shift is pressed once or twice; pressed three times in a row, it
    // leaves the site, as the quick exit button ("Leave this site") does.
    var message = ngettext("Shift: press %(count)s more time to leave this site.",
      "Shift: press %(count)s more times to leave this site.", left);
    status.textContent = interpolate(message, { count: numbers.format(left) }, true);
    window.clearTimeout(shiftTimer);
    shiftTimer = window.setTimeout(forgetShiftPresses, SHIFT_PRESS_WINDOW_MS);
  }

  // The design system shows the "(Or press Esc)" hint only where this class says a script runs.
  document.documentElement.classList.add("js-enabled");
  link.addEventListener("click", leave);
  document.addEventListener("keyup", function (event) {
    if (event.key === "Escape") {
      leave(event);
    } else if (event.key === "Shift" && !lastKeyWasModified) {
      countShiftPress(event);
    } else if (shiftPresses > 0) {
      forgetShiftPresses();
    }
    lastKeyWasModified = event.shiftKey;
  });
})();
