// Task-by-task navigation: j/k or arrow keys, w for the next task needing a
// look, clicks on outlines and records; the current task is kept in the URL.
(function () {
  "use strict";
  // A page's drawing waits as raw text until the page is needed.
  function draw(page) {
    var data = page && page.querySelector("script.page-svg");
    if (!data) return;
    page.querySelector("svg.sheet").innerHTML = data.textContent;
    data.remove();
  }
  var pending = Array.prototype.slice.call(document.querySelectorAll(".source .page"));
  function drawAll() { pending.forEach(draw); }
  window.nhiemvuDrawAll = drawAll;
  window.addEventListener("beforeprint", drawAll);
  // The first pages now, the others as they come near the screen.
  pending.slice(0, 2).forEach(draw);
  if ("IntersectionObserver" in window) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { draw(e.target); seen.unobserve(e.target); }
      });
    }, { rootMargin: "1500px 0px" });
    pending.slice(2).forEach(function (p) { seen.observe(p); });
  } else {
    drawAll();
  }
  var cards = Array.prototype.slice.call(document.querySelectorAll(".records .task"));
  var index = {};
  cards.forEach(function (c, i) { index[c.dataset.task] = i; });
  var cur = -1;
  function marks(id) {
    return document.querySelectorAll('.source [data-tasks~="' + id + '"]');
  }
  function select(k, scroll) {
    if (k < 0 || k >= cards.length) return;
    document.querySelectorAll(".current").forEach(function (e) { e.classList.remove("current"); });
    cur = k;
    var card = cards[k], id = card.dataset.task;
    draw(document.getElementById("page-" + card.dataset.page));
    var found = marks(id);
    card.classList.add("current");
    found.forEach(function (e) { e.classList.add("current"); });
    if (scroll) {
      card.scrollIntoView({ block: "nearest" });
      var target = found[0] || document.getElementById("page-" + card.dataset.page);
      if (target) target.scrollIntoView({ block: "center" });
    }
    if (history.replaceState) history.replaceState(null, "", "#task-" + id);
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var next = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[e.key];
    if (next) {
      select(Math.min(Math.max(cur + next, 0), cards.length - 1), true);
      e.preventDefault();
    } else if (e.key === "w") {
      for (var k = cur + 1; k < cards.length; k++) {
        if (cards[k].classList.contains("attention")) { select(k, true); break; }
      }
    }
  });
  document.addEventListener("click", function (e) {
    var mark = e.target.closest(".source [data-tasks]");
    if (mark) {
      var k = index[mark.getAttribute("data-tasks").split(" ")[0]];
      if (k !== undefined) { select(k, false); cards[k].scrollIntoView({ block: "nearest" }); }
      return;
    }
    var card = e.target.closest(".records .task");
    if (card) { select(index[card.dataset.task], true); return; }
    var warning = e.target.closest(".summary .warning[data-page]");
    if (warning) {
      var page = document.getElementById("page-" + warning.dataset.page);
      if (page) page.scrollIntoView({ block: "start" });
    }
  });
  var m = /^#task-(\d+)$/.exec(location.hash);
  if (m && index[m[1]] !== undefined) select(index[m[1]], true);
})();
