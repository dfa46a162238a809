/*
 * The listing's filters in a drawer on small screens (includes/listing.html).
 *
 * Without JavaScript the "Filter (n)" link jumps to the filters rendered after the results.
 * With it, below 48em, the link gives way to a button that moves the facets into a native
 * <dialog> opened with showModal(): the browser keeps focus inside, Escape closes it, and the
 * rest of the page is inert. On closing, the facets go back to their place in the page and
 * focus returns to the button. From 48em the filters are a sidebar and the button is hidden.
 */
(function () {
    "use strict";
    var listing = document.querySelector("[data-filter-listing]");
    if (!listing) { return; }
    var drawer = listing.querySelector("[data-filter-drawer]");
    var link = listing.querySelector("[data-filter-link]");
    var button = listing.querySelector("[data-filter-open]");
    var home = listing.querySelector("[data-filter-home]");
    var facets = home && home.querySelector(".facets");
    if (!drawer || typeof drawer.showModal !== "function" || !link || !button || !facets) {
        return; // an old browser keeps the link to the filters after the results
    }
    var wide = window.matchMedia("(min-width: 48em)");

    link.hidden = true;
    button.hidden = false;
    listing.classList.add("listing--drawer");

    button.addEventListener("click", function () {
        drawer.appendChild(facets);
        drawer.showModal();
    });
    listing.querySelector("[data-filter-close]").addEventListener("click", function () {
        drawer.close();
    });
    drawer.addEventListener("click", function (event) {
        if (event.target !== drawer) { return; }
        var box = drawer.getBoundingClientRect();
        var inside = event.clientX >= box.left && event.clientX <= box.right &&
            event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) { drawer.close(); } // a tap on the backdrop
    });
    drawer.addEventListener("close", function () {
        home.appendChild(facets);
        button.focus();
    });
    function closeWhenWide() {
        if (wide.matches && drawer.open) { drawer.close(); }
    }
    if (wide.addEventListener) {
        wide.addEventListener("change", closeWhenWide);
    } else if (wide.addListener) {
        wide.addListener(closeWhenWide);
    }
}());
