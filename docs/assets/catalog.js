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

  function setUpFilters() {
    var form = document.querySelector("form.ms-filter");
    if (!form) return;
    var cards = Array.prototype.slice.call(document.querySelectorAll(".ms-cards > li[data-category]"));
    var count = form.querySelector(".ms-filter__count");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var params = new URLSearchParams(location.search);

    function apply() {
      var shown = 0;
      var query = new URLSearchParams();
      cards.forEach(function (card) {
        var visible = selects.every(function (select) {
          if (!select.value) return true;
          return (card.getAttribute("data-" + select.name) || "").split(" ").indexOf(select.value) >= 0;
        });
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      selects.forEach(function (select) { if (select.value) query.set(select.name, select.value); });
      count.textContent = fill(form.getAttribute("data-count-template"), { count: shown });
      var search = query.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
    });
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }

  setUpCopyButtons();
  setUpInquiry();
  setUpFilters();
})();
