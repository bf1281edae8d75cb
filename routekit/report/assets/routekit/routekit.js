/* routekit report runtime: draws the Vega-Lite charts that embed.show_chart put on the page.
 * Specs sit in <script type="application/json" class="rk-spec"> next to an empty .rk-vega
 * container, so the page needs no inline JavaScript and no network. When every chart has
 * drawn (or failed), window.routekitReady becomes true: the PDF printer waits for it. */
(function () {
  "use strict";
  function renderAll() {
    var containers = document.querySelectorAll(".rk-vega");
    var pending = [];
    containers.forEach(function (el) {
      if (el.dataset.rkDone) { return; }
      el.dataset.rkDone = "1";
      var holder = el.parentNode.querySelector("script.rk-spec");
      if (!holder || typeof window.vegaEmbed !== "function") {
        el.classList.add("rk-error");
        window.routekitErrors = (window.routekitErrors || 0) + 1;
        return;
      }
      var spec = JSON.parse(holder.textContent);
      // The chart is one image named by its alternative text (the container's aria-label):
      // Vega's own ARIA marks are switched off, since empty mark groups would be unnamed
      // images, and vega-embed's generic "Vega visualization" label is put back to ours.
      spec.config = Object.assign({}, spec.config || {}, { aria: false });
      var altText = el.getAttribute("aria-label");
      pending.push(
        window.vegaEmbed(el, spec, { actions: false, renderer: "svg" })
          .then(function () {
            el.setAttribute("role", "img");
            el.removeAttribute("aria-roledescription");
            if (altText) { el.setAttribute("aria-label", altText); }
            var svg = el.querySelector("svg");
            if (svg) { svg.setAttribute("aria-hidden", "true"); }
            // a chart wider than the page scrolls; a keyboard user must be able to reach it
            if (el.scrollWidth > el.clientWidth + 1) { el.setAttribute("tabindex", "0"); }
          })
          .catch(function (err) {
            el.classList.add("rk-error");
            window.routekitErrors = (window.routekitErrors || 0) + 1;
            console.error("routekit chart failed", err);
          })
      );
    });
    Promise.all(pending).then(function () {
      window.routekitReady = true;
      document.documentElement.classList.add("rk-ready");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
