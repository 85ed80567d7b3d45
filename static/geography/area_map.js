// Admin: the council areas beside the coverage checkboxes (data-code on each): ticked areas are
// highlighted, and a click on an area ticks or unticks it. Public pages draw their maps on the
// server as SVG (geography/locator_map.py) and need no script.
(function () {
  "use strict";

  function styleFor(ticked) {
    return ticked
      ? { color: "#0065bd", weight: 2, fillColor: "#0065bd", fillOpacity: 0.5 }
      : { color: "#7a8591", weight: 1, fillColor: "#f0f4f8", fillOpacity: 0.6 };
  }

  // Area names come from imported boundary files: Leaflet puts a string into a tooltip as HTML,
  // so each goes in as a text node, which is only ever text.
  function asText(text) {
    return function () { return document.createTextNode(text); };
  }

  function checkboxes(container) {
    var byCode = {};
    var inputs = container.parentNode.querySelectorAll("input[type=checkbox][data-code]");
    Array.prototype.forEach.call(inputs, function (input) {
      byCode[input.getAttribute("data-code")] = input;
    });
    return byCode;
  }

  function start(container) {
    var boxes = checkboxes(container);
    fetch(container.getAttribute("data-shapes-url"))
      .then(function (response) { return response.json(); })
      .then(function (shapes) {
        container.hidden = false;
        var map = L.map(container, { attributionControl: false, minZoom: 5, maxZoom: 12 });
        var all = L.geoJSON(shapes, {
          style: function (feature) {
            var box = boxes[feature.properties.code];
            return styleFor(Boolean(box && box.checked));
          },
          onEachFeature: function (feature, layer) {
            var box = boxes[feature.properties.code];
            layer.bindTooltip(asText(feature.properties.name), { sticky: true });
            if (!box) { return; }
            layer.on("click", function () {
              box.checked = !box.checked;
              box.dispatchEvent(new Event("change", { bubbles: true }));
            });
            box.addEventListener("change", function () { layer.setStyle(styleFor(box.checked)); });
          }
        }).addTo(map);
        map.fitBounds(all.getBounds());
        container.setAttribute("data-ready", "true");
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".area-map"), start);
  });
})();
