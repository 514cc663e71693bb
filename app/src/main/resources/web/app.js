// The songspace web map: a canvas scatter of the library (zoom, pan, hover, click to play and list
// neighbours), a name search and an upload form. No libraries, no network beyond this server.
(function () {
  "use strict";
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#000080", "#808000"];
  const canvas = document.getElementById("map");
  const ctx = canvas.getContext("2d");
  const tooltip = document.getElementById("tooltip");
  const player = document.getElementById("player");
  const state = { tracks: [], labels: [], byId: new Map(), scale: 1, dx: 0, dy: 0, selected: null, upload: null,
    highlighted: new Set(), drawn: 0, bounds: null };
  const api = window.songspace = { ready: false, pointsDrawn: () => state.drawn, screenPositionOf, select };

  function colour(label) {
    const i = state.labels.indexOf(label);
    return i < 0 ? "#aaa" : PALETTE[i % PALETTE.length];
  }

  function fit() {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const t of state.tracks) {
      minX = Math.min(minX, t.x); maxX = Math.max(maxX, t.x); minY = Math.min(minY, t.y); maxY = Math.max(maxY, t.y);
    }
    if (!isFinite(minX)) { minX = minY = -1; maxX = maxY = 1; }
    const pad = 30;
    const sx = (canvas.width - 2 * pad) / Math.max(1e-9, maxX - minX);
    const sy = (canvas.height - 2 * pad) / Math.max(1e-9, maxY - minY);
    state.bounds = { minX, minY, s: Math.min(sx, sy), pad };
  }

  // Data -> canvas pixels, with the user's zoom and pan applied.
  function toCanvas(x, y) {
    const b = state.bounds;
    const px = b.pad + (x - b.minX) * b.s;
    const py = canvas.height - (b.pad + (y - b.minY) * b.s);
    return [px * state.scale + state.dx, py * state.scale + state.dy];
  }

  function screenPositionOf(id) {
    const t = state.byId.get(id);
    if (!t) return null;
    const [x, y] = toCanvas(t.x, t.y);
    return { x: Math.round(x), y: Math.round(y) };
  }

  function draw() {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (const t of state.tracks) {
      const [x, y] = toCanvas(t.x, t.y);
      if (x < -5 || y < -5 || x > canvas.width + 5 || y > canvas.height + 5) continue;
      ctx.beginPath();
      ctx.arc(x, y, state.highlighted.has(t.id) ? 6 : 4, 0, 2 * Math.PI);
      ctx.fillStyle = colour(t.label);
      ctx.globalAlpha = state.highlighted.size && !state.highlighted.has(t.id) && t.id !== state.selected ? 0.35 : 0.9;
      ctx.fill();
      drawn++;
    }
    ctx.globalAlpha = 1;
    if (state.selected) ring(state.selected, "#000");
    if (state.upload) {
      const [x, y] = toCanvas(state.upload.x, state.upload.y);
      ctx.fillStyle = "#000";
      ctx.font = "20px sans-serif";
      ctx.fillText("\u2605", x - 7, y + 7);
    }
    state.drawn = drawn;
  }

  function ring(id, stroke) {
    const p = screenPositionOf(id);
    if (!p) return;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 9, 0, 2 * Math.PI);
    ctx.strokeStyle = stroke;
    ctx.lineWidth = 2;
    ctx.stroke();
  }

  function nearest(mx, my, radius) {
    let best = null, bestD = radius * radius;
    for (const t of state.tracks) {
      const [x, y] = toCanvas(t.x, t.y);
      const d = (x - mx) * (x - mx) + (y - my) * (y - my);
      if (d <= bestD) { best = t; bestD = d; }
    }
    return best;
  }

  function mouse(e) {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
  }

  let drag = null;
  canvas.addEventListener("mousedown", e => { const [x, y] = mouse(e); drag = { x, y, dx: state.dx, dy: state.dy, moved: false }; });
  window.addEventListener("mouseup", () => { setTimeout(() => { drag = null; }, 0); });
  canvas.addEventListener("mousemove", e => {
    const [x, y] = mouse(e);
    if (drag && (Math.abs(x - drag.x) > 3 || Math.abs(y - drag.y) > 3)) {
      drag.moved = true;
      state.dx = drag.dx + x - drag.x;
      state.dy = drag.dy + y - drag.y;
      draw();
      return;
    }
    const t = nearest(x, y, 8);
    if (t) {
      tooltip.hidden = false;
      tooltip.textContent = (t.title || t.id) + (t.artist ? " - " + t.artist : "") + (t.album ? " (" + t.album + ")" : "")
        + (t.label ? "  [" + t.label + "]" : "");
      tooltip.style.left = (x + 12) + "px";
      tooltip.style.top = (y + 12) + "px";
    } else {
      tooltip.hidden = true;
    }
  });
  canvas.addEventListener("mouseleave", () => { tooltip.hidden = true; });
  canvas.addEventListener("click", e => {
    if (drag && drag.moved) return;
    const [x, y] = mouse(e);
    const t = nearest(x, y, 10);
    if (t) select(t.id);
  });
  canvas.addEventListener("wheel", e => {
    e.preventDefault();
    const [x, y] = mouse(e);
    const factor = e.deltaY < 0 ? 1.2 : 1 / 1.2;
    state.dx = x - (x - state.dx) * factor;
    state.dy = y - (y - state.dy) * factor;
    state.scale *= factor;
    draw();
  }, { passive: false });

  async function select(id) {
    state.selected = id;
    state.upload = null;
    const chosen = state.byId.get(id);
    document.getElementById("selected-title").textContent = chosen && chosen.title
      ? chosen.title + (chosen.artist ? " - " + chosen.artist : "") : id;
    player.src = "/api/audio/" + encodeURI(id);
    player.play().catch(() => { /* autoplay may be blocked; the controls remain */ });
    await refreshNeighbours();
  }

  // One service answers both: /api/similar with the chosen filters, or /api/mix under the variety rules.
  async function refreshNeighbours() {
    const id = state.selected;
    if (!id) return;
    const mix = document.getElementById("opt-mix").checked;
    const mp = "&mutualProximity=" + document.getElementById("opt-mp").checked;
    const url = mix ? "/api/mix?count=10&seed=" + encodeURIComponent(id) + mp
      : "/api/similar/" + encodeURI(id) + "?k=10"
        + (document.getElementById("opt-artist").checked ? "&excludeSameArtist=true" : "") + mp;
    const response = await fetch(url);
    const body = await response.json();
    showNeighbours(response.ok ? body.results : [], response.ok ? null : body.error);
    document.getElementById("neighbours").dataset.source = url;
  }
  for (const o of ["opt-artist", "opt-mp", "opt-mix"]) {
    document.getElementById(o).addEventListener("change", refreshNeighbours);
  }

  function showNeighbours(results, error) {
    const list = document.getElementById("neighbours");
    list.replaceChildren();
    state.highlighted = new Set(results.map(r => r.id));
    if (error) {
      // The server's message may quote an id from the request: text, never markup.
      const li = document.createElement("li");
      li.textContent = error;
      list.append(li);
    }
    for (const r of results) {
      const li = document.createElement("li");
      li.className = "neighbour";
      const play = document.createElement("button");
      play.textContent = "\u25B6";
      play.title = "play";
      play.addEventListener("click", () => { player.src = "/api/audio/" + encodeURI(r.id); player.play().catch(() => {}); });
      const name = document.createElement("a");
      name.href = "#";
      name.textContent = (r.title || r.id) + (r.artist ? " - " + r.artist : "");
      name.title = r.id;
      name.addEventListener("click", e => { e.preventDefault(); select(r.id); });
      const sim = document.createElement("span");
      sim.className = "sim";
      sim.textContent = "  " + r.similarity.toFixed(3)
        + (r.mutualProximity != null ? "  mp " + r.mutualProximity.toFixed(2) : "") + (r.label ? "  " + r.label : "");
      li.append(play, name, sim);
      list.append(li);
    }
    draw();
  }

  const search = document.getElementById("search");
  const searchResults = document.getElementById("search-results");
  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    searchResults.innerHTML = "";
    if (!q) return;
    const matches = t => [t.id, t.title || "", t.artist || ""].some(s => s.toLowerCase().includes(q));
    for (const t of state.tracks.filter(matches).slice(0, 20)) {
      const li = document.createElement("li");
      li.textContent = (t.title || t.id) + (t.artist ? " - " + t.artist : "");
      li.addEventListener("click", () => { searchResults.innerHTML = ""; search.value = t.id; select(t.id); });
      searchResults.append(li);
    }
  });

  document.getElementById("upload").addEventListener("submit", async e => {
    e.preventDefault();
    const file = document.getElementById("upload-file").files[0];
    const status = document.getElementById("upload-status");
    if (!file) { status.textContent = "Choose an audio file first."; return; }
    status.textContent = "Embedding " + file.name + "...";
    const form = new FormData();
    form.append("file", file);
    const response = await fetch("/api/query?k=10", { method: "POST", body: form });
    const body = await response.json();
    if (!response.ok) { status.textContent = body.error; return; }
    status.textContent = file.name + " lands at the star.";
    state.selected = null;
    state.upload = { x: body.x, y: body.y };
    document.getElementById("selected-title").textContent = file.name + " (uploaded)";
    showNeighbours(body.results, null);
  });

  fetch("/api/tracks").then(r => {
    // The session ended (logout elsewhere, password changed, server restarted): log in again.
    if (r.status === 401) { window.location.assign("/login"); throw new Error("not logged in"); }
    return r.json();
  }).then(body => {
    if (body.user) {
      const user = document.getElementById("user");
      user.textContent = body.user;
      user.hidden = false;
      document.getElementById("logout").hidden = false;
    }
    // The index's measured best ranking is the starting choice; the box turns it on or off.
    document.getElementById("opt-mp").checked = body.mutualProximity;
    state.tracks = body.tracks;
    state.labels = body.labels;
    for (const t of state.tracks) state.byId.set(t.id, t);
    document.getElementById("status").textContent = body.tracks.length + " tracks, model " + body.model;
    const legend = document.getElementById("legend");
    for (const l of state.labels) {
      const span = document.createElement("span");
      span.style.setProperty("--c", colour(l));
      span.textContent = l + " (" + state.tracks.filter(t => t.label === l).length + ")";
      legend.append(span);
    }
    fit();
    draw();
    api.ready = true;
  });
})();
