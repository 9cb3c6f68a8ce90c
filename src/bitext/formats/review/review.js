// bitext review page: filters, j/k navigation, path picture → bead, and the alignment editor
// (merge, split, move, confirm, undo/redo, autosave, save corrections). No network, no libraries.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("bitext-data").textContent);
  const main = document.getElementById("beads");
  const doubtfulBox = document.getElementById("doubtful");
  const orderBox = document.getElementById("by-confidence");
  const shown = document.getElementById("shown");
  const progress = document.getElementById("progress");
  const svg = document.getElementById("path");
  const SVG_NS = svg ? svg.namespaceURI : "";  // the namespace of the inline <svg>, not written out here
  const STORE = "bitext-edits:" + data.zh.sha256 + ":" + data.en.sha256;
  const state = { doubtful: false, code: null, hidden: new Set(), byConfidence: false };
  const undoStack = [], redoStack = [];
  let current = null;  // the current bead object

  // -- beads: plain objects {z0, z1, e0, e1, score, status, time}; one element and one path line per shape ----
  const elements = new Map(), lines = new Map();
  const key = (b) => b.z0 + "-" + b.z1 + ":" + b.e0 + "-" + b.e1;
  const numbers = new WeakMap();  // element → its number link, found once
  let beads = data.beads.map(([z0, z1, e0, e1, score, status]) => ({ z0, z1, e0, e1, score, status, time: "" }));
  const serverBeads = Array.from(main.querySelectorAll("article.bead"));
  const serverLines = svg ? Array.from(svg.querySelectorAll("line[data-bead]")) : [];
  beads.forEach((b, n) => { elements.set(key(b), serverBeads[n]); if (serverLines[n]) lines.set(key(b), serverLines[n]); });

  function textOf(side, start, end) {
    const doc = data[side];
    let text = "";
    for (let i = start; i < end; i += 1) text += (i > start ? doc.gaps[i - 1] : "") + doc.sentences[i];
    return text.replace(/[\x00-\x08\x0b-\x1f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0))).replace(/\x7f/g, "\u2421");
  }

  function confidenceClass(score) {
    return score >= data.high ? "conf-high" : score >= data.low ? "conf-mid" : "conf-low";
  }

  function elementOf(b) {
    let el = elements.get(key(b));
    if (!el) {  // a shape made here: drawn from the sentence texts (entity marks and old flags do not apply)
      el = document.createElement("article");
      el.className = "bead made";
      el.tabIndex = -1;
      el.dataset.zh = b.z0 + "-" + b.z1; el.dataset.en = b.e0 + "-" + b.e1;
      el.dataset.codes = ""; el.dataset.flags = ""; el.dataset.score = String(b.score);
      const meta = document.createElement("div"); meta.className = "meta";
      const num = document.createElement("a"); num.className = "num";
      const type = document.createElement("span"); type.className = "type";
      type.textContent = (b.z1 - b.z0) + "-" + (b.e1 - b.e0);
      const score = document.createElement("span"); score.className = "score"; score.textContent = "–";
      const status = document.createElement("span"); status.className = "status";
      meta.append(num, type, score, status);
      const zh = document.createElement("div"); zh.className = "zh"; zh.lang = data.zhLang;
      zh.textContent = textOf("zh", b.z0, b.z1);
      const en = document.createElement("div"); en.className = "en"; en.lang = "en";
      en.textContent = textOf("en", b.e0, b.e1);
      el.append(meta, zh, en);
      elements.set(key(b), el);
      refresh(b, el);
    }
    return el;  // shared by every bead object of this shape: only the one in the list refreshes it
  }

  function refresh(b, el) {
    if (svg) lineOf(b).setAttribute("class", confidenceClass(b.score) + " st-" + b.status);
    el.dataset.status = b.status;
    el.classList.remove("st-automatic", "st-edited", "st-confirmed");
    el.classList.add("st-" + b.status);
    el.querySelector(".status").textContent = b.status === "automatic" ? "" : b.status;
    el.dataset.doubtful = doubtful(b, el) ? "1" : "0";
  }

  function lineOf(b) {
    let line = lines.get(key(b));
    if (!line) {
      line = document.createElementNS(SVG_NS, "line");
      line.setAttribute("x1", b.z0); line.setAttribute("y1", b.e0);
      line.setAttribute("x2", b.z1); line.setAttribute("y2", b.e1);
      lines.set(key(b), line);
    }
    return line;
  }

  function doubtful(b, el) {
    if (b.status !== "automatic") return false;  // a person decided this bead
    if (b.score < data.low || b.z0 === b.z1 || b.e0 === b.e1) return true;
    return (el.dataset.flags || "").split(" ").some((f) => {
      const [level, code] = f.split(":");
      return (level === "error" || level === "warning") && !state.hidden.has(code);
    });
  }

  // After an edit every later bead's number changes. Ids and data-bead (what the script and links use) are set
  // at once; the visible "#n" text costs a layout per bead, so it is written at once only near the edit (what is
  // on screen) and for the rest a little later, in slices, or as soon as the browser draws that bead.
  const NEAR = 60, SLICE = 400;
  let staleFrom = Infinity, sweeping = 0;

  function showNumber(el) {
    let num = numbers.get(el);
    if (!num) { num = el.querySelector(".num"); numbers.set(el, num); }
    const label = "#" + el.dataset.bead;
    if (num.textContent !== label) { num.textContent = label; num.href = "#b" + el.dataset.bead; }
  }

  function renumber(from) {
    for (let n = from; n < beads.length; n += 1) {
      const el = elementOf(beads[n]);
      if (el.dataset.bead !== String(n)) { el.id = "b" + n; el.dataset.bead = String(n); }
      if (n < from + NEAR) showNumber(el);
      const line = lineOf(beads[n]);
      if (line.dataset.bead !== String(n)) line.dataset.bead = String(n);
    }
    staleFrom = Math.min(staleFrom, from + NEAR);
    if (staleFrom < beads.length && !sweeping) sweeping = setTimeout(sweep, 0);
  }

  function sweep() {
    const end = Math.min(beads.length, staleFrom + SLICE);
    for (let n = staleFrom; n < end; n += 1) showNumber(elementOf(beads[n]));
    staleFrom = end >= beads.length ? Infinity : end;
    sweeping = staleFrom < beads.length ? setTimeout(sweep, 0) : 0;
  }

  // Drawn before the sweep reaches it (a jump, the least-sure-first view): its number is written then.
  main.addEventListener("contentvisibilityautostatechange", (event) => {
    if (!event.skipped && event.target.matches("article.bead")) showNumber(event.target);
  }, true);

  // -- edits: each is a splice {at, removed, added}; undo splices back ---------------------------------------
  function splice(at, removed, added) {
    beads.splice(at, removed.length, ...added);
    for (const b of removed) { elementOf(b).remove(); if (svg) lineOf(b).remove(); }
    const after = beads[at + added.length];
    const nextEl = after ? elementOf(after) : null, nextLine = after && svg ? lineOf(after) : null;
    for (const b of added) {
      refresh(b, elementOf(b));
      main.insertBefore(elementOf(b), nextEl);
      if (svg) svg.insertBefore(lineOf(b), nextLine);
    }
    renumber(at);
  }

  function perform(at, count, added, focus) {
    const removed = beads.slice(at, at + count);
    const op = { at, removed, added, before: current };
    splice(at, removed, added);
    undoStack.push(op); redoStack.length = 0;
    changed(added[Math.min(focus || 0, added.length - 1)] || beads[Math.min(at, beads.length - 1)]);
  }

  function undo() {
    const op = undoStack.pop();
    if (!op) return;
    splice(op.at, op.added, op.removed);
    redoStack.push(op);
    changed(op.before && beads.includes(op.before) ? op.before : op.removed[0]);
  }

  function redo() {
    const op = redoStack.pop();
    if (!op) return;
    splice(op.at, op.removed, op.added);
    undoStack.push(op);
    changed(op.added[0]);
  }

  function changed(focus) {
    autosave();
    count();
    if (state.byConfidence) order();
    if (state.doubtful || state.code) applyFilters();  // else every bead is shown: only the count changes
    else shown.textContent = beads.length + " of " + beads.length + " beads shown";
    if (focus) select(focus, true);
  }

  const now = () => new Date().toISOString();
  const made = (z0, z1, e0, e1) => ({ z0, z1, e0, e1, score: 1, status: "edited", time: now() });
  const empty = (b) => b.z0 === b.z1 && b.e0 === b.e1;

  function mergeNext(k) {
    if (k < 0 || k + 1 >= beads.length) return;
    const a = beads[k], b = beads[k + 1];
    perform(k, 2, [made(a.z0, b.z1, a.e0, b.e1)]);
  }

  function split(k, zhCut, enCut) {
    const b = beads[k];
    const first = made(b.z0, b.z0 + zhCut, b.e0, b.e0 + enCut), second = made(b.z0 + zhCut, b.z1, b.e0 + enCut, b.e1);
    if (empty(first) || empty(second)) return;
    perform(k, 1, [first, second]);
  }

  // The first sentence of one side goes to the previous bead, or the last one to the next; a bead left with
  // no sentence disappears.
  function move(k, side, direction) {
    const b = beads[k], other = beads[k + direction];
    if (!b || !other) return;
    const s0 = side + "0", s1 = side + "1";
    if (b[s0] === b[s1]) return;
    const rest = Object.assign({}, b), neighbour = Object.assign({}, other);
    if (direction < 0) { rest[s0] += 1; neighbour[s1] += 1; } else { rest[s1] -= 1; neighbour[s0] -= 1; }
    const pieces = direction < 0 ? [neighbour, rest] : [rest, neighbour];
    const added = pieces.filter((p) => !empty(p)).map((p) => made(p.z0, p.z1, p.e0, p.e1));
    perform(Math.min(k, k + direction), 2, added, direction < 0 ? added.length - 1 : 0);
  }

  function confirm(k) {
    const b = beads[k];
    if (!b || b.status === "edited") return;
    const status = b.status === "confirmed" ? "automatic" : "confirmed";
    perform(k, 1, [Object.assign({}, b, { status, time: status === "confirmed" ? now() : "" })]);
  }

  // -- split panel: the cut on each side ------------------------------------------------------------------
  const panel = document.createElement("form");
  panel.className = "split-panel";
  panel.innerHTML = '<label>中 <select name="zh"></select></label> <label>EN <select name="en"></select></label> ' +
    '<button type="submit">split here</button> <button type="button" name="cancel">cancel</button> ' +
    '<output name="note"></output>';

  function cutOptions(select, side, start, end) {
    select.textContent = "";
    for (let cut = 0; cut <= end - start; cut += 1) {
      const option = document.createElement("option");
      const before = cut ? textOf(side, start + cut - 1, start + cut) : "";
      option.value = String(cut);
      option.textContent = cut === 0 ? "0: nothing in the first part" : cut + ": …" + before.slice(-24);
      select.append(option);
    }
  }

  function openSplit() {
    const b = current;
    if (!b || (b.z1 - b.z0) + (b.e1 - b.e0) < 2) return;
    cutOptions(panel.elements.zh, "zh", b.z0, b.z1);
    cutOptions(panel.elements.en, "en", b.e0, b.e1);
    // A first guess that is always a valid cut: one Chinese sentence (and one English) in the first part.
    const zhCount = b.z1 - b.z0, enCount = b.e1 - b.e0;
    const [zhCut, enCut] = zhCount >= 2 ? [1, Math.min(1, enCount)] : enCount >= 2 ? [zhCount, 1] : [1, 0];
    panel.elements.zh.value = String(zhCut);
    panel.elements.en.value = String(enCut);
    panel.elements.note.value = "";
    elementOf(b).append(panel);
    panel.elements.zh.focus();
  }

  panel.addEventListener("submit", (event) => {
    event.preventDefault();
    const k = beads.indexOf(current);
    const zhCut = Number(panel.elements.zh.value), enCut = Number(panel.elements.en.value);
    const b = beads[k];
    if (!b) { panel.remove(); return; }
    if (zhCut + enCut === 0 || zhCut + enCut === (b.z1 - b.z0) + (b.e1 - b.e0)) {
      panel.elements.note.value = "each part needs at least one sentence";
      return;
    }
    panel.remove();
    split(k, zhCut, enCut);
  });
  panel.elements.cancel.addEventListener("click", () => { panel.remove(); if (current) elementOf(current).focus(); });
  panel.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Escape") { panel.remove(); if (current) elementOf(current).focus(); }
    else if (event.key === "Enter" && event.target.tagName !== "BUTTON") { event.preventDefault(); panel.requestSubmit(); }
  });

  // -- saving: local storage on every edit, the corrections file on request ----------------------------------
  function decided() {
    return beads.filter((b) => b.status !== "automatic");
  }

  function autosave() {
    try {
      localStorage.setItem(STORE, JSON.stringify({
        version: data.version, saved: now(), beads: decided().map((b) => [b.z0, b.z1, b.e0, b.e1, b.status, b.time]),
      }));
    } catch (error) { /* storage full or refused (private mode): the corrections file still saves */ }
  }

  function restore() {
    let stored;
    try { stored = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (error) { stored = null; }
    if (!stored || stored.version !== data.version || !Array.isArray(stored.beads) || !stored.beads.length) return;
    const fixed = stored.beads.map(([z0, z1, e0, e1, status, time]) => ({ z0, z1, e0, e1, score: 1, status, time }));
    const zhTaken = new Set(), enTaken = new Set();
    for (const b of fixed) {
      for (let i = b.z0; i < b.z1; i += 1) zhTaken.add(i);
      for (let j = b.e0; j < b.e1; j += 1) enTaken.add(j);
    }
    const touches = (b) => { for (let i = b.z0; i < b.z1; i += 1) if (zhTaken.has(i)) return true;
      for (let j = b.e0; j < b.e1; j += 1) if (enTaken.has(j)) return true; return false; };
    const kept = beads.filter((b) => !touches(b));
    const merged = kept.concat(fixed).sort((a, b) => a.z0 - b.z0 || a.e0 - b.e0);
    let z = 0, e = 0;  // a stored state that does not cover both documents once, in order, is not used
    for (const b of merged) { if (b.z0 !== z || b.e0 !== e) return; z = b.z1; e = b.e1; }
    if (z !== data.zh.sentences.length || e !== data.en.sentences.length) return;
    splice(0, beads.slice(), merged);
  }

  function corrections() {
    const saved = now();
    return {
      format: data.format, version: data.version, saved,
      zh: { name: data.zh.name, sha256: data.zh.sha256, content_sha256: data.zh.content_sha256,
        sentences: data.zh.sentences.length },
      en: { name: data.en.name, sha256: data.en.sha256, content_sha256: data.en.content_sha256,
        sentences: data.en.sentences.length },
      beads: decided().map((b) => ({
        zh: range(b.z0, b.z1), en: range(b.e0, b.e1), at: [b.z0, b.e0], status: b.status, time: b.time || saved,
        zh_text: range(b.z0, b.z1).map((i) => data.zh.sentences[i]),
        en_text: range(b.e0, b.e1).map((j) => data.en.sentences[j]),
      })),
    };
  }

  function range(start, end) { const out = []; for (let i = start; i < end; i += 1) out.push(i); return out; }

  function save() {
    const blob = new Blob([JSON.stringify(corrections(), null, 1)], { type: "application/json" });
    const link = document.createElement("a");
    const name = (data.zh.name || "alignment").split(/[\\/]/).pop();
    link.href = URL.createObjectURL(blob);
    link.download = name + ".corrections.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function discard() {
    if (!window.confirm("Forget every edit of this page kept in this browser? Save corrections first to keep them.")) return;
    try { localStorage.removeItem(STORE); } catch (error) { /* nothing stored */ }
    location.reload();
  }

  function count() {
    let confirmed = 0, edited = 0;
    for (const b of beads) { if (b.status === "confirmed") confirmed += 1; else if (b.status === "edited") edited += 1; }
    progress.textContent = confirmed + " confirmed · " + edited + " changed · " +
      (beads.length - confirmed - edited) + " left to check";
  }

  // -- views: filters and the least-sure-first order ------------------------------------------------------
  function matches(b) {
    const el = elementOf(b);
    if (state.doubtful && el.dataset.doubtful !== "1") return false;
    if (state.code && !el.dataset.codes.split(" ").includes(state.code)) return false;
    return true;
  }

  function applyFilters() {
    let shownCount = 0;
    for (const b of beads) {
      const show = matches(b);
      const el = elementOf(b);
      if (el.hidden === show) el.hidden = !show;
      if (show) shownCount += 1;
    }
    shown.textContent = shownCount + " of " + beads.length + " beads shown";
  }

  function ordered() {
    if (!state.byConfidence) return beads;
    const rank = (b) => (b.status === "automatic" ? b.score : 2);
    return beads.map((b, n) => [b, n]).sort((x, y) => rank(x[0]) - rank(y[0]) || x[1] - y[1]).map((x) => x[0]);
  }

  function order() {
    main.classList.toggle("by-confidence", state.byConfidence);
    ordered().forEach((b, n) => { elementOf(b).style.order = state.byConfidence ? String(n) : ""; });
  }

  // -- navigation --------------------------------------------------------------------------------------------
  function select(b, scroll) {
    if (!b) return;
    const el = elementOf(b);
    if (el.hidden) {  // a jump to a bead the filter hides: drop the filter rather than go nowhere
      state.doubtful = false; state.code = null; doubtfulBox.checked = false;
      document.querySelectorAll("button.code").forEach((x) => x.setAttribute("aria-pressed", "false"));
      applyFilters();
    }
    if (current && elements.get(key(current))) elementOf(current).classList.remove("current");
    if (current && svg && lines.get(key(current))) lineOf(current).classList.remove("current");
    current = b;
    el.classList.add("current");
    if (svg) lineOf(b).classList.add("current");
    el.focus({ preventScroll: true });
    if (scroll) el.scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#b" + el.dataset.bead);
  }

  function step(direction) {
    const visible = ordered().filter((b) => !elementOf(b).hidden);
    if (!visible.length) return;
    let index = current ? visible.indexOf(current) : -1;
    if (index === -1) {  // nothing focused (or it was filtered out): start from what is on screen
      const top = window.innerHeight * 0.2;
      index = visible.findIndex((b) => elementOf(b).getBoundingClientRect().bottom > top);
      if (index === -1) index = visible.length - 1;
      else if (direction > 0 && current === null) index -= 1;
    }
    select(visible[Math.min(Math.max(index + direction, 0), visible.length - 1)], true);
  }

  doubtfulBox.addEventListener("change", () => { state.doubtful = doubtfulBox.checked; applyFilters(); });
  orderBox.addEventListener("change", () => { state.byConfidence = orderBox.checked; order(); });
  document.querySelectorAll("button.code").forEach((button) => {
    button.addEventListener("click", () => {
      const on = state.code !== button.dataset.code;
      document.querySelectorAll("button.code").forEach((b) => b.setAttribute("aria-pressed", "false"));
      state.code = on ? button.dataset.code : null;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      applyFilters();
    });
  });
  document.querySelectorAll("input.hide-code").forEach((box) => {
    box.addEventListener("change", () => {
      if (box.checked) state.hidden.add(box.value); else state.hidden.delete(box.value);
      document.querySelectorAll('li.flag[data-code="' + CSS.escape(box.value) + '"]').forEach((li) => { li.hidden = box.checked; });
      beads.forEach((b) => refresh(b, elementOf(b)));  // doubtful again without the hidden codes
      applyFilters();
    });
  });

  const actions = {
    "merge-next": () => mergeNext(beads.indexOf(current)),
    "merge-prev": () => mergeNext(beads.indexOf(current) - 1),
    split: openSplit,
    "zh-first-prev": () => move(beads.indexOf(current), "z", -1),
    "zh-last-next": () => move(beads.indexOf(current), "z", 1),
    "en-first-prev": () => move(beads.indexOf(current), "e", -1),
    "en-last-next": () => move(beads.indexOf(current), "e", 1),
    confirm: () => confirm(beads.indexOf(current)),
    undo, redo, save, discard,
  };
  const keys = { m: "merge-next", M: "merge-prev", s: "split", "[": "zh-first-prev", "]": "zh-last-next",
    "{": "en-first-prev", "}": "en-last-next", c: "confirm", u: "undo", r: "redo", S: "save" };
  const needsBead = new Set(["merge-next", "merge-prev", "split", "zh-first-prev", "zh-last-next", "en-first-prev",
    "en-last-next", "confirm"]);

  function act(name) {
    if (needsBead.has(name) && !current) return;
    actions[name]();
  }

  document.querySelectorAll(".editbar button[data-action]").forEach((button) => {
    button.addEventListener("mousedown", (event) => event.preventDefault());  // keep the bead focused
    button.addEventListener("click", () => act(button.dataset.action));
  });

  document.addEventListener("keydown", (event) => {
    const tag = (event.target.tagName || "").toLowerCase();
    if ((tag === "input" && event.target.type !== "checkbox") || tag === "textarea" || tag === "select") return;
    if (event.ctrlKey || event.metaKey) {
      const k = event.key.toLowerCase();
      if (k === "z" && !event.shiftKey) { act("undo"); event.preventDefault(); }
      else if (k === "y" || (k === "z" && event.shiftKey)) { act("redo"); event.preventDefault(); }
      return;
    }
    if (event.altKey) return;
    if (event.key === "j") { step(1); event.preventDefault(); }
    else if (event.key === "k") { step(-1); event.preventDefault(); }
    else if (event.key === "d") { doubtfulBox.click(); event.preventDefault(); }
    else if (event.key === "o") { orderBox.click(); event.preventDefault(); }
    else if (keys[event.key]) { act(keys[event.key]); event.preventDefault(); }
  });

  main.addEventListener("click", (event) => {
    if (event.target.closest(".split-panel")) return;
    const el = event.target.closest("article.bead");
    if (el) { const b = beads[Number(el.dataset.bead)]; if (b) select(b, false); }
  });

  // The path picture: a click picks the segment nearest to the pointer, measured in screen pixels.
  if (svg) {
    svg.addEventListener("click", (event) => {
      const box = svg.getBoundingClientRect();
      const view = svg.viewBox.baseVal;
      const sx = box.width / view.width, sy = box.height / view.height;
      const px = event.clientX - box.left, py = event.clientY - box.top;
      let best = null, bestDistance = Infinity;
      for (const b of beads) {
        const d = distanceToSegment(px, py, b.z0 * sx, b.e0 * sy, b.z1 * sx, b.e1 * sy);
        if (d < bestDistance) { bestDistance = d; best = b; }
      }
      if (best) select(best, true);
    });
  }

  function distanceToSegment(px, py, x1, y1, x2, y2) {
    const dx = x2 - x1, dy = y2 - y1;
    const length = dx * dx + dy * dy;
    const t = length ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / length)) : 0;
    return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
  }

  // Hovering a name lights up its counterpart in the same bead.
  document.addEventListener("mouseover", (event) => {
    const mark = event.target.closest && event.target.closest("mark.ent");
    document.querySelectorAll("mark.ent.active").forEach((m) => m.classList.remove("active"));
    if (!mark) return;
    const bead = mark.closest("article.bead");
    bead.querySelectorAll('mark.ent[data-ent="' + mark.dataset.ent + '"]').forEach((m) => m.classList.add("active"));
  });

  restore();
  count();
  applyFilters();
  const start = location.hash && beads[Number(location.hash.slice(2))];
  if (start) select(start, true);
})();
