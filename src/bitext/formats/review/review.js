// bitext review page: filters, j/k navigation, path picture → bead. No network, no libraries.
(function () {
  "use strict";
  const beads = Array.from(document.querySelectorAll("article.bead"));
  const byNumber = new Map(beads.map((el) => [el.dataset.bead, el]));
  const doubtfulBox = document.getElementById("doubtful");
  const shown = document.getElementById("shown");
  const svg = document.getElementById("path");
  const segments = svg ? Array.from(svg.querySelectorAll("line[data-bead]")) : [];
  const state = { doubtful: false, code: null };
  let current = null;

  function matches(el) {
    if (state.doubtful && el.dataset.doubtful !== "1") return false;
    if (state.code && !el.dataset.codes.split(" ").includes(state.code)) return false;
    return true;
  }

  function applyFilters() {
    let count = 0;
    for (const el of beads) {
      const show = matches(el);
      el.hidden = !show;
      if (show) count += 1;
    }
    shown.textContent = count + " of " + beads.length + " beads shown";
  }

  function focusBead(el) {
    if (!el) return;
    if (el.hidden) {  // a jump to a bead the filter hides: drop the filter rather than go nowhere
      state.doubtful = false; state.code = null; doubtfulBox.checked = false;
      document.querySelectorAll("button.code").forEach((b) => b.setAttribute("aria-pressed", "false"));
      applyFilters();
    }
    if (current) current.classList.remove("current");
    current = el;
    el.classList.add("current");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
    segments.forEach((s) => s.classList.toggle("current", s.dataset.bead === el.dataset.bead));
    history.replaceState(null, "", "#b" + el.dataset.bead);
  }

  function step(direction) {
    const visible = beads.filter((el) => !el.hidden);
    if (!visible.length) return;
    let index = current ? visible.indexOf(current) : -1;
    if (index === -1) {  // nothing focused (or it was filtered out): start from what is on screen
      const top = window.innerHeight * 0.2;
      index = visible.findIndex((el) => el.getBoundingClientRect().bottom > top);
      if (index === -1) index = visible.length - 1;
      else if (direction > 0 && current === null) index -= 1;
    }
    const next = Math.min(Math.max(index + direction, 0), visible.length - 1);
    focusBead(visible[next]);
  }

  doubtfulBox.addEventListener("change", () => { state.doubtful = doubtfulBox.checked; applyFilters(); });
  document.querySelectorAll("button.code").forEach((button) => {
    button.addEventListener("click", () => {
      const on = state.code !== button.dataset.code;
      document.querySelectorAll("button.code").forEach((b) => b.setAttribute("aria-pressed", "false"));
      state.code = on ? button.dataset.code : null;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      applyFilters();
    });
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" && event.target.type !== "checkbox") return;
    if (tag === "textarea" || tag === "select") return;
    if (event.key === "j") { step(1); event.preventDefault(); }
    else if (event.key === "k") { step(-1); event.preventDefault(); }
    else if (event.key === "d") { doubtfulBox.click(); event.preventDefault(); }
  });

  // The path picture: a click picks the segment nearest to the pointer, measured in screen pixels.
  if (svg) {
    svg.addEventListener("click", (event) => {
      const box = svg.getBoundingClientRect();
      const view = svg.viewBox.baseVal;
      const sx = box.width / view.width, sy = box.height / view.height;
      const px = event.clientX - box.left, py = event.clientY - box.top;
      let best = null, bestDistance = Infinity;
      for (const s of segments) {
        const x1 = s.x1.baseVal.value * sx, y1 = s.y1.baseVal.value * sy;
        const x2 = s.x2.baseVal.value * sx, y2 = s.y2.baseVal.value * sy;
        const d = distanceToSegment(px, py, x1, y1, x2, y2);
        if (d < bestDistance) { bestDistance = d; best = s; }
      }
      if (best) focusBead(byNumber.get(best.dataset.bead));
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

  applyFilters();
  if (location.hash && byNumber.get(location.hash.replace("#b", ""))) focusBead(byNumber.get(location.hash.slice(2)));
})();
