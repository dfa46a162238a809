/*
 * Indicative foreign prices on the English pages. Pages and product cards are cached and the
 * same for every buyer: the server prints each price's rupiah amount (data-rupiah) and its
 * amount in the default currency. This script fetches the operators' rates (the
 * data-rates-url of its own tag: a cacheable JSON, purged when a rate changes), converts every
 * amount to the currency the buyer picked, and remembers the pick in localStorage.
 * Without JavaScript the default currency stays and the picker stays hidden.
 */
(function () {
    "use strict";
    var script = document.currentScript;
    var url = script && script.getAttribute("data-rates-url");
    var KEY = "etalase-ikm.currency";
    if (!url || !window.fetch) { return; }

    function stored() {
        try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
    }

    function remember(code) {
        try { window.localStorage.setItem(KEY, code); } catch (error) { /* private mode */ }
    }

    function format(amount, rate) {
        var whole = amount >= 100 || rate.code === "JPY";
        var text = amount.toLocaleString("en-US", {
            minimumFractionDigits: whole ? 0 : 2,
            maximumFractionDigits: whole ? 0 : 2
        });
        return rate.symbol + " " + text;
    }

    function apply(rate) {
        var prices = document.querySelectorAll("[data-rupiah]");
        Array.prototype.forEach.call(prices, function (price) {
            var amount = Number(price.getAttribute("data-rupiah")) / Number(rate.rupiah_per_unit);
            var amountText = price.querySelector("[data-fx-amount]");
            var label = price.querySelector("[data-fx-label]");
            if (amountText) { amountText.textContent = format(amount, rate); }
            if (label) { label.textContent = rate.label; }
            price.setAttribute("data-currency", rate.code);
        });
    }

    function start(data) {
        var rates = {};
        data.rates.forEach(function (rate) { rates[rate.code] = rate; });
        var picked = stored();
        var current = rates[picked] ? picked : data["default"];
        if (rates[current] && current !== data["default"]) { apply(rates[current]); }
        var pickers = document.querySelectorAll("[data-currency-picker]");
        Array.prototype.forEach.call(pickers, function (picker) {
            var select = picker.querySelector("select");
            if (!select) { return; }
            if (current) { select.value = current; }
            picker.hidden = false;
            select.addEventListener("change", function () {
                var rate = rates[select.value];
                if (!rate) { return; }
                remember(rate.code);
                apply(rate);
            });
        });
    }

    if (!document.querySelector("[data-rupiah], [data-currency-picker]")) { return; }
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) {
            if (!response.ok) { throw new Error("HTTP " + response.status); }
            return response.json();
        })
        .then(start)
        .catch(function () { /* the server-side default amounts stay */ });
}());
