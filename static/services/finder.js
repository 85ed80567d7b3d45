// The finder, enhanced: answers update the list in place, "Use my location" and a tap on the
// map fill in the place, and the map is told about every new search. Without this file the form
// still works: it is POSTed and the page comes back with the list. Its words come from the page's
// JavaScript catalog (static/jsi18n/<language>/djangojs.js, loaded before it by base.html).
(function () {
  "use strict";

  var form = document.getElementById("finder-form");
  var results = document.getElementById("finder-results");
  if (!form || !results) { return; }

  var status = document.getElementById("finder-status");
  var suggestions = document.getElementById("place-suggestions");

  // Whoever presses Back or Forward may not be the person who answered. autocomplete="off" keeps
  // Chromium from filling the form in again from history; a browser that keeps the whole page
  // instead (the back/forward cache) gets it back empty, because it is emptied as it is left.
  function forgetAnswers() {
    Array.prototype.forEach.call(form.elements, function (control) {
      if (control.hasAttribute("data-not-an-answer") || !control.name) { return; }
      if (control.type === "radio") {
        // "Prefer not to say" (no value) is what an unanswered question shows.
        control.checked = control.defaultChecked = control.value === "";
      } else if (control.type === "checkbox") {
        control.checked = control.defaultChecked = false;
      } else if (control.options) {
        Array.prototype.forEach.call(control.options, function (option) {
          option.selected = option.defaultSelected = option.value === "";
        });
      } else {
        control.value = control.defaultValue = "";
      }
    });
    var errors = document.querySelectorAll(".ds_error-summary, .ds_question__error-message");
    Array.prototype.forEach.call(errors, function (error) { error.remove(); });
    results.textContent = "";
    if (status) { status.textContent = ""; }
    if (suggestions) { suggestions.textContent = ""; }
    document.dispatchEvent(new CustomEvent("finder:forget"));
  }

  window.addEventListener("pagehide", forgetAnswers);

  if (!window.fetch || !window.FormData) { return; }

  var lonField = form.querySelector("input[name=lon]");
  var latField = form.querySelector("input[name=lat]");
  var areaField = form.querySelector("select[name=area]");
  var placeField = form.querySelector("input[name=place]");
  var pending = null;

  // About 1 km: precise enough to find the council area, too coarse to find a home.
  function rounded(value) { return Math.round(value * 100) / 100; }

  function say(message) {
    if (status) { status.textContent = message; }
  }

  function clearPoint() {
    lonField.value = "";
    latField.value = "";
  }

  // What the map draws for the answer on the page (services/finder_map.py): it comes with the
  // list, so a question is searched once. "finder-map-start" is the map before any answer.
  function mapData(id) {
    var block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : null;
  }

  function search() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    // Translators: said while the finder's answer is on its way (screen readers read it too).
    say(gettext("Searching…"));
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Finder-Fragment": "results" },
      // Public searches send no cookie; a caseworker's page sends the sign-in it needs.
      credentials: form.getAttribute("data-credentials") || "omit",
      signal: pending.signal
    })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        results.innerHTML = html;
        var heading = results.querySelector("h2");
        say(heading ? heading.textContent.trim() : "");
        // Take the person to the answer, however they asked (the button, a tap on the map, their
        // location): on a phone it is screens below the question.
        // Its count and message open the screen, as they do without JavaScript.
        if (heading) {
          heading.focus({ preventScroll: true });
          heading.scrollIntoView({ block: "start" });
        }
        document.dispatchEvent(new CustomEvent("finder:search", { detail: mapData("finder-map-data") }));
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          // Translators: "Find support" is the finder's button; use the same words as its
          // translation.
          say(gettext("Something went wrong. Use the Find support button to try again."));
        }
      });
  }

  // A search still on its way when the page is left must not fill the list in afterwards.
  window.addEventListener("pagehide", function () {
    if (pending) { pending.abort(); }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // One of the places a typed name may mean, chosen under the answer: it becomes the place.
    var chosen = event.submitter;
    if (chosen && chosen.name === "place_choice" && placeField) {
      placeField.value = chosen.value;
      clearPoint();
      if (areaField) { areaField.value = ""; }
    }
    search();
  });

  form.addEventListener("change", function (event) {
    if (event.target === areaField || event.target === placeField) {
      clearPoint();
      if (event.target === areaField && placeField) { placeField.value = ""; }
    }
  });

  // The map (or anything else) can set the place: rounded, then searched.
  document.addEventListener("finder:point", function (event) {
    lonField.value = rounded(event.detail.lon);
    latField.value = rounded(event.detail.lat);
    if (placeField) { placeField.value = ""; }
    if (areaField && event.detail.area) { areaField.value = event.detail.area; }
    search();
  });

  var locate = document.getElementById("use-my-location");
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      say(gettext("Finding your location…"));
      navigator.geolocation.getCurrentPosition(
        function (position) {
          document.dispatchEvent(new CustomEvent("finder:point", {
            detail: { lon: position.coords.longitude, lat: position.coords.latitude }
          }));
        },
        function () {
          // Translators: the device would not or could not say where it is.
          say(gettext("Your location is not available. Choose your council area instead."));
        },
        { enableHighAccuracy: false, maximumAge: 600000, timeout: 15000 }
      );
    });
  }

  // Suggestions for a town or village: POSTed, so what is typed never enters a URL.
  var suggestUrl = form.getAttribute("data-suggest-url");
  var lastTyped = "";
  if (placeField && suggestions && suggestUrl) {
    placeField.addEventListener("input", function () {
      var typed = placeField.value.trim();
      if (typed.length < 2 || typed === lastTyped) { return; }
      lastTyped = typed;
      fetch(suggestUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ q: typed }),
        credentials: "omit"
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (typed !== lastTyped) { return; }
          suggestions.textContent = "";
          data.suggestions.forEach(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.label;
            suggestions.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are a convenience; typing still works */ });
    });
  }

  if (form.getAttribute("data-searched") === "true") {
    document.dispatchEvent(new CustomEvent("finder:search", { detail: mapData("finder-map-data") }));
  }
  // Back to a page the back/forward cache kept: its answers went as it was left, and the map
  // shows every service again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.dispatchEvent(new CustomEvent("finder:search", { detail: mapData("finder-map-start") }));
    }
  });
})();
