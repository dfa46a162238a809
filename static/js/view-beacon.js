/* Counts one view of the product page for its owner's statistics (catalog/stats/beacon.py).
   The address comes from the page's data-view-beacon attribute; no cookie is read or set. */
(function () {
    "use strict";
    var holder = document.querySelector("[data-view-beacon]");
    if (!holder) {
        return;
    }
    var url = holder.getAttribute("data-view-beacon");
    if (navigator.sendBeacon) {
        navigator.sendBeacon(url);
    } else if (window.fetch) {
        fetch(url, {method: "POST", credentials: "omit", keepalive: true});
    }
}());
