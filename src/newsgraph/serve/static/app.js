// newsgraph's page: plain JavaScript, no build step, nothing fetched from outside.
// Every string from the store is article text, i.e. hostile input: it only ever reaches the
// page through textContent or setAttribute on safe attributes, never through innerHTML.
"use strict";

const TYPES = ["ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "SANCTION", "PROTEST", "ACCUSE",
  "REJECT", "REQUEST", "RETREAT", "CONCEDE", "CONSULT", "COOPERATE", "AID", "SUPPORT", "AGREE"];
const COLOURS = {
  ASSAULT: "#c0392b", COERCE: "#e67e22", THREATEN: "#d35400", MOBILIZE: "#8e44ad",
  SANCTION: "#6c3483", PROTEST: "#f1c40f", ACCUSE: "#2c3e50", REJECT: "#566573",
  REQUEST: "#16a085", RETREAT: "#7f8c8d", CONCEDE: "#1abc9c", CONSULT: "#2980b9",
  COOPERATE: "#27ae60", AID: "#2ecc71", SUPPORT: "#3498db", AGREE: "#145a32",
};
const REGIONS = {
  world: [0, 0, 360, 180], mideast: [205, 40, 45, 30], europe: [165, 20, 65, 40],
  africa: [155, 50, 80, 90], asia: [220, 15, 130, 80], americas: [10, 10, 150, 150],
};
const PAGE = 25;
const state = { filters: {}, offset: 0, view: REGIONS.world.slice(), places: [] };
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "style") node.style.cssText = value;  // CSSOM: allowed under our CSP
    else if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function safeUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (e) {
    return null;
  }
}

function query(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") out.set(k, v);
  return out.toString();
}

async function api(path, params = {}) {
  const qs = query(params);
  const response = await fetch(`/api/${path}${qs ? "?" + qs : ""}`);
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json();
}

function list(values) { return (values || []).join(", "); }

function tag(type) {
  return el("span", { class: "tag", style: `background:${COLOURS[type] || "#777"}`, text: type });
}

function actorLink(name) {
  return el("span", { class: "link", text: name, onclick: () => openEntity(`actor:${name.toLowerCase()}`, name) });
}

function names(values) {
  const span = el("span");
  (values || []).forEach((name, i) => { if (i) span.append(", "); span.append(actorLink(name)); });
  return span;
}

// --- filters ---------------------------------------------------------------------------

function readFilters() {
  const form = document.getElementById("filters");
  const data = Object.fromEntries(new FormData(form).entries());
  state.filters = Object.fromEntries(Object.entries(data).filter(([, v]) => v));
  state.offset = 0;
}

function setFilter(name, value) {
  const input = document.getElementById(`f-${name}`);
  input.value = value || "";
  readFilters();
  refresh();
}

// --- map -------------------------------------------------------------------------------

let countries = null;

async function drawMap() {
  const svg = document.getElementById("map");
  if (!countries) countries = await (await fetch("/static/countries.json")).json();
  svg.replaceChildren();
  const land = el("svg:g");
  for (const country of countries.countries) {
    const d = country.rings.map((ring) => "M" + ring.map(([lon, lat]) => `${(lon + 180).toFixed(1)},${(90 - lat).toFixed(1)}`).join("L") + "Z").join("");
    land.append(el("svg:path", { d, class: "country" }, el("svg:title", { text: country.name })));
  }
  svg.append(land);
  const rows = await api("map", { ...state.filters, since: state.filters.since, until: state.filters.until });
  const byPlace = new Map();
  for (const row of rows) {
    const place = byPlace.get(row.place_id) || { ...row, total: 0, types: {} };
    place.total += row.events;
    place.types[row.type] = (place.types[row.type] || 0) + row.events;
    byPlace.set(row.place_id, place);
  }
  state.places = [...byPlace.values()].sort((a, b) => b.total - a.total);
  const dots = el("svg:g", { id: "dots" });
  const scale = Math.sqrt(state.view[2] / 360);
  for (const place of state.places) {
    const top = Object.entries(place.types).sort((a, b) => b[1] - a[1])[0][0];
    const circle = el("svg:circle", {
      cx: (place.lon + 180).toFixed(2), cy: (90 - place.lat).toFixed(2),
      r: ((1 + Math.sqrt(place.total) * 0.9) * scale).toFixed(2), fill: COLOURS[top] || "#777",
      class: "place", "data-place": place.place,
    }, el("svg:title", { text: `${place.place}: ${place.total} event(s), mostly ${top}` }));
    circle.addEventListener("click", () => setFilter("place", place.place));
    dots.append(circle);
  }
  svg.append(dots);
  applyView();
  const legend = document.getElementById("legend");
  legend.replaceChildren(...TYPES.filter((t) => rows.some((r) => r.type === t)).map((t) => el("span", { style: `--c:${COLOURS[t]}`, text: t })));
}

