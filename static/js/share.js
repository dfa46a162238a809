/*
 * Sharing a product. Where the browser has the Web Share API (most phones), one "Bagikan"
 * button opens the system share sheet. Elsewhere the WhatsApp link (there without JavaScript
 * too) stays and a "Salin tautan" button copies the page's address, with the result announced
 * in a live region. No inline script or style (the site's CSP forbids both).
 */
(function () {
    "use strict";

    function setUp(box) {
        var url = box.getAttribute("data-share-url");
        var title = box.getAttribute("data-share-title");
        var status = box.querySelector("[data-share-status]");
        var native = box.querySelector("[data-share-native]");
        var fallback = box.querySelector("[data-share-fallback]");
        var copy = box.querySelector("[data-share-copy]");

        function announce(message) {
            // Emptied first so the same message twice is announced twice.
            status.textContent = "";
            window.setTimeout(function () { status.textContent = message; }, 50);
        }

        if (typeof navigator.share === "function") {
            native.hidden = false;
            fallback.hidden = true;
            native.addEventListener("click", function () {
                navigator.share({ title: title, url: url }).catch(function () {
                    // Cancelled by the buyer, or refused: nothing to report.
                });
            });
            return;
        }
        if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
            copy.hidden = false;
            copy.addEventListener("click", function () {
                navigator.clipboard.writeText(url).then(function () {
                    announce(box.getAttribute("data-share-copied"));
                }, function () {
                    announce(box.getAttribute("data-share-failed"));
                });
            });
        }
    }

    Array.prototype.forEach.call(document.querySelectorAll("[data-share]"), setUp);
}());
