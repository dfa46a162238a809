/*
 * The product photo lightbox. Each photo is a plain link to its large WebP rendition (which is
 * what a click does without JavaScript); here a click opens that image in the page's native
 * <dialog> instead: previous/next buttons, arrow keys, a horizontal swipe (pointer events),
 * Escape or "Tutup" to close, focus back on the photo that opened it. The large image keeps
 * the photo's alt text. No library, no inline script or style (the site's CSP forbids both).
 */
(function () {
    "use strict";
    var SWIPE_PX = 40;

    function setUp(gallery) {
        var dialog = gallery.querySelector("dialog[data-lightbox]");
        var links = Array.prototype.slice.call(gallery.querySelectorAll("a[data-gallery-item]"));
        if (!dialog || typeof dialog.showModal !== "function" || !links.length) { return; }
        var stage = dialog.querySelector("[data-lightbox-stage]");
        var caption = dialog.querySelector("[data-lightbox-caption]");
        var counter = dialog.querySelector("[data-lightbox-counter]");
        var prev = dialog.querySelector("[data-lightbox-prev]");
        var next = dialog.querySelector("[data-lightbox-next]");
        var close = dialog.querySelector("[data-lightbox-close]");
        var current = 0;
        var opener = null;
        var swipe = null;

        if (links.length < 2) {
            prev.hidden = true;
            next.hidden = true;
            counter.hidden = true;
        }

        function show(index) {
            current = (index + links.length) % links.length;
            var link = links[current];
            var thumb = link.querySelector("img");
            var image = document.createElement("img");
            image.className = "lightbox__image";
            image.src = link.getAttribute("href");
            image.alt = thumb ? thumb.alt : "";
            image.width = parseInt(link.getAttribute("data-width"), 10) || 0;
            image.height = parseInt(link.getAttribute("data-height"), 10) || 0;
            image.decoding = "async";
            image.draggable = false;
            stage.replaceChildren(image);
            caption.textContent = link.getAttribute("data-caption") || "";
            caption.hidden = !caption.textContent;
            counter.textContent = (current + 1) + " / " + links.length;
        }

        function open(index, from) {
            opener = from || document.activeElement;
            show(index);
            dialog.showModal();
            close.focus();
        }

        links.forEach(function (link, index) {
            link.addEventListener("click", function (event) {
                // Ctrl/Cmd/Shift-click and the middle button keep their usual meaning.
                if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
                    return;
                }
                event.preventDefault();
                open(index, link);
            });
        });

        prev.addEventListener("click", function () { show(current - 1); });
        next.addEventListener("click", function () { show(current + 1); });
        close.addEventListener("click", function () { dialog.close(); });

        dialog.addEventListener("keydown", function (event) {
            if (event.key === "ArrowRight") {
                event.preventDefault();
                show(current + 1);
            } else if (event.key === "ArrowLeft") {
                event.preventDefault();
                show(current - 1);
            }
        });
        // A click on the backdrop (the dialog box itself, outside its content) closes.
        dialog.addEventListener("click", function (event) {
            if (event.target === dialog) { dialog.close(); }
        });
        dialog.addEventListener("close", function () {
            stage.replaceChildren();
            if (opener && typeof opener.focus === "function") { opener.focus(); }
            opener = null;
        });

        stage.addEventListener("pointerdown", function (event) {
            if (!event.isPrimary) { return; }
            swipe = { id: event.pointerId, x: event.clientX, y: event.clientY };
        });
        stage.addEventListener("pointerup", function (event) {
            if (!swipe || event.pointerId !== swipe.id) { return; }
            var dx = event.clientX - swipe.x;
            var dy = event.clientY - swipe.y;
            swipe = null;
            if (links.length > 1 && Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(dy)) {
                show(dx < 0 ? current + 1 : current - 1);
            }
        });
        stage.addEventListener("pointercancel", function () { swipe = null; });
    }

    Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), setUp);
}());
