// A map of council areas. On public pages it highlights where a service works or where an area
// is (data-highlight), or shades every area by a number (data-values, e.g. the coverage gap:
// none is a dashed outline as well as a colour); in admin (data-editable, beside checkboxes with
// data-code) it shows the ticked areas and a click ticks or unticks one. Leaflet loads only when
// needed.
(function () {
  "use strict";

  function loadLeaflet(container) {
    if (window.L) { return Promise.resolve(); }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = container.getAttribute("data-leaflet-css");
    document.head.appendChild(link);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = container.getAttribute("data-leaflet-js");
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function styleFor(highlighted) {
    return highlighted
      ? { color: "#0065bd", weight: 2, fillColor: "#0065bd", fillOpacity: 0.5 }
      : { color: "#7a8591", weight: 1, fillColor: "#f0f4f8", fillOpacity: 0.6 };
  }

  // Matches the legend on the statistics page: none, 1, 2 or 3, 4 or more.
  function styleForValue(value) {
    if (!value) {
      return { color: "#a4001a", weight: 2, dashArray: "5 4", fillColor: "#ffffff", fillOpacity: 0.9 };
    }
    var fill = value >= 4 ? "#0b4d8c" : (value >= 2 ? "#5a95cc" : "#c9dcef");
    return { color: "#4a4a4a", weight: 1, fillColor: fill, fillOpacity: 0.85 };
  }

  function checkboxes(container) {
    var byCode = {};
    var scope = container.parentNode;
    Array.prototype.forEach.call(scope.querySelectorAll("input[type=checkbox][data-code]"), function (input) {
      byCode[input.getAttribute("data-code")] = input;
    });
    return byCode;
  }

  function start(container) {
    var editable = container.hasAttribute("data-editable");
    var boxes = editable ? checkboxes(container) : {};
    var fixed = (container.getAttribute("data-highlight") || "").split(",").filter(Boolean);
    var values = container.hasAttribute("data-values")
      ? JSON.parse(container.getAttribute("data-values")) : null;
    function isHighlighted(code) {
      return editable ? Boolean(boxes[code] && boxes[code].checked) : fixed.indexOf(code) !== -1;
    }
    Promise.all([
      loadLeaflet(container),
      fetch(container.getAttribute("data-shapes-url")).then(function (response) { return response.json(); })
    ]).then(function (loaded) {
      container.hidden = false;
      var map = L.map(container, { attributionControl: false, minZoom: 5, maxZoom: 12 });
      var layers = {};
      var chosen = [];
      var all = L.geoJSON(loaded[1], {
        style: function (feature) {
          var code = feature.properties.code;
          return values ? styleForValue(values[code]) : styleFor(isHighlighted(code));
        },
        onEachFeature: function (feature, layer) {
          var code = feature.properties.code;
          layers[code] = layer;
          if (isHighlighted(code)) { chosen.push(layer); }
          var label = feature.properties.name;
          if (values) { label += ": " + (values[code] || "no") + " face-to-face service" + (values[code] === 1 ? "" : "s"); }
          layer.bindTooltip(label, { sticky: true });
          if (editable && boxes[code]) {
            layer.on("click", function () {
              boxes[code].checked = !boxes[code].checked;
              boxes[code].dispatchEvent(new Event("change", { bubbles: true }));
            });
            boxes[code].addEventListener("change", function () {
              layer.setStyle(styleFor(boxes[code].checked));
            });
          }
        }
      }).addTo(map);
      map.fitBounds(chosen.length && !editable ? L.featureGroup(chosen).getBounds() : all.getBounds(),
        { maxZoom: 9 });
      container.setAttribute("data-ready", "true");
    });
  }

  function startAll() {
    if (!window.fetch || !window.Promise) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".area-map"), start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
