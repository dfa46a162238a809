/*
 * The inquiry form embedded in product and IKM pages. Those pages are cached and shared by
 * every visitor, so the form comes without its CSRF token and fill-time token; this script
 * fetches fresh ones (never cached) when the buyer starts on the form, and before sending.
 * Without JavaScript the form page /tanya/<id>/ (linked in a <noscript>) carries its tokens.
 */
(function () {
    "use strict";
    if (!window.fetch) { return; }
    var forms = document.querySelectorAll("form.inquiry-form[data-token-url]");
    Array.prototype.forEach.call(forms, function (form) {
        var pending = null;
        var ready = false;

        function fetchTokens() {
            if (!pending) {
                pending = fetch(form.getAttribute("data-token-url"), {
                    credentials: "same-origin",
                    headers: { "Accept": "application/json" }
                }).then(function (response) {
                    if (!response.ok) { throw new Error("HTTP " + response.status); }
                    return response.json();
                }).then(function (tokens) {
                    Object.keys(tokens).forEach(function (name) {
                        var input = form.querySelector('input[name="' + name + '"]');
                        if (input) { input.value = tokens[name]; }
                    });
                    ready = true;
                }).catch(function () {
                    pending = null; // the server answers a post without tokens with a clear error
                });
            }
            return pending;
        }

        form.addEventListener("focusin", fetchTokens, { once: true });
        form.addEventListener("pointerdown", fetchTokens, { once: true });
        form.addEventListener("submit", function (event) {
            if (ready) { return; }
            event.preventDefault();
            var submitter = event.submitter || null;
            var send = function () {
                ready = true;
                if (form.requestSubmit) { form.requestSubmit(submitter); } else { form.submit(); }
            };
            (fetchTokens() || Promise.resolve()).then(send, send);
        });
    });
}());
