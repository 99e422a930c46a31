/* Miftah Souk: the few things that need a script. Every page is complete without it: this only
   adds copy buttons, the inquiry builder and the catalog filters. No request leaves the page. */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");  /* plain-http previews: the old way */
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
    return Promise.resolve();
  }

  function confirmCopied(button) {
    var label = button.textContent;
    button.textContent = button.getAttribute("data-copied");
    setTimeout(function () { button.textContent = label; }, 2000);
  }

  function setUpCopyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(button.getAttribute("data-copy")).then(function () { confirmCopied(button); });
      });
    });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole;
    });
  }

  function setUpInquiry() {
    var form = document.querySelector(".ms-inquiry__form");
    var dataElement = document.getElementById("ms-inquiry-data");
    if (!form || !dataElement) return;
    var data = JSON.parse(dataElement.textContent);
    var output = form.elements.namedItem("message");
    var email = form.querySelector("[data-inquiry-email]");

    function value(name) {
      var field = form.elements.namedItem(name);
      return field ? String(field.value).trim() : "";
    }

    function message(code) {
      var texts = data.texts[code];
      var none = texts.templates.inquiry_none;
      return fill(texts.templates.inquiry_body, {
        product: texts.product,
        sku: texts.skus[value("sku")] || none,
        quantity: value("quantity") || none,
        unit: texts.unit,
        incoterm: texts.incoterms[value("incoterm")] || none,
        port: value("port") || none,
        note: value("note") || none
      });
    }

    function compose() {
      var text = message(data.lang);
      var codes = Object.keys(data.texts);
      codes.forEach(function (code) {
        if (code !== data.lang) text += "\n\n" + data.texts[data.lang].heading + "\n" + message(code);
      });
      output.value = text;
      if (data.email) {
        var subject = fill(data.texts[data.lang].templates.inquiry_subject, { product: data.texts[data.lang].product });
        email.href = "mailto:" + data.email + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(text);
      } else {
        email.hidden = true;
      }
    }

    form.hidden = false;
    form.addEventListener("input", compose);
    form.addEventListener("change", compose);
    form.querySelector("[data-inquiry-copy]").addEventListener("click", function (event) {
      copyText(output.value).then(function () { confirmCopied(event.target); });
    });
    compose();
  }

  // Filters and sorts cover the whole catalog, not just this page: the first time one is used,
  // the compact facet index (products/facets.json) is fetched and the matches are listed in place
  // of the page's cards. With no filter and the default order, the page is as built (plain links).
  function setUpFilters() {
    var form = document.querySelector("form.ms-filter");
    if (!form) return;
    var cards = document.querySelector(".ms-cards");
    var results = document.querySelector(".ms-results");
    var pager = document.querySelector(".ms-pager");
    var count = form.querySelector(".ms-filter__count");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var params = new URLSearchParams(location.search);
    var facets = null;
    var base = form.getAttribute("data-facets").replace(/products\/facets\.json$/, "");
    var SORT_FIELD = { name: 0, newest: 1, moq: 2 };

    function wanted() {
      var chosen = {};
      selects.forEach(function (select) { if (select.value) chosen[select.name] = select.value; });
      return chosen;
    }

    function matches(entry, chosen) {
      return Object.keys(chosen).every(function (key) {
        if (key === "sort") return true;
        return (entry.f[key] || "").split(" ").indexOf(chosen[key]) >= 0;
      });
    }

    function ordered(list, sort) {
      if (!(sort in SORT_FIELD)) return list;
      var field = SORT_FIELD[sort];
      return list.slice().sort(function (a, b) {
        var x = a.s[field], y = b.s[field];
        if (x === y) return 0;
        if (x === null) return 1;  // unknown MOQ last
        if (y === null) return -1;
        if (sort === "newest") return x < y ? 1 : -1;
        return x < y ? -1 : 1;
      });
    }

    function item(entry) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = base + entry.u;
      link.textContent = entry.n;
      var meta = document.createElement("span");
      meta.textContent = [entry.c, entry.r, entry.m].filter(Boolean).join(" · ");
      li.appendChild(link);
      li.appendChild(meta);
      return li;
    }

    function show(chosen) {
      var found = ordered(facets.filter(function (entry) { return matches(entry, chosen); }), chosen.sort);
      results.textContent = "";
      found.forEach(function (entry) { results.appendChild(item(entry)); });
      results.hidden = false;
      cards.hidden = true;
      if (pager) pager.hidden = true;
      count.textContent = fill(form.getAttribute("data-count-template"), { count: found.length });
    }

    function apply() {
      var chosen = wanted();
      var query = new URLSearchParams(chosen).toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      if (!query) {
        results.hidden = true;
        cards.hidden = false;
        if (pager) pager.hidden = false;
        count.textContent = "";
        return;
      }
      if (facets) return show(chosen);
      fetch(form.getAttribute("data-facets"))
        .then(function (response) { return response.json(); })
        .then(function (data) { facets = data; show(wanted()); });
    }

    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
    });
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }

  setUpCopyButtons();
  setUpInquiry();
  setUpFilters();
})();
