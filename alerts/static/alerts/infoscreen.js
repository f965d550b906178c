// The info screen (alerts/views.py): turns to the next item every `data-seconds` seconds and,
// as often, asks the API for the current alerts, news and events. Requests carry
// If-None-Match, so an unchanged list costs a 304; when the API cannot be reached, the
// screen keeps what it shows. It speaks the page's language: the kinds' words come
// translated from the template (`data-news-kind`, `data-event-kind`), dates follow <html lang>.
(function () {
  "use strict";

  var root = document.querySelector("[data-screen]");
  if (!root) return;
  var seconds = Math.max(2, parseInt(root.dataset.seconds, 10) || 12);
  var alertSection = root.querySelector("[data-screen-alerts]");
  var alertList = root.querySelector("[data-screen-alert-list]");
  var itemList = root.querySelector("[data-screen-item-list]");
  // The screen's project or category (`project=7`), appended to the news and events requests.
  var pageFilters = root.dataset.pageFilters ? "&" + root.dataset.pageFilters : "";
  var cache = {};
  var current = 0;
  var language = document.documentElement.lang || "de";
  var whenFormat = new Intl.DateTimeFormat(language === "en" ? "en-GB" : language, {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Berlin",
  });
  // German writes "Uhr" after the time of day, as the server does (cms/formats/de).
  var clockSuffix = language === "de" ? " Uhr" : "";

  function fetchJSON(url) {
    var headers = {Accept: "application/json"};
    if (cache[url]) headers["If-None-Match"] = cache[url].etag;
    return fetch(url, {headers: headers, cache: "no-store"}).then(function (response) {
      if (response.status === 304 && cache[url]) return cache[url].data;
      if (!response.ok) throw new Error("API " + response.status);
      return response.json().then(function (data) {
        var etag = response.headers.get("ETag");
        if (etag) cache[url] = {etag: etag, data: data};
        return data;
      });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function showAlerts(alerts) {
    // The whole site's alerts only, as the server renders them: a section's belong to its pages.
    var nodes = alerts.filter(function (alert) { return alert.scope === null; }).map(function (alert) {
      var item = element("li", "screen__alert screen__alert--" + alert.severity);
      item.append(
        element("p", "screen__kind", alert.severity_label),
        element("h3", "screen__alert-title", alert.title),
        element("p", "screen__alert-text", alert.text)
      );
      return item;
    });
    alertList.replaceChildren.apply(alertList, nodes);
    alertSection.hidden = nodes.length === 0;
  }

  function showItems(items) {
    if (!items.length) return;
    var nodes = items.map(function (page) {
      var item = element("li", "screen__item");
      var kind = page.meta.type === "events.EventPage" ? root.dataset.eventKind : root.dataset.newsKind;
      if (page.next_start) kind += " · " + whenFormat.format(new Date(page.next_start)) + clockSuffix;
      item.append(element("p", "screen__kind", kind), element("h3", "screen__title", page.title));
      if (page.teaser) item.append(element("p", "screen__teaser", page.teaser));
      return item;
    });
    itemList.replaceChildren.apply(itemList, nodes);
    current = current % nodes.length;
    show(current);
  }

  function show(index) {
    Array.prototype.forEach.call(itemList.children, function (item, position) {
      item.hidden = position !== index;
    });
  }

  function rotate() {
    var count = itemList.children.length;
    if (count > 1) {
      current = (current + 1) % count;
      show(current);
    }
  }

  function poll() {
    if (root.dataset.alerts) {
      fetchJSON("/api/v2/alerts/").then(function (data) { showAlerts(data.items); }, function () {});
    }
    var requests = [];
    if (root.dataset.news) {
      requests.push(fetchJSON("/api/v2/pages/?type=articles.ArticlePage&fields=teaser&limit=8" + pageFilters));
    }
    if (root.dataset.events) {
      requests.push(fetchJSON(
        "/api/v2/pages/?type=events.EventPage&upcoming=true&fields=teaser,next_start&limit=8" + pageFilters
      ));
    }
    Promise.all(requests).then(function (answers) {
      showItems(answers.reduce(function (all, data) { return all.concat(data.items); }, []));
    }, function () {});
  }

  setInterval(function () {
    rotate();
    poll();
  }, seconds * 1000);
})();