function applyView() {
  document.getElementById("map").setAttribute("viewBox", state.view.map((v) => v.toFixed(2)).join(" "));
}

function zoom(factor) {
  const [x, y, w, h] = state.view;
  const cx = x + w / 2, cy = y + h / 2;
  const nw = Math.min(360, Math.max(4, w * factor)), nh = Math.min(180, Math.max(2, h * factor));
  state.view = [cx - nw / 2, cy - nh / 2, nw, nh];
  drawMap();
}

function region(name) {
  if (name === "fit" && state.places.length) {
    const xs = state.places.map((p) => p.lon + 180), ys = state.places.map((p) => 90 - p.lat);
    const pad = 3;
    const x = Math.min(...xs) - pad, y = Math.min(...ys) - pad;
    state.view = [x, y, Math.max(10, Math.max(...xs) + pad - x), Math.max(5, Math.max(...ys) + pad - y)];
  } else {
    state.view = (REGIONS[name] || REGIONS.world).slice();
  }
  drawMap();
}

function enablePan() {
  const svg = document.getElementById("map");
  let start = null;
  svg.addEventListener("mousedown", (e) => { start = [e.clientX, e.clientY, ...state.view]; });
  window.addEventListener("mouseup", () => { start = null; });
  svg.addEventListener("mousemove", (e) => {
    if (!start) return;
    const rect = svg.getBoundingClientRect();
    const k = start[4] / rect.width;
    state.view = [start[2] - (e.clientX - start[0]) * k, start[3] - (e.clientY - start[1]) * k, start[4], start[5]];
    applyView();
  });
  svg.addEventListener("wheel", (e) => { e.preventDefault(); zoom(e.deltaY > 0 ? 1.25 : 0.8); }, { passive: false });
}

// --- timeline --------------------------------------------------------------------------

async function drawTimeline() {
  const svg = document.getElementById("timeline");
  const { since, until, ...rest } = state.filters;
  const rows = await api("timeline", rest);  // the whole period, so it can be brushed again
  svg.replaceChildren();
  if (!rows.length) { svg.append(el("svg:text", { x: 10, y: 60, text: "no dated events" })); return; }
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const first = new Date(days[0]), last = new Date(days[days.length - 1]);
  const span = Math.max(1, (last - first) / 86400000 + 1);
  const totals = {};
  for (const r of rows) totals[r.day] = (totals[r.day] || 0) + r.events;
  const max = Math.max(...Object.values(totals));
  const width = 800 / span;
  const stacked = {};
  for (const r of rows.sort((a, b) => TYPES.indexOf(a.type) - TYPES.indexOf(b.type))) {
    const x = ((new Date(r.day) - first) / 86400000) * width;
    const below = stacked[r.day] || 0;
    const h = (r.events / max) * 110;
    stacked[r.day] = below + h;
    svg.append(el("svg:rect", { x: x.toFixed(2), y: (118 - below - h).toFixed(2), width: Math.max(0.8, width - 0.5).toFixed(2), height: h.toFixed(2), fill: COLOURS[r.type] || "#777" },
      el("svg:title", { text: `${r.day} ${r.type}: ${r.events}` })));
  }
  const brush = el("svg:rect", { id: "brush", x: 0, y: 0, width: 0, height: 120, fill: "rgba(31,95,191,0.15)" });
  svg.append(brush);
  const dayAt = (px) => new Date(first.getTime() + Math.floor(px / width) * 86400000).toISOString().slice(0, 10);
  let from = null;
  const toX = (e) => ((e.clientX - svg.getBoundingClientRect().left) / svg.getBoundingClientRect().width) * 800;
  svg.onmousedown = (e) => { from = toX(e); brush.setAttribute("x", from); brush.setAttribute("width", 0); };
  svg.onmousemove = (e) => {
    if (from === null) return;
    const x = toX(e);
    brush.setAttribute("x", Math.min(from, x)); brush.setAttribute("width", Math.abs(x - from));
  };
  svg.onmouseup = (e) => {
    if (from === null) return;
    const a = Math.min(from, toX(e)), b = Math.max(from, toX(e));
    from = null;
    document.getElementById("f-since").value = dayAt(a);
    document.getElementById("f-until").value = dayAt(b);
    readFilters();
    refresh();
  };
  document.getElementById("timeline-range").textContent = `${days[0]} – ${days[days.length - 1]}` +
    (since || until ? ` · showing ${since || "…"} to ${until || "…"}` : "");
}

