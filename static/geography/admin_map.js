// Admin: every map field (geography/widgets.py), drawn over the council areas and started here
// rather than by django-leaflet's inline scripts, so that inline rows added with "Add another" get
// a working map too. A map with data-place-from also places its point from a postcode or place
// name typed into that field of the same form, looked up on our own server.
(function () {
  "use strict";

  var areas = window.councilAreaShapes;
  // Close enough to see a point's council area and its neighbours: at the street level a point's
  // own fit would choose, the outlines alone show nothing.
  var POINT_ZOOM = 11;

  function drawAreas(map, widget, overTiles) {
    // Under the field's own shapes (overlay pane, 400) and markers: a council area's boundary
    // being edited must stay on top of the areas drawn for orientation. Over a tile server's map
    // (MAP_TILE_URL) only the outlines are drawn, so as not to hide it.
    map.createPane("areas").style.zIndex = 250;
    areas.load(widget.getAttribute("data-shapes-url")).then(function (shapes) {
      L.geoJSON(shapes, {
        pane: "areas",
        style: overTiles ? L.Util.extend({}, areas.outline, { fillOpacity: 0 }) : areas.outline,
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(areas.nameOf(feature), { sticky: true });
        }
      }).addTo(map);
      widget.setAttribute("data-areas-drawn", "true");
    });
  }

  function placeFrom(widget, map, field) {
    var form = widget.closest("form");
    var row = widget.closest(".inline-related") || form;
    var fieldName = widget.getAttribute("data-place-from");
    var input = row.querySelector('[name="' + fieldName + '"], [name$="-' + fieldName + '"]');
    var button = widget.querySelector(".admin-map__place-button");
    var message = widget.querySelector(".admin-map__place-message");
    var choices = widget.querySelector(".admin-map__choices");
    if (!input) { return; }

    function say(text) { message.textContent = text; }

    function offer(labels) {
      choices.replaceChildren();
      labels.forEach(function (label) {
        var item = document.createElement("li");
        var choice = document.createElement("button");
        choice.type = "button";
        choice.className = "button";
        choice.textContent = label;
        choice.addEventListener("click", function () { locate(label); });
        item.appendChild(choice);
        choices.appendChild(item);
      });
      choices.hidden = labels.length === 0;
    }

    function place(point) {
      var latlng = L.latLng(point.coordinates[1], point.coordinates[0]);
      // As if drawn with the marker tool: the old marker goes and the field keeps the new one.
      field.onCreated({ layer: L.marker(latlng) });
      map.setView(latlng, Math.max(map.getZoom(), POINT_ZOOM));
    }

    function locate(text) {
      say("Looking it up…");
      offer([]);
      fetch(widget.getAttribute("data-locate-url"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value },
        body: new URLSearchParams({ text: text })
      })
        .then(function (response) {
          return response.json().then(function (answer) {
            if (!response.ok) {
              say(answer.message);
              offer(answer.choices || []);
              return;
            }
            place(answer.point);
            say(answer.message + (answer.council_area ? " In " + answer.council_area + "." : ""));
          });
        })
        .catch(function () {
          say("The lookup did not answer. Reload the page, or draw the marker on the map.");
        });
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      var text = input.value.trim();
      if (!text) {
        say("Type the " + fieldName + " first.");
        input.focus();
        return;
      }
      locate(text);
    });
  }

  function useMarkerImages(widget) {
    // An empty imagePath stops Leaflet guessing a folder from its CSS (see geography/widgets.py).
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({
      iconUrl: widget.getAttribute("data-marker-icon"),
      iconRetinaUrl: widget.getAttribute("data-marker-icon-retina"),
      shadowUrl: widget.getAttribute("data-marker-shadow")
    });
  }

  function start(widget) {
    // The inline formset's hidden template row is only ever cloned, never used.
    if (widget.closest(".empty-form")) { return; }
    useMarkerImages(widget);
    var textarea = widget.querySelector("textarea");
    var djoptions = JSON.parse(widget.getAttribute("data-map-options"));
    L.Map.djangoMap(widget.querySelector(".admin-map__canvas").id, {
      djoptions: djoptions,
      globals: false,
      callback: function (map) {
        drawAreas(map, widget, djoptions.layers.length > 0);
        // Read by L.GeometryField as the closest zoom when it fits the map to the field's shape.
        map.maxZoom = POINT_ZOOM;
        var field = new L.GeometryField({
          fieldid: textarea.id,
          modifiable: widget.getAttribute("data-modifiable") === "true",
          geom_type: widget.getAttribute("data-geometry-type"),
          srid: 4326,
          field_store_class: L.FieldStore,
          precision: djoptions.precision
        });
        field.addTo(map);
        if (widget.hasAttribute("data-place-from")) { placeFrom(widget, map, field); }
      }
    });
  }

  function startAll(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".admin-map"), start);
  }

  document.addEventListener("DOMContentLoaded", function () { startAll(document); });
  // Django's inlines.js announces each row it adds with "Add another", ids already renumbered.
  document.addEventListener("formset:added", function (event) { startAll(event.target); });
})();
