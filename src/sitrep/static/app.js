// sitrep's map page. Everything that comes from an article is hostile: it reaches the page only
// through textContent and createElement, never as HTML. The view state lives in the URL.
"use strict";

(function () {
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
  };
  const OTHER_COLOUR = "#34495e";
  const TIME_PRECISION = { 1: "exact day", 2: "within a week", 3: "within a month" };
  const GEO_PRECISION = { 1: "the place itself", 2: "near the place / part of a region", 3: "a large region" };
  const DAY_MS = 86400000;

  const state = {
    types: [], actor: "", q: "", since: "", until: "", min_sources: 0, min_confidence: 0,
    t: "", window: 0, lat: null, lon: null, z: null, event: "",
  };
  let features = [];      // what the server sent for the current filters
  let markers = new Map(); // event id -> its marker, made once per load
  let onMap = new Set();   // ids of the markers now in the cluster layer
  let days = [];          // the distinct dates of those features, sorted: the slider's steps
  let playTimer = null;
  let config = { event_types: [], tile_url: null, max_limit: 20000 };

  // -- small DOM helpers (text only) ---------------------------------------------------------------

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  function safeHref(url) {
    if (!url) return null;  // an empty href would link to this page
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (_err) {
      return null;
    }
  }

  function colour(type) { return TYPE_COLOURS[type] || OTHER_COLOUR; }
  function typeClass(type) { return "ev-" + String(type || "other").toLowerCase().replace(/[^a-z]+/g, "-"); }

  // -- URL state -----------------------------------------------------------------------------------

  function readUrl() {
    const p = new URLSearchParams(window.location.search);
    state.types = p.getAll("type");
    for (const key of ["actor", "q", "since", "until", "t", "event"]) state[key] = p.get(key) || "";
    state.min_sources = Math.max(0, parseInt(p.get("min_sources") || "0", 10) || 0);
    state.min_confidence = Math.min(1, Math.max(0, parseFloat(p.get("min_confidence") || "0") || 0));
    state.window = [0, 1, 7, 30].includes(parseInt(p.get("window"), 10)) ? parseInt(p.get("window"), 10) : 0;
    const lat = parseFloat(p.get("lat")), lon = parseFloat(p.get("lon")), z = parseInt(p.get("z"), 10);
    if (isFinite(lat) && isFinite(lon) && isFinite(z)) { state.lat = lat; state.lon = lon; state.z = z; }
  }

  function writeUrl() {
    const p = new URLSearchParams();
    for (const type of state.types) p.append("type", type);
    for (const key of ["actor", "q", "since", "until"]) if (state[key]) p.set(key, state[key]);
    if (state.min_sources > 0) p.set("min_sources", String(state.min_sources));
    if (state.min_confidence > 0) p.set("min_confidence", String(state.min_confidence));
    if (state.t) p.set("t", state.t);
    if (state.window) p.set("window", String(state.window));
    if (state.z !== null) {
      p.set("lat", state.lat.toFixed(4)); p.set("lon", state.lon.toFixed(4)); p.set("z", String(state.z));
    }
    if (state.event) p.set("event", state.event);
    const query = p.toString();
    window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    const api = serverQuery();
    document.getElementById("download-csv").href = "/api/events.csv?" + api;
    document.getElementById("download-geojson").href = "/api/events.geojson?" + api;
  }

  function serverQuery(limit) {
    const p = new URLSearchParams();
    for (const type of state.types) p.append("event_type", type);
    for (const key of ["actor", "q", "since", "until"]) if (state[key]) p.set(key, state[key]);
    if (state.min_sources > 0) p.set("min_sources", String(state.min_sources));
    if (state.min_confidence > 0) p.set("min_confidence", String(state.min_confidence));
    if (limit) p.set("limit", String(limit));
    return p.toString();
  }

  // -- map -----------------------------------------------------------------------------------------

  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14 });
  const clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45 });
  map.addLayer(clusters);

  function addBasemap() {
    if (config.tile_url) {
      L.tileLayer(config.tile_url, { maxZoom: 18, attribution: "tiles: as configured" }).addTo(map);
    }
    const countryStyle = { color: "#56667a", weight: 1.3, fillColor: "#eef1f4", fillOpacity: config.tile_url ? 0 : 1 };
    const regionStyle = { color: "#a9b4bf", weight: 0.6, dashArray: "2 3", fill: false };
    const regions = L.layerGroup();
    fetch("/static/basemap/countries.geojson").then((r) => r.json()).then((data) => {
      L.geoJSON(data, { style: countryStyle, interactive: false }).addTo(map).bringToBack();
    }).catch(() => {});
    fetch("/static/basemap/admin1.geojson").then((r) => r.json()).then((data) => {
      L.geoJSON(data, { style: regionStyle, interactive: false }).addTo(regions);
      showRegions();
    }).catch(() => {});
    function showRegions() {
      if (map.getZoom() >= 4) regions.addTo(map); else regions.remove();
    }
    map.on("zoomend", showRegions);
    map.attributionControl.addAttribution("outlines: Natural Earth · places: GeoNames (CC BY 4.0)");
  }

  function addLegend() {
    const legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      const box = el("div", { className: "legend", id: "legend" });
      for (const [type, hex] of Object.entries(TYPE_COLOURS)) {
        const swatch = el("span", { className: "swatch" });
        swatch.style.background = hex;
        box.append(el("div", {}, [swatch, document.createTextNode(type)]));
      }
      return box;
    };
    legend.addTo(map);
  }

  function markerFor(feature) {
    const props = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.circleMarker([lat, lon], {
      radius: 6 + Math.min(6, Math.log2(1 + (props.fatalities || 0))),
      color: "#ffffff", weight: 1.5, fillColor: colour(props.event_type), fillOpacity: 0.9,
      className: "ev-marker " + typeClass(props.event_type),
    });
    marker.on("click", () => openCard(feature.id));
    marker.on("add", () => {  // lets a test (or a user script) find the marker of an event
      const element = marker.getElement();
      if (element) element.dataset.event = feature.id;
    });
    marker.bindTooltip(() => [props.event_date || "undated", props.sub_event_type, props.location].join(" · "));
    return marker;
  }

  // -- data ----------------------------------------------------------------------------------------

  async function load() {
    document.getElementById("counts").textContent = "loading…";
    const response = await fetch("/api/events?" + serverQuery(config.max_limit));
    if (!response.ok) {
      document.getElementById("counts").textContent = "could not load events (" + response.status + ")";
      return;
    }
    const body = await response.json();
    features = body.features.filter((f) => f.geometry && f.geometry.coordinates);
    clusters.clearLayers();
    markers = new Map();
    onMap = new Set();
    features.total = body.total;
    days = Array.from(new Set(features.map((f) => f.properties.event_date).filter(Boolean))).sort();
    const slider = document.getElementById("slider");
    slider.max = String(Math.max(0, days.length - 1));
    let index = days.indexOf(state.t);
    if (index < 0) { index = days.length - 1; state.t = ""; }
    slider.value = String(Math.max(0, index));
    render();
  }

  function visible() {
    if ((!state.t && !state.window) || !days.length) return features;
    const end = state.t || days[days.length - 1];
    const start = state.window ? isoDay(Date.parse(end) - (state.window - 1) * DAY_MS) : "";
    return features.filter((f) => {
      const d = f.properties.event_date;
      return d && d <= end && (!start || d >= start);
    });
  }

  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function render() {
    // Only the difference reaches the cluster layer: a slider step adds or removes a few markers
    // instead of re-clustering thousands.
    const shown = visible();
    const next = new Set(shown.map((f) => f.id));
    const leaving = [], arriving = [];
    for (const id of onMap) if (!next.has(id)) leaving.push(markers.get(id));
    for (const feature of shown) {
      if (onMap.has(feature.id)) continue;
      if (!markers.has(feature.id)) markers.set(feature.id, markerFor(feature));
      arriving.push(markers.get(feature.id));
    }
    if (leaving.length) clusters.removeLayers(leaving);
    if (arriving.length) clusters.addLayers(arriving);
    onMap = next;
    const label = days.length ? (state.t || days[days.length - 1]) : "–";
    document.getElementById("slider-date").textContent = label;
    const loaded = features.length;
    const total = features.total || loaded;
    let text = shown.length + " of " + loaded + " events shown";
    if (total > loaded) text += " (" + total + " match; the first " + loaded + " loaded)";
    document.getElementById("counts").textContent = text;
    document.body.dataset.shown = String(shown.length);
    writeUrl();
  }

  // -- the event card ------------------------------------------------------------------------------

  async function openCard(id) {
    state.event = id;
    writeUrl();
    const card = document.getElementById("card");
    const body = document.getElementById("card-body");
    body.replaceChildren(el("p", { text: "loading…" }));
    card.hidden = false;
    const response = await fetch("/api/events/" + encodeURIComponent(id));
    if (!response.ok) { body.replaceChildren(el("p", { text: "event not found" })); return; }
    const feature = await response.json();
    body.replaceChildren(...cardContent(feature.properties));
  }

  function closeCard() {
    document.getElementById("card").hidden = true;
    state.event = "";
    writeUrl();
  }

  function row(label, value) {
    return el("div", { className: "row" }, [el("dt", { text: label }), el("dd", { text: value })]);
  }

  function cardContent(e) {
    const heading = el("h2", { text: e.sub_event_type });
    heading.prepend(el("span", { className: "swatch " + typeClass(e.event_type) }));
    heading.firstChild.style.background = colour(e.event_type);
    const place = [e.location, e.admin1, e.country].filter(Boolean).join(", ");
    const facts = el("dl", {}, [
      row("Type", e.event_type),
      row("Date", (e.event_date || "undated") + " (" + (TIME_PRECISION[e.time_precision] || "?") + ")"),
      row("Place", place + " (" + (GEO_PRECISION[e.geo_precision] || "?") + ")"),
      row("Actors", [e.actor1, e.actor2].filter(Boolean).join(" vs ") || "unknown"),
      row("Fatalities", String(e.fatalities)),
      row("Confidence", Number(e.confidence).toFixed(2) + " from " + e.sources.length + " source(s)"),
    ]);
    const parts = [heading, facts];
    if (e.notes) parts.push(el("p", { className: "notes", text: e.notes }));
    parts.push(el("h3", { text: "Evidence" }), evidenceList(e));
    parts.push(el("h3", { text: "Sources" }), sourceList(e));
    if (e.story && e.story.members.length > 1) {
      parts.push(el("h3", { text: "Copies of the story (" + e.story.size + ")" }), storyList(e.story));
    }
    return parts;
  }

  // The words worth seeing in a sentence: the place, the words of the sub-event type (so "missile"
  // marks "missiles"), and whatever the user searched for.
  const STOP_WORDS = new Set(["with", "against", "other", "non-violent", "use", "and", "of"]);
  function highlightTerms(e) {
    const typeWords = String(e.sub_event_type || "").toLowerCase().split(/[\s/]+/)
      .filter((w) => w.length >= 4 && !STOP_WORDS.has(w));
    const terms = [e.location, ...typeWords, ...String(state.q || "").split(/\s+/)];
    return terms.filter((t) => t && t.length >= 2).map((t) => t.toLowerCase());
  }

  function highlighted(text, terms) {
    const node = el("blockquote", { className: "evidence" });
    if (!terms.length) { node.textContent = text; return node; }
    const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp("(" + escaped.join("|") + ")", "gi");
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      node.append(document.createTextNode(text.slice(last, match.index)));
      node.append(el("mark", { text: match[0] }));
      last = match.index + match[0].length;
    }
    node.append(document.createTextNode(text.slice(last)));
    return node;
  }

  function evidenceList(e) {
    const terms = highlightTerms(e);
    const list = el("div", { className: "evidence-list" });
    for (const item of e.evidence) list.append(highlighted(item.text, terms));
    if (!e.evidence.length) list.append(el("p", { text: "no evidence stored" }));
    return list;
  }

  function link(url, label) {
    const href = safeHref(url || "");
    if (!href) return el("span", { text: label || url || "(no link)" });
    return el("a", { href: href, text: label || href, target: "_blank", rel: "noopener noreferrer nofollow" });
  }

  function sourceList(e) {
    const byId = Object.fromEntries((e.source_articles || []).map((a) => [a.id, a]));
    const list = el("ul", { className: "sources" });
    for (const source of e.sources) {
      const article = byId[source.article_id] || {};
      const label = [source.source, article.title || source.article_id, source.published].filter(Boolean).join(" · ");
      list.append(el("li", {}, [link(source.url || article.url, label)]));
    }
    return list;
  }

  function storyList(story) {
    const list = el("ul", { className: "story" });
    for (const member of story.members) {
      const label = [member.source, member.title || member.id, member.relation,
        Number(member.similarity).toFixed(2)].filter(Boolean).join(" · ");
      list.append(el("li", {}, [link(member.url, label)]));
    }
    return list;
  }

  // -- controls ------------------------------------------------------------------------------------

  function buildTypeFilters() {
    const box = document.getElementById("types");
    const present = new Set(config.event_types.map((t) => t.event_type));
    const types = Array.from(new Set([...Object.keys(TYPE_COLOURS), ...present]));
    for (const type of types) {
      const input = el("input", { type: "checkbox", name: "type", value: type });
      input.checked = state.types.includes(type);
      const swatch = el("span", { className: "swatch" });
      swatch.style.background = colour(type);
      box.append(el("label", { className: "type" }, [input, swatch, document.createTextNode(type)]));
    }
  }

  function fillForm() {
    const form = document.getElementById("filters");
    for (const key of ["actor", "q", "since", "until"]) form.elements[key].value = state[key];
    form.elements.min_sources.value = String(state.min_sources);
    form.elements.min_confidence.value = String(state.min_confidence);
    document.getElementById("conf-out").textContent = state.min_confidence.toFixed(2);
    document.getElementById("window").value = String(state.window);
  }

  function readForm() {
    const form = document.getElementById("filters");
    state.types = Array.from(form.querySelectorAll("input[name=type]:checked")).map((i) => i.value);
    for (const key of ["actor", "q", "since", "until"]) state[key] = form.elements[key].value.trim();
    state.min_sources = Math.max(0, parseInt(form.elements.min_sources.value, 10) || 0);
    state.min_confidence = Math.min(1, Math.max(0, parseFloat(form.elements.min_confidence.value) || 0));
    state.t = "";
  }

  function stopPlaying() {
    if (playTimer) { clearInterval(playTimer); playTimer = null; }
    document.getElementById("play").textContent = "▶";
  }

  function step() {
    const slider = document.getElementById("slider");
    const next = parseInt(slider.value, 10) + 1;
    if (next >= days.length) { stopPlaying(); return; }
    slider.value = String(next);
    state.t = days[next];
    render();
  }

  function wireControls() {
    const form = document.getElementById("filters");
    form.addEventListener("submit", (event) => { event.preventDefault(); readForm(); load(); });
    form.addEventListener("change", (event) => {
      if (event.target.name === "type") { readForm(); load(); }
    });
    form.elements.min_confidence.addEventListener("input", (event) => {
      document.getElementById("conf-out").textContent = Number(event.target.value).toFixed(2);
    });
    document.getElementById("reset-filters").addEventListener("click", () => {
      form.reset();
      form.querySelectorAll("input[name=type]").forEach((i) => { i.checked = false; });
      readForm(); fillForm(); load();
    });
    const slider = document.getElementById("slider");
    slider.addEventListener("input", () => {
      stopPlaying();
      const index = parseInt(slider.value, 10);
      state.t = index >= days.length - 1 ? "" : days[index];
      render();
    });
    document.getElementById("window").addEventListener("change", (event) => {
      state.window = parseInt(event.target.value, 10) || 0;
      render();
    });
    document.getElementById("play").addEventListener("click", () => {
      if (playTimer) { stopPlaying(); return; }
      if (!days.length) return;
      if (!state.t || days.indexOf(state.t) >= days.length - 1) {
        slider.value = "0"; state.t = days[0]; render();
      }
      document.getElementById("play").textContent = "❚❚";
      playTimer = setInterval(step, 700);
    });
    document.getElementById("card-close").addEventListener("click", closeCard);
    map.on("moveend", () => {
      const c = map.getCenter();
      state.lat = c.lat; state.lon = c.lng; state.z = map.getZoom();
      writeUrl();
    });
  }

  async function start() {
    readUrl();
    try {
      const response = await fetch("/api/config");
      if (response.ok) config = await response.json();
    } catch (_err) { /* the page still works with defaults */ }
    if (state.z !== null) map.setView([state.lat, state.lon], state.z);
    else map.setView([48.5, 34], 5);
    addBasemap();
    addLegend();
    buildTypeFilters();
    fillForm();
    wireControls();
    await load();
    if (state.event) openCard(state.event);
  }

  start();
})();
