// Procedure diagrams on portal pages: zoom (the diagram is drawn at its natural size, text at 11 px and more), full screen,
// and a mark on a diagram wider than its box. Without this script the diagram still shows at natural size and scrolls.
(function () {
  "use strict";
  var steps = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3];
  function button(text, label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    if (label) b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }
  document.querySelectorAll("figure.bpmn").forEach(function (figure) {
    var canvas = figure.querySelector(".canvas");
    var svg = canvas && canvas.querySelector("svg");
    var tools = figure.querySelector(".diagram-tools");
    var hint = figure.querySelector(".scroll-hint");
    if (!svg || !tools) return;
    var natural = parseFloat(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
    var at = steps.indexOf(1);
    var level = document.createElement("span");
    level.className = "zoom-level";
    level.setAttribute("role", "status");
    function mark() {
      var scrolls = canvas.scrollWidth > canvas.clientWidth + 1;
      figure.classList.toggle("scrolls", scrolls);
      figure.classList.toggle("at-end", scrolls && canvas.scrollLeft + canvas.clientWidth >= canvas.scrollWidth - 1);
      if (hint) hint.hidden = !scrolls;
    }
    function zoom(index) {
      at = Math.max(0, Math.min(steps.length - 1, index));
      svg.style.width = Math.round(natural * steps[at]) + "px"; // CSSOM, which the page's style policy allows
      level.textContent = Math.round(steps[at] * 100) + " %";
      mark();
    }
    tools.append(
      button("−", "Zoom out", function () { zoom(at - 1); }),
      button("100 %", "Actual size", function () { zoom(steps.indexOf(1)); }),
      button("+", "Zoom in", function () { zoom(at + 1); }),
      level);
    if (document.fullscreenEnabled && figure.requestFullscreen) {
      tools.append(button("Full screen", null, function () {
        if (document.fullscreenElement === figure) document.exitFullscreen(); else figure.requestFullscreen();
      }));
      document.addEventListener("fullscreenchange", mark);
    }
    tools.hidden = false;
    canvas.addEventListener("scroll", mark, { passive: true });
    if (window.ResizeObserver) new ResizeObserver(mark).observe(canvas);
    zoom(at);
  });
})();
