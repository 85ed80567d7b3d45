// Admin: draw every council area, highlight the ticked ones, toggle a checkbox by clicking its area.
(function () {
  "use strict";

  function checkboxesFor(container) {
    var byCode = {};
    var inputs = container.parentNode.querySelectorAll("input[type=checkbox][data-code]");
    Array.prototype.forEach.call(inputs, function (input) {
      byCode[input.getAttribute("data-code")] = input;
    });
    return byCode;
  }

  function styleFor(checked) {
    return checked
      ? { color: "#0065bd", weight: 2, fillColor: "#0065bd", fillOpacity: 0.45 }
      : { color: "#5e5e5e", weight: 1, fillColor: "#ffffff", fillOpacity: 0.2 };
  }

  function start(container) {
    var checkboxes = checkboxesFor(container);
    var map = L.map(container.querySelector(".coverage-map__map"), { attributionControl: false });
    fetch(container.getAttribute("data-shapes-url"))
      .then(function (response) { return response.json(); })
      .then(function (shapes) {
        var layers = {};
        var layer = L.geoJSON(shapes, {
          style: function (feature) {
            var input = checkboxes[feature.properties.code];
            return styleFor(input && input.checked);
          },
          onEachFeature: function (feature, featureLayer) {
            layers[feature.properties.code] = featureLayer;
            featureLayer.bindTooltip(feature.properties.name);
            featureLayer.on("click", function () {
              var input = checkboxes[feature.properties.code];
              if (input) {
                input.checked = !input.checked;
                input.dispatchEvent(new Event("change", { bubbles: true }));
              }
            });
          }
        }).addTo(map);
        map.fitBounds(layer.getBounds());
        Object.keys(checkboxes).forEach(function (code) {
          checkboxes[code].addEventListener("change", function () {
            if (layers[code]) { layers[code].setStyle(styleFor(checkboxes[code].checked)); }
          });
        });
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".coverage-map"), start);
  });
})();