// --- events ----------------------------------------------------------------------------

// The dead of an incident: the count ("at least 20"), then the named victims.
function toll(e) {
  const count = e.fatalities === null || e.fatalities === undefined ? "" :
    `${e.approximate ? "at least " : ""}${e.fatalities}`;
  return [count, list(e.killed)].filter(Boolean).join("; ");
}

async function loadEvents() {
  const page = await api("events", { ...state.filters, limit: PAGE, offset: state.offset });
  const body = document.querySelector("#events-table tbody");
  body.replaceChildren(...page.items.map((e) => {
    const row = el("tr", { "data-event": e.event },
      el("td", {}, tag(e.type), e.mode ? el("span", { class: "muted", text: ` ${e.mode}` }) : null),
      el("td", { text: e.date || "" }), el("td", { text: e.place || "" }),
      el("td", {}, names(e.actors)), el("td", {}, names(e.recipients)),
      el("td", { text: toll(e) }), el("td", { text: list(e.status) }),
      el("td", { text: String(e.reports) }), el("td", { text: list(e.sources) }));
    row.addEventListener("click", (ev) => { if (!ev.target.classList.contains("link")) openEvent(e.event); });
    return row;
  }));
  document.getElementById("events-count").textContent = `${page.total} event(s); ${page.offset + 1}–${page.offset + page.items.length}`;
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = state.offset + PAGE >= page.total;
}

async function openEvent(id) {
  const event = await api(`events/${encodeURIComponent(id)}`);
  const box = document.getElementById("event-detail");
  box.replaceChildren(el("h3", {}, tag(event.type), ` ${event.place || ""} ${event.first_day || ""}`),
    ...event.reports.map((r) => el("div", { class: "report" },
      el("div", {}, el("strong", { text: r.title || r.doc_id }), el("span", { class: "muted", text: ` ${r.outlet || ""} ${r.published || ""} · ${r.status}` })),
      el("div", { text: r.sentence || "" }),
      chain(r.claimed_by, r.via),
      el("span", { class: "link", text: "show in the article", onclick: () => openDocument(r.doc_id, { kind: "event", id: r.id }) }))));
  if (event.reports.length) openDocument(event.reports[0].doc_id, { kind: "event", id: event.reports[0].id });
}

function chain(speaker, via) {
  if (!speaker && !(via || []).length) return null;
  const parts = [speaker, ...(via || []).slice().reverse()].filter(Boolean);
  return el("div", { class: "muted", text: `source chain: ${parts.join(" ← ")}` });
}

// --- the evidence view -----------------------------------------------------------------

