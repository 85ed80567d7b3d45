// The finder's map: council areas shaded by how many of the person's possible services reach
// them, their chosen area outlined, bases with an address as markers; a tap on an area searches
// there, and choosing a result highlights where it works and, when we know only the council area
// it is based in, that area (never a pin, which would look like an address). Leaflet and the shapes load only after the form
// and list are usable, so a slow phone can start answering at once.
(function () {
  "use strict";

  var container = document.getElementById("finder-map");
  if (!container || !window.fetch || !window.Promise) { return; }

  var shades = ["#f0f4f8", "#c9dcef", "#94bbe0", "#5a95cc", "#2b6eb0", "#0b4d8c"];
  var map, areas, markers, legend;
  var byCode = {};
  var resultsBySlug = {};
  var counts = {};
  var chosenArea = null;
  var highlighted = [];
  var selected = null;
  var language = document.documentElement.lang;
  // Numbers as the page's language writes them, in the digits the rest of the page uses.
  var numbers = new Intl.NumberFormat(language, { numberingSystem: "latn" });

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function loadStyle(href) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = resolve;
      link.onerror = reject;
      document.head.appendChild(link);
    });
  }

  // Names come from people who edit the data and from imported files: Leaflet puts a string into
  // a tooltip as HTML, so each goes in as a text node, which is only ever text.
  function asText(text) {
    return function () { return document.createTextNode(text); };
  }

  function shadeFor(count) {
    return shades[Math.min(count || 0, shades.length - 1)];
  }

  function isBasedIn(code) {
    return selected !== null && selected.based_in_areas.indexOf(code) !== -1;
  }

  function styleFor(code) {
    var isChosen = code === chosenArea;
    var isHighlighted = highlighted.indexOf(code) !== -1;
    var isBase = isBasedIn(code);
    return {
      color: isBase ? "#0065bd" : (isChosen || isHighlighted ? "#333333" : "#7a8591"),
      weight: isChosen || isBase ? 4 : (isHighlighted ? 3 : 1),
      dashArray: isHighlighted && !isChosen && !isBase ? "6 4" : null,
      fillColor: shadeFor(counts[code]),
      fillOpacity: isHighlighted ? 0.95 : 0.75
    };
  }

  function restyle() {
    Object.keys(byCode).forEach(function (code) { byCode[code].setStyle(styleFor(code)); });
    if (chosenArea && byCode[chosenArea]) { byCode[chosenArea].bringToFront(); }
  }

  function nameOf(code) {
    return byCode[code].feature.properties.name;
  }

  function describe(code) {
    var count = counts[code] || 0;
    // Translators: a council area on the finder's map and how many of the services found reach
    // it, e.g. "Highland: 3 services".
    var text = ngettext("%(area)s: %(count)s service", "%(area)s: %(count)s services", count);
    return interpolate(text, { area: nameOf(code), count: numbers.format(count) }, true);
  }

  // What an area's tooltip says: its count, and whether the chosen service is based there.
  function tooltipFor(code) {
    if (isBasedIn(code)) {
      // Translators: a council area's label on the map, e.g. "Highland: 3 services", then the
      // service the person chose, whose base we know only as being in that area.
      var text = gettext("%(area_and_count)s. %(service)s is based here (we have no address)");
      return interpolate(text, { area_and_count: describe(code), service: selected.name }, true);
    }
    return describe(code);
  }

  function retitle() {
    Object.keys(byCode).forEach(function (code) {
      byCode[code].setTooltipContent(asText(tooltipFor(code)));
    });
  }

  // A shape with a tooltip listens for focus, which makes Chromium put it in the tab order: dozens
  // of unnamed stops before the keyboard gets past the map. The same answers are in the list, the
  // area drop-down and the areas' numbers under the map; the map itself keeps one stop (arrow keys
  // pan, + and - zoom), and its shapes are hidden from screen readers, which read those instead.
  function leaveOutOfTabOrder(group) {
    group.eachLayer(function (layer) {
      if (layer.getElement) { layer.getElement().setAttribute("tabindex", "-1"); }
    });
  }

  function drawMarkers(results) {
    markers.clearLayers();
    results.forEach(function (result) {
      result.bases.forEach(function (base) {
        L.circleMarker([base.lat, base.lon], {
          radius: 7, color: "#ffffff", weight: 2, fillColor: "#0065bd", fillOpacity: 1
        })
          .bindTooltip(asText(interpolate(
            // Translators: a marker's label on the finder's map: a service and the name of its
            // base there, e.g. "Leith Partnership, Leith Walk".
            gettext("%(service)s, %(base)s"), { service: result.name, base: base.name }, true
          )))
          .on("click", function () { highlight(result.slug, true); })
          .addTo(markers);
      });
    });
    leaveOutOfTabOrder(markers);
  }

  function drawLegend() {
    if (!legend) { return; }
    var max = 0;
    Object.keys(counts).forEach(function (code) { max = Math.max(max, counts[code]); });
    legend.textContent = "";
    for (var count = 0; count <= Math.min(max, shades.length - 1); count += 1) {
      var item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "finder-map__swatch finder-map__swatch--" + count;
      item.appendChild(swatch);
      var last = count === shades.length - 1 && max > count;
      var text = last
        // Translators: the darkest shade in the key to the finder's map, e.g. "5 or more
        // services".
        ? ngettext("%(count)s or more service", "%(count)s or more services", count)
        // Translators: a shade in the key to the finder's map: how many services reach an area.
        : ngettext("%(count)s service", "%(count)s services", count);
      item.appendChild(document.createTextNode(
        interpolate(text, { count: numbers.format(count) }, true)
      ));
      legend.appendChild(item);
    }
  }

  // The map's shading in words, for anyone who cannot see or tell apart the shades.
  function listAreaCounts() {
    var list = document.getElementById("finder-map-area-counts");
    if (!list) { return; }
    list.textContent = "";
    Object.keys(byCode)
      .sort(function (a, b) { return nameOf(a).localeCompare(nameOf(b), language); })
      .forEach(function (code) {
        var item = document.createElement("li");
        // Translators: under the finder's map, the area the person searched in, e.g.
        // "Highland: 3 services (your area)".
        var yours = gettext("%(area_and_count)s (your area)");
        item.textContent = code === chosenArea
          ? interpolate(yours, { area_and_count: describe(code) }, true)
          : describe(code);
        list.appendChild(item);
      });
    document.getElementById("finder-map-areas").hidden = false;
  }

  // fromTheMap: chosen on the map, so the list is brought to the service's entry.
  function highlight(slug, fromTheMap) {
    var result = resultsBySlug[slug];
    selected = result || null;
    highlighted = result ? (result.scope === "areas" ? result.coverage : Object.keys(byCode)) : [];
    restyle();
    retitle();
    var items = document.querySelectorAll("[data-result-slug]");
    Array.prototype.forEach.call(items, function (item) {
      var isIt = item.getAttribute("data-result-slug") === slug;
      item.classList.toggle("finder-result--selected", isIt);
      if (isIt && fromTheMap) { item.scrollIntoView({ block: "nearest" }); }
    });
  }

  // The page is being left: nothing on the map may tell what was asked (see finder.js).
  function forget() {
    counts = {};
    chosenArea = null;
    highlighted = [];
    selected = null;
    resultsBySlug = {};
    markers.clearLayers();
    restyle();
    drawLegend();
    listAreaCounts();
    Object.keys(byCode).forEach(function (code) {
      byCode[code].setTooltipContent(asText(nameOf(code)));
    });
    map.fitBounds(areas.getBounds());
  }

  // Draws the answer the list shows: its data came with the list (finder.js), never from a
  // second search.
  function update(data) {
    if (!data) { return; }
    counts = data.counts_by_area;
    chosenArea = data.area;
    highlighted = [];
    selected = null;
    resultsBySlug = {};
    data.results.forEach(function (result) { resultsBySlug[result.slug] = result; });
    restyle();
    drawMarkers(data.results);
    drawLegend();
    listAreaCounts();
    retitle();
    if (chosenArea && byCode[chosenArea]) {
      map.fitBounds(byCode[chosenArea].getBounds(), { maxZoom: 9 });
    }
  }

  // The latest answer on the page when the map starts (a search may have come back before
  // Leaflet loaded), or the map before any answer.
  function dataOnThePage() {
    var block = document.getElementById("finder-map-data") ||
      document.getElementById("finder-map-start");
    return block ? JSON.parse(block.textContent) : null;
  }

  // A way back to the whole country from wherever the map has been moved or zoomed.
  function wayBackToScotland() {
    var control = L.control({ position: "topright" });
    control.onAdd = function () {
      var button = L.DomUtil.create("button", "finder-map__all-of-scotland");
      button.type = "button";
      // Translators: a button on the finder's map that shows the whole country again.
      button.textContent = gettext("All of Scotland");
      L.DomEvent.disableClickPropagation(button);
      L.DomEvent.on(button, "click", function () { map.fitBounds(areas.getBounds()); });
      return button;
    };
    return control;
  }

  function start(shapes) {
    // On a phone one finger scrolls the page, never the map (a swipe over it once pushed
    // Scotland out of view); two fingers still move and zoom it.
    map = L.map(container, {
      minZoom: 5, maxZoom: 13, zoomSnap: 0.5, dragging: !L.Browser.mobile
    });
    var tiles = container.getAttribute("data-tile-url");
    if (tiles) {
      L.tileLayer(tiles, { attribution: container.getAttribute("data-tile-attribution") }).addTo(map);
    }
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(container.getAttribute("data-attribution"));
    areas = L.geoJSON(shapes, {
      style: function (feature) {
        var style = styleFor(feature.properties.code);
        // A class per area lets people's tools (and the browser tests) find an area's shape.
        style.className = "finder-map__area finder-map__area--" + feature.properties.code;
        return style;
      },
      onEachFeature: function (feature, layer) {
        byCode[feature.properties.code] = layer;
        layer.bindTooltip(asText(feature.properties.name), { sticky: true });
        layer.on("click", function (event) {
          document.dispatchEvent(new CustomEvent("finder:point", {
            detail: { lon: event.latlng.lng, lat: event.latlng.lat, area: feature.properties.code }
          }));
        });
      }
    }).addTo(map);
    markers = L.layerGroup().addTo(map);
    map.fitBounds(areas.getBounds());
    wayBackToScotland().addTo(map);
    // Only now, with a view, has Leaflet drawn the shapes.
    leaveOutOfTabOrder(areas);
    map.getPane("overlayPane").setAttribute("aria-hidden", "true");
    legend = document.getElementById("finder-map-legend");
    container.setAttribute("data-ready", "true");
    document.addEventListener("finder:search", function (event) { update(event.detail); });
    document.addEventListener("finder:forget", forget);
    document.addEventListener("click", function (event) {
      var item = event.target.closest ? event.target.closest("[data-result-slug]") : null;
      if (item && !event.target.closest("a")) { highlight(item.getAttribute("data-result-slug")); }
    });
    document.addEventListener("focusin", function (event) {
      var item = event.target.closest ? event.target.closest("[data-result-slug]") : null;
      if (item) { highlight(item.getAttribute("data-result-slug")); }
    });
    update(dataOnThePage());
  }

  function load() {
    // Leaflet measures its container and places its panes by leaflet.css: a map started before the
    // style sheet has loaded can take the wrong size and zoom to the wrong place.
    Promise.all([
      loadScript(container.getAttribute("data-leaflet-js")),
      loadStyle(container.getAttribute("data-leaflet-css")),
      fetch(container.getAttribute("data-shapes-url")).then(function (response) { return response.json(); })
    ]).then(function (loaded) {
      container.closest(".finder-map").hidden = false;
      container.hidden = false;
      start(loaded[2]);
    }, function () {
      // Without Leaflet, its style sheet or the shapes there is no map: it stays hidden, and the
      // list answers every search as it does without JavaScript's map.
    });
  }

  if (document.readyState === "complete") { load(); } else { window.addEventListener("load", load); }
})();
