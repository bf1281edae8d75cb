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
      pending.push(
        window.vegaEmbed(el, spec, { actions: false, renderer: "svg" })
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