async function openDocument(docId, focus) {
  const doc = await api(`documents/${encodeURIComponent(docId)}`);
  const facts = [];
  for (const m of doc.mentions) facts.push({ start: m.start, end: m.end, cls: `m-${m.entity_type}`, kind: "mention", data: m });
  for (const q of doc.quotes) for (const p of q.parts) facts.push({ start: p.start, end: p.end, cls: "quote", kind: "quote", data: q });
  // an event's first span is the sentence that states it best; the others are its further mentions
  for (const e of doc.events) e.evidence.forEach((s, n) => facts.push({ start: s.start, end: s.end, cls: "event", kind: "event", data: e, main: n === 0 }));
  const cuts = new Set([0, doc.text.length]);
  for (const f of facts) { cuts.add(f.start); cuts.add(f.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const article = document.getElementById("doc");
  const head = el("header", {}, el("h3", { text: doc.title || doc.id }),
    el("div", { class: "muted", text: [doc.outlet, doc.published, doc.byline].filter(Boolean).join(" · ") }));
  const url = safeUrl(doc.url);
  if (url) head.append(el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: url }));
  if (doc.duplicate_of) head.append(el("div", { class: "muted", text: `near-copy of ${doc.duplicate_of}` }));
  article.replaceChildren(head);
  let target = null;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const here = facts.filter((f) => f.start <= a && b <= f.end);
    const text = doc.text.slice(a, b);
    if (!here.length) { article.append(text); continue; }
    const span = el("span", { class: [...new Set(here.map((f) => f.cls))].join(" "), "data-facts": String(here.length), text });
    const focused = focus && here.some((f) => f.kind === focus.kind && f.data.id === focus.id && f.main !== false);
    if (focused) { span.classList.add("focus"); target = target || span; }
    span.addEventListener("click", () => showFact(here));
    article.append(span);
  }
  if (focus) {
    const fact = facts.find((f) => f.kind === focus.kind && f.data.id === focus.id);
    if (fact) showFact([fact]);
  }
  if (target) target.scrollIntoView({ block: "center" });
  if (focus && focus.scroll !== false) document.getElementById("evidence").scrollIntoView();
}

function showFact(facts) {
  const box = document.getElementById("fact");
  box.classList.remove("muted");
  box.replaceChildren(...facts.map((f) => {
    const d = f.data;
    if (f.kind === "event") return el("div", { class: "fact-event" }, tag(d.type), " ", names(d.actors), " → ", names(d.recipients),
      el("span", { class: "muted", text: ` ${d.status}${d.place ? " · " + d.place : ""}${d.day ? " · " + d.day : ""}` }), chain(d.claimed_by, d.via));
    if (f.kind === "quote") return el("div", { class: "fact-quote" }, el("strong", { text: d.speaker || d.speaker_text || "unknown speaker" }),
      el("span", { class: "muted", text: ` ${d.cue || ""} (${d.kind})` }), chain(d.speaker, d.via));
    return el("div", { class: "fact-mention" }, el("span", { class: "link", text: `${d.entity_type}: ${d.text}`, onclick: () => openEntity(d.entity_id, d.text) }));
  }));
}

// --- disputes --------------------------------------------------------------------------

async function loadDisputes() {
  const pairs = await api("disputes", { actor: state.filters.actor, since: state.filters.since, until: state.filters.until });
  const box = document.getElementById("disputes-list");
  if (!pairs.length) { box.replaceChildren(el("p", { class: "muted", text: "No accusations between parties for these filters." })); return; }
  box.replaceChildren(...pairs.slice(0, 30).map((p) => el("div", { class: "dispute" },
    el("h3", { text: `${p.a} ⇄ ${p.b}` }),
    side(`${p.a} accuses ${p.b}`, p.a_to_b), side(`${p.b} accuses ${p.a}`, p.b_to_a))));
}

function side(title, claims) {
  return el("div", { class: "side" }, el("strong", { text: title }),
    ...(claims.length ? claims.map((c) => el("div", { class: "claim" },
      tag(c.type), el("span", { class: "muted", text: ` ${c.day || ""} · ${c.outlet || c.title || c.doc_id}` }),
      el("div", { text: c.sentence || "" }), chain(c.claimed_by, c.via),
      el("span", { class: "link", text: "show in the article", onclick: () => openDocument(c.doc_id, { kind: "event", id: c.id }) })))
      : [el("div", { class: "muted", text: "nothing reported" })]));
}

// --- who's who -------------------------------------------------------------------------

async function findEntities(q) {
  const found = await api("search", { q });
  const box = document.getElementById("who-results");
  const items = [...found.actors.map((a) => [a.actor, `${a.name} (${a.kind})`]), ...found.people.map((p) => [p.id, `${p.name}${p.title ? ", " + p.title : ""}`]),
    ...found.places.map((p) => [p.place, `${p.name} (${p.kind})`])];
  box.replaceChildren(...items.map(([id, label]) => el("div", {}, el("span", { class: "link", text: label, onclick: () => openEntity(id, label) }))));
}

