/*
 * The inquiry list ("daftar tanya"). Pages are cached and shared by every visitor, so:
 * - the header count comes from the small "daftar_tanya" cookie the list views set;
 * - the "Tambah ke daftar tanya" forms (GET forms to the list page's confirm step, which work
 *   without JavaScript) are posted to the add view here, with a CSRF token fetched fresh from
 *   the never-cached token view (as static/js/inquiry.js does for the inquiry form).
 */
(function () {
    "use strict";
    var COOKIE = "daftar_tanya";

    function readCount() {
        var match = document.cookie.match(new RegExp("(?:^|;\\s*)" + COOKIE + "=(\\d+)"));
        return match ? parseInt(match[1], 10) : 0;
    }

    function showCount(count) {
        Array.prototype.forEach.call(document.querySelectorAll("[data-inquiry-list-count]"), function (badge) {
            var number = badge.querySelector("[data-inquiry-list-number]");
            if (number) { number.textContent = String(count); }
            badge.hidden = !count;
        });
    }

    function enhance(form) {
        var status = form.querySelector(".list-add__status");
        form.addEventListener("submit", function (event) {
            if (!window.fetch || !window.FormData) { return; }
            event.preventDefault();
            var button = form.querySelector("button[type=submit]");
            if (button) { button.disabled = true; }
            var done = function () { if (button) { button.disabled = false; } };
            fetch(form.getAttribute("data-token-url"), {
                credentials: "same-origin",
                headers: { "Accept": "application/json" }
            }).then(function (response) {
                if (!response.ok) { throw new Error("HTTP " + response.status); }
                return response.json();
            }).then(function (tokens) {
                var data = new FormData();
                data.append("csrfmiddlewaretoken", tokens.csrfmiddlewaretoken);
                data.append("product", form.querySelector("input[name=tambah]").value);
                return fetch(form.getAttribute("data-add-url"), {
                    method: "POST",
                    body: data,
                    credentials: "same-origin",
                    headers: { "Accept": "application/json", "X-CSRFToken": tokens.csrfmiddlewaretoken }
                });
            }).then(function (response) {
                if (!response.ok) { throw new Error("HTTP " + response.status); }
                return response.json();
            }).then(function (result) {
                showCount(result.count);
                if (status) {
                    status.textContent = result.message + " ";
                    var link = document.createElement("a");
                    link.href = form.getAttribute("action");
                    link.textContent = form.getAttribute("data-list-label");
                    status.appendChild(link);
                }
                done();
            }).catch(function () {
                done();
                form.submit(); // the confirm page adds it without the script
            });
        });
    }

    function start() {
        showCount(readCount());
        Array.prototype.forEach.call(document.querySelectorAll("form.list-add[data-add-url]"), enhance);
    }

    // Back and forward from the page cache of the browser: the count may have changed since.
    window.addEventListener("pageshow", function (event) {
        if (event.persisted) { showCount(readCount()); }
    });

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
