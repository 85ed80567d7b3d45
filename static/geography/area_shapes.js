// The council areas' shapes (the area-shapes endpoint), asked for once per page however many
// admin maps draw them, and the light outline they are drawn in when nothing picks them out.
(function () {
  "use strict";

  var requests = {};

  window.councilAreaShapes = {
    load: function (url) {
      if (!requests[url]) {
        requests[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
          if (!response.ok) { throw new Error("Council areas: " + response.status); }
          return response.json();
        });
      }
      return requests[url];
    },
    outline: { color: "#7a8591", weight: 1, fillColor: "#f0f4f8", fillOpacity: 0.9 },
    // Area names come from imported boundary files: Leaflet puts a string into a tooltip as
    // HTML, so each goes in as a text node, which is only ever text.
    nameOf: function (feature) {
      return function () { return document.createTextNode(feature.properties.name); };
    }
  };
})();