async function openEntity(id, label) {
  let item;
  try { item = await api(`entities/${encodeURIComponent(id)}`); } catch (e) { item = null; }
  const page = document.getElementById("who-page");
  if (!item) { page.replaceChildren(el("p", { class: "muted", text: `Nothing stored for ${label}.` })); return; }
  const facts = [item.kind, item.title, item.affiliation ? `of ${item.affiliation}` : null, item.code ? `CAMEO ${item.code}` : null, item.country].filter(Boolean).join(" · ");
  const parts = [el("h3", { text: item.name }), el("div", { class: "muted", text: facts }),
    el("h3", { text: "Titles" }), ...item.titles.map((t) => el("div", { text: [t.title, t.affiliation].filter(Boolean).join(", ") })),
    el("h3", { text: "Patrons and partners" }),
    ...(item.patrons || []).map((p) => el("div", { text: `backed by ${p} (documented)` })),
    item.led_by ? el("div", { text: `led by ${item.led_by}` }) : null,
    ...item.relations.map((r) => el("div", { text: `${r.subject} ${r.relation.replace("_", " ")} ${r.object}` })),
    el("h3", { text: `Events (${item.events.length})` }), ...item.events.slice(0, 40).map((e) => el("div", { class: "link", onclick: () => openEvent(e.cluster_id) },
      tag(e.type), ` ${e.day || ""} ${e.place || ""}: ${list(e.actors)} → ${list(e.recipients)}`)),
    el("h3", { text: `Quotes (${item.quotes.length})` }), ...item.quotes.slice(0, 40).map((q) => el("div", { class: "link", text: `“${q.text}”`, onclick: () => openDocument(q.doc_id, { kind: "quote", id: q.id }) }))];
  page.replaceChildren(...parts.filter(Boolean));
  document.getElementById("who").scrollIntoView();
}

// --- start -----------------------------------------------------------------------------

async function refresh() {
  await Promise.all([drawMap(), drawTimeline(), loadEvents(), loadDisputes()]);
  document.body.dataset.ready = "yes";
}

async function showSummary() {
  const summary = await api("summary");
  document.getElementById("summary").textContent = `${summary.documents} documents · ${summary.events} events · ${summary.quotes} quotes · ${summary.actors} actors · ${summary.places} places`;
}

// --- freshness: a watch publishing into the store while the page is open -------------------

function when(iso) {
  return iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never";
}

function showChanged(info) {
  const parts = [`store last changed ${when(info.changed)}`];
  if (info.watched) parts.push(`watching ${info.watched} URL(s), last poll ${when(info.last_poll)}`);
  const line = document.getElementById("changed");
  line.textContent = parts.join(" · ");
  line.dataset.changed = info.changed || "";
}

// Ask whether the store changed; when it did, reload the summary and every list (the
// filters, the page of events and what the evidence view shows stay as they are).
async function followChanges(seen) {
  let info = null;
  try { info = await api("changed"); } catch (e) { info = null; }
  if (info) {
    showChanged(info);
    if (info.changed !== seen) {
      await showSummary();
      await refresh();
    }
  }
  const every = Math.max(0.2, info ? info.check_every : 30);
  setTimeout(() => followChanges(info ? info.changed : seen), every * 1000);
}

async function start() {
  await showSummary();
  const select = document.getElementById("f-type");
  for (const t of TYPES) select.append(el("option", { value: t, text: t }));
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); readFilters(); refresh(); });
  document.getElementById("reset").addEventListener("click", () => { document.getElementById("filters").reset(); readFilters(); refresh(); });
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  document.getElementById("region").addEventListener("change", (e) => region(e.target.value));
  document.getElementById("zoom-in").addEventListener("click", () => zoom(0.6));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(1.6));
  document.getElementById("who-form").addEventListener("submit", (e) => { e.preventDefault(); const q = document.getElementById("who-q").value.trim(); if (q.length >= 2) findEntities(q); });
  enablePan();
  await refresh();
  const info = await api("changed");
  showChanged(info);
  setTimeout(() => followChanges(info.changed), Math.max(0.2, info.check_every) * 1000);
}

document.addEventListener("DOMContentLoaded", () => { start().catch((e) => { document.getElementById("summary").textContent = `error: ${e.message}`; }); });
