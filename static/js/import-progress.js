// The import job page: while the background import runs, ask for its progress every second
// and move the bar; when it is done, reload to show the result. No library, no CDN.
(function () {
  "use strict";
  var box = document.querySelector("[data-import-progress]");
  if (!box) {
    return;
  }
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-import-progress-text]");
  var url = box.getAttribute("data-import-progress");
  var template = text.getAttribute("data-template");

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (state) {
        if (!state) {
          window.setTimeout(poll, 3000);
          return;
        }
        if (state.total) {
          bar.max = state.total;
          bar.value = state.done;
          text.textContent = template
            .replace("%(done)s", state.done)
            .replace("%(total)s", state.total);
        }
        if (state.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }
  window.setTimeout(poll, 500);
})();
