/*
 * Search suggestions for the header search box, following the WAI-ARIA combobox pattern
 * (list autocomplete). Without JavaScript the box is a plain GET form to /cari/.
 */
(function () {
    "use strict";
    var input = document.getElementById("site-search");
    if (!input || !window.fetch) { return; }
    var form = input.form;
    var endpoint = form.getAttribute("data-suggest-url");
    if (!endpoint) { return; }
    var labels = {
        products: form.getAttribute("data-label-products") || "Produk",
        vendors: form.getAttribute("data-label-vendors") || "IKM",
        categories: form.getAttribute("data-label-categories") || "Kategori"
    };
    var catalogUrl = form.getAttribute("data-catalog-url") || "/katalog/";
    var listbox = document.createElement("ul");
    listbox.id = "site-search-listbox";
    listbox.className = "suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", form.getAttribute("data-label-listbox") || "Saran");
    listbox.hidden = true;
    form.appendChild(listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var active = -1;
    var options = [];
    var lastQuery = "";
    var controller = null;

    function close() {
        listbox.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function setActive(index) {
        options.forEach(function (option, i) {
            option.setAttribute("aria-selected", i === index ? "true" : "false");
        });
        active = index;
        if (index >= 0) {
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function render(data) {
        listbox.textContent = "";
        options = [];
        var groups = [
            ["products", function (item) { return [item.title, item.vendor, item.url]; }],
            ["vendors", function (item) { return [item.title, item.region, item.url]; }],
            ["categories", function (item) { return [item.title, "", catalogUrl + item.slug + "/"]; }]
        ];
        groups.forEach(function (group) {
            var items = data[group[0]] || [];
            items.forEach(function (item) {
                var parts = group[1](item);
                var li = document.createElement("li");
                li.id = "site-search-option-" + options.length;
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", "false");
                li.dataset.url = parts[2];
                var kind = document.createElement("span");
                kind.className = "suggestions__kind";
                kind.textContent = labels[group[0]];
                var title = document.createElement("span");
                title.className = "suggestions__title";
                title.textContent = parts[0];
                li.appendChild(kind);
                li.appendChild(title);
                if (parts[1]) {
                    var meta = document.createElement("span");
                    meta.className = "suggestions__meta";
                    meta.textContent = parts[1];
                    li.appendChild(meta);
                }
                li.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.assign(li.dataset.url);
                });
                listbox.appendChild(li);
                options.push(li);
            });
        });
        if (options.length) {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
            active = -1;
        } else {
            close();
        }
    }

    function fetchSuggestions() {
        var query = input.value.trim();
        if (query.length < 2) { close(); return; }
        if (query === lastQuery && !listbox.hidden) { return; }
        lastQuery = query;
        if (controller) { controller.abort(); }
        controller = window.AbortController ? new AbortController() : null;
        fetch(endpoint + "?q=" + encodeURIComponent(query), {
            headers: { "Accept": "application/json" },
            signal: controller ? controller.signal : undefined
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (data) {
            if (data && input.value.trim() === query) { render(data); }
        }).catch(function () { /* suggestions are optional; the form still works */ });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 200);
    });
    input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") {
            if (listbox.hidden) { fetchSuggestions(); return; }
            event.preventDefault();
            setActive(Math.min(active + 1, options.length - 1));
        } else if (event.key === "ArrowUp") {
            if (listbox.hidden) { return; }
            event.preventDefault();
            setActive(Math.max(active - 1, -1));
        } else if (event.key === "Enter") {
            if (!listbox.hidden && active >= 0) {
                event.preventDefault();
                window.location.assign(options[active].dataset.url);
            }
        } else if (event.key === "Escape") {
            if (!listbox.hidden) { event.preventDefault(); close(); }
        }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
}());
