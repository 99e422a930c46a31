/* The search page: Pagefind's JavaScript API, loaded only here.
 *
 * Pagefind finds the pages that contain every word of a query (it cuts Chinese into words with the
 * browser's Intl.Segmenter). When no page has them all, this script asks for each word alone and
 * shows the pages that match most of them, saying so; when nothing matches at all, the panel with
 * the categories and the export desk (already in the page) is shown. window.miftahSearch(query)
 * returns what the page would show, for the measured query set (tests/e2e/test_search_quality.py).
 */
(function () {
  "use strict";
  var form = document.querySelector(".ms-search");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".ms-search__status");
  var list = document.querySelector(".ms-search__results");
  var more = document.querySelector(".ms-search__more");
  var none = document.querySelector(".ms-search__none");
  var strings = JSON.parse(document.getElementById("ms-search-strings").textContent);
  var lang = document.documentElement.lang || "zh";
  var PAGE_SIZE = 5; // each result costs a fragment (about 2 KB) on a phone
  // The page's title and names first, then the buyer vocabulary, then the page's own text (hooks/miftah/views/searchwords.py).
  var META_WEIGHTS = {
    title: 5, name: 4, keywords: 2, text: 0.5,
    cooperative: 4, cooperative_keywords: 2, cooperative_text: 0.5
  };
  none.hidden = true;

  /* noWorker: Pagefind's web worker is one more file (12 KB) before the first result, and the
   * catalog's index is small enough to search on the page's own thread. */
  var loading = null;
  function pagefind() {
    if (!loading) {
      loading = import(form.getAttribute("data-bundle") + "pagefind.js").then(function (api) {
        return api.options({ ranking: { metaWeights: META_WEIGHTS }, excerptLength: 24, noWorker: true }).then(function () {
          api.init();
          return api;
        });
      });
    }
    return loading;
  }

  /* The words of a query as Pagefind cuts them: at spaces, and Chinese with Intl.Segmenter. */
  function words(query) {
    var found = [];
    var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(lang, { granularity: "word" }) : null;
    query.split(/\s+/).forEach(function (piece) {
      if (!piece) return;
      if (segmenter && /[\u3400-\u9fff]/.test(piece)) {
        Array.from(segmenter.segment(piece)).forEach(function (s) { if (s.isWordLike) found.push(s.segment); });
      } else {
        found.push(piece);
      }
    });
    return found.filter(function (word, index) { return found.indexOf(word) === index; });
  }

  /* Products before cooperatives, each group in Pagefind's order: a cooperative page names its
   * products and its own name often holds the product type (松露合作社), and Pagefind can score it
   * above the product itself. A cooperative page is the one whose "cooperative…" fields matched. */
  function rank(fields) {
    return fields.some(function (field) { return field.indexOf("cooperative") === 0; }) ? 0 : 1;
  }
  function order(entries) {
    return entries.map(function (entry, index) { return { entry: entry, index: index }; })
      .sort(function (a, b) { return b.entry.rank - a.entry.rank || a.index - b.index; })
      .map(function (item) { return item.entry; });
  }

  /* Pages for a query: all of its words if any page has them, else those with the most of them. */
  function find(query) {
    return pagefind().then(function (api) {
      return api.search(query).then(function (answer) {
        var parts = words(query);
        if (answer.results.length) {
          var ranked = order(answer.results.map(function (hit) { return { hit: hit, rank: rank(hit.matchedMetaFields || []) }; }));
          return { hits: ranked.map(function (entry) { return entry.hit; }), partial: false };
        }
        if (parts.length < 2) return { hits: [], partial: false };
        return Promise.all(parts.map(function (word) { return api.search(word); })).then(function (answers) {
          var pages = {};
          answers.forEach(function (one) {
            one.results.forEach(function (result) {
              var page = pages[result.id] || (pages[result.id] = { hit: result, words: 0, score: 0, rank: 0 });
              page.words += 1;
              page.score += result.score;
              page.rank = Math.max(page.rank, rank(result.matchedMetaFields || []));
            });
          });
          var hits = Object.keys(pages).map(function (id) { return pages[id]; });
          hits.sort(function (a, b) { return b.words - a.words || b.rank - a.rank || b.score - a.score; });
          return { hits: hits.map(function (page) { return page.hit; }), partial: hits.length > 0 };
        });
      });
    });
  }

  window.miftahSearch = function (query, count) {
    return find(query).then(function (found) {
      return Promise.all(found.hits.slice(0, count || 5).map(function (hit) { return hit.data(); })).then(function (pages) {
        return { partial: found.partial, total: found.hits.length, urls: pages.map(function (page) { return page.url; }) };
      });
    });
  };

  function item(page) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = page.url;
    link.textContent = page.meta.title;
    var excerpt = document.createElement("p");
    excerpt.innerHTML = page.excerpt; // Pagefind's excerpt: the page's text, escaped, with <mark>
    li.append(link, excerpt);
    return li;
  }

  var shown = [];
  var latest = 0;
  /* The next results, the first of them alone before the others: on a slow link the first result
   * shows after one fragment, not after five. A newer query drops what an older one still fetches. */
  function showMore() {
    var ticket = latest;
    var next = shown.splice(0, PAGE_SIZE);
    more.hidden = true;
    function append(pages) {
      if (ticket !== latest) return false;
      pages.forEach(function (page) { list.append(item(page)); });
      return true;
    }
    return Promise.all(next.slice(0, 1).map(function (hit) { return hit.data(); })).then(function (first) {
      if (!append(first)) return;
      return Promise.all(next.slice(1).map(function (hit) { return hit.data(); })).then(function (rest) {
        if (append(rest)) more.hidden = shown.length === 0;
      });
    });
  }

  function run(query) {
    var ticket = ++latest;
    query = query.trim();
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    list.textContent = "";
    more.hidden = true;
    none.hidden = true;
    if (!query) { status.textContent = ""; return Promise.resolve(); }
    status.textContent = strings.loading;
    return find(query).then(function (found) {
      if (ticket !== latest) return;
      shown = found.hits.slice();
      none.hidden = shown.length > 0;
      status.textContent = shown.length ? (found.partial ? strings.partial + " " : "") +
        strings.count.replace("{count}", String(shown.length)) : "";
      return showMore();
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  more.querySelector("button").addEventListener("click", showMore);
  var initial = new URL(window.location.href).searchParams.get("q");
  if (initial) { input.value = initial; run(initial); }
})();
