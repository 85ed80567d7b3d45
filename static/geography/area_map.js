// Admin: the council areas beside the coverage checkboxes (data-code on each): ticked areas are
// highlighted, and a click on an area ticks or unticks it. Public pages draw their maps on the
// server as SVG (geography/locator_map.py) and need no script.
(function () {
  "use strict";

  var areas = window.councilAreaShapes;

  function styleFor(ticked) {
    return ticked
      ? { color: "#0065bd", weight: 2, fillColor: "#0065bd", fillOpacity: 0.5 }
      : areas.outline;
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
    areas.load(container.getAttribute("data-shapes-url"))
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
            layer.bindTooltip(areas.nameOf(feature), { sticky: true });
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
