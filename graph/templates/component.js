// The app's map element (a Streamlit components-v2 element that stays mounted). It loads
// vis-network once per tab from the app's own server (__VIS_SRC__ is filled in by app.py),
// hands every new view to `tiesMap` (map.js) and sends back what the user picked: a
// country or a tie ("selected"), or "focus" on a country (the details' button). While
// time plays, a view carries `tick`: that many seconds after drawing it, the element asks
// for the next frame ("tick", naming the day drawn), so a slow redraw never piles frames up.
function loadVis(src) {
  if (!window.tiesVisLoaded) {
    window.tiesVisLoaded = new Promise(function (resolve, reject) {
      if (window.vis && window.vis.Network) { resolve(); return; }
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { window.tiesVisLoaded = null; reject(new Error(src)); };
      document.head.appendChild(script);
    });
  }
  return window.tiesVisLoaded;
}

// In presentation mode the map takes the rest of the window, whatever its size: its
// height follows the window and whatever is drawn above it (a story caption, the buttons).
function fitToWindow(host, on) {
  if (host.tiesFit) { host.tiesFit.disconnect(); window.removeEventListener("resize", host.tiesFitNow); }
  host.tiesFit = null;
  host.style.height = "";
  if (!on) return;
  var fit = function () {
    var top = host.getBoundingClientRect().top + window.scrollY;
    // Never less than about half the window: on a phone the page scrolls to the map
    // rather than squeeze it under its legend.
    var least = Math.max(240, Math.floor(window.innerHeight * 0.45));
    var height = Math.max(least, Math.floor(window.innerHeight - top - 8)) + "px";
    if (host.style.height !== height) host.style.height = height;
  };
  host.tiesFitNow = fit;
  // Streamlit scrolls inside its own container, so watch the page's blocks, not the body.
  host.tiesFit = new ResizeObserver(fit);
  host.tiesFit.observe(host.closest("[data-testid='stMainBlockContainer']") || document.body);
  window.addEventListener("resize", fit);
  fit();
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const host = parentElement;
  host.tiesSelect = setTriggerValue;
  const text = new TextDecoder().decode(data);
  if (host.tiesText === text) return;
  host.tiesText = text;
  if (host.tiesTick) { clearTimeout(host.tiesTick); host.tiesTick = null; }
  loadVis("__VIS_SRC__").then(function () {
    if (host.tiesText !== text) return;  // newer data came while vis-network loaded
    if (!host.tiesMap) {
      const root = document.createElement("div");
      host.appendChild(root);
      host.tiesMap = tiesMap(root, function (kind, id) {
        host.tiesSelect(kind === "focus" ? "focus" : "selected", { kind: kind, id: id });
      });
    }
    const view = JSON.parse(text);
    fitToWindow(host, !!view.present);
    host.tiesMap.draw(view);
    if (view.tick) {
      host.tiesTick = setTimeout(function () {
        host.tiesTick = null;
        if (host.tiesText === text) host.tiesSelect("tick", view.tick.day);
      }, view.tick.after * 1000);
    }
  }, function () {
    host.tiesMap = host.tiesText = null;
    host.textContent = "The map could not load its drawing library from this server: reload the page.";
  });
}
