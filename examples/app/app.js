/*
 * A minimal app on the Smart City CMS API, in plain JavaScript.
 *
 * It shows the two screens most channels need: the news list with the upcoming
 * events (cancelled or postponed ones marked as such), and one article with its body
 * blocks, whose links to pages of the CMS open in the app. Every screen is a single request:
 *   news:     GET pages/?type=articles.ArticlePage&fields=…&limit=6
 *   events:   GET pages/?type=events.EventPage&upcoming=true&fields=…&limit=5
 *   article:  GET pages/<id>/              (#artikel/<id> in the address)
 *   preview:  GET preview/?token=<token>   (?preview=<token>, opened by the admin)
 * The OpenAPI description at /api/v2/openapi.json documents every field used here.
 *
 * German or English: ?lang=en in the address (German without it, as in the CMS). The lists ask
 * for that language (locale=en), the app's own words and dates follow it, and an open article
 * switches to its translation from the detail answer's meta.translations.
 */

const params = new URLSearchParams(location.search);
const API = new URL(params.get("api") || document.querySelector('meta[name="cms-api"]').content);

/* Dates and times are always shown in Berlin time, as the city announces them. */
function dateFormats(locale) {
  const zone = { timeZone: "Europe/Berlin" };
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: "long", ...zone }),
    fullDate: new Intl.DateTimeFormat(locale, { dateStyle: "full", ...zone }),
    time: new Intl.DateTimeFormat(locale, { timeStyle: "short", ...zone }),
  };
}

/* The app's own words; the content comes from the API in the same language. The event words
 * are the website's (events/choices.py and its English translation). */
const WORDS = {
  de: {
    formats: dateFormats("de-DE"),
    /* "Montag, 7. März 2022, 17:00 Uhr" */
    dateTime: (date, time) => `${date}, ${time} Uhr`,
    title: "Smart City – Beispiel-App",
    note: "Beispiel-Client für die Inhalte-API",
    language: "Sprache",
    loading: "Inhalte werden geladen …",
    loadError: (reason) => `Die Inhalte konnten nicht geladen werden (${reason}).`,
    news: "Aktuelles",
    events: "Nächste Veranstaltungen",
    noEvents: "Derzeit sind keine Veranstaltungen angekündigt.",
    back: "← Zur Übersicht",
    preview: "Vorschau: Dieser Entwurf ist noch nicht veröffentlicht.",
    credits: "Bildnachweise",
    links: "Links",
    notTranslated: "Dieser Artikel ist nicht auf Deutsch verfügbar. Hier die Übersicht.",
    attendance: { on_site: "vor Ort", online: "online", hybrid: "vor Ort und online" },
    /* An event that does not take place as planned says so, as on the website (its `status`). */
    status: {
      cancelled: "Abgesagt",
      postponed: "Verschoben, neuer Termin folgt",
      rescheduled: "Auf neuen Termin verlegt",
      moved_online: "Findet online statt",
    },
  },
  en: {
    formats: dateFormats("en-GB"),
    /* "Monday 7 March 2022, 17:00" */
    dateTime: (date, time) => `${date}, ${time}`,
    title: "Smart City – example app",
    note: "Example client for the content API",
    language: "Language",
    loading: "Loading content …",
    loadError: (reason) => `The content could not be loaded (${reason}).`,
    news: "News",
    events: "Upcoming events",
    noEvents: "No events are announced at the moment.",
    back: "← Back to the overview",
    preview: "Preview: this draft is not published yet.",
    credits: "Image credits",
    links: "Links",
    notTranslated: "This article is not available in English. Here is the overview.",
    attendance: { on_site: "on site", online: "online", hybrid: "on site and online" },
    status: {
      cancelled: "Cancelled",
      postponed: "Postponed, new date to follow",
      rescheduled: "Moved to a new date",
      moved_online: "Takes place online",
    },
  },
};

/* The chosen language lives in the address (?lang=en), so a reload or a shared link keeps it. */
function currentLanguage() {
  const lang = new URLSearchParams(location.search).get("lang");
  return Object.hasOwn(WORDS, lang ?? "") ? lang : "de";
}

let words = WORDS[currentLanguage()];
const formatDate = (date) => words.formats.date.format(date);
const formatDateTime = (date) => words.dateTime(words.formats.fullDate.format(date), words.formats.time.format(date));
/* Where a link to a page of the CMS opens inside the app, by page type; other pages open on the website. */
const APP_ROUTES = {
  "articles.ArticlePage": (id) => `#artikel/${id}`,
  "articles.ArticleIndexPage": () => "#aktuelles",
  "events.EventIndexPage": () => "#veranstaltungen",
  "home.HomePage": () => "#",
};

async function getJSON(path, query = {}) {
  const url = new URL(path, API);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || `HTTP ${response.status}`);
  return body;
}

/* Small DOM helper: el("p", {className: "meta"}, "text", childNode) */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name in node) node[name] = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/* Rich text arrives as HTML: links are absolute, images have src. The CMS cleans it before it
 * answers, but an app never inserts markup it has not checked itself (a proxy, a cache or a
 * compromised server could change it): it goes through the browser's Sanitizer API
 * (Element.setHTML) where there is one, else through the same allow-list by hand, and only web,
 * e-mail and phone addresses stay links. Never assign API HTML to innerHTML. */
const RICH_TEXT_ELEMENTS = {
  p: [],
  br: [],
  b: [],
  strong: [],
  i: [],
  em: [],
  ul: [],
  ol: [],
  li: [],
  a: ["href", "target", "rel", "data-page-id", "data-page-type", "data-api-url"],
  img: ["src", "alt", "width", "height", "class"],
};
const SANITIZER_CONFIG = {
  elements: Object.entries(RICH_TEXT_ELEMENTS).map(([name, attributes]) => ({ name, attributes })),
};
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

/* The address if it opens a web page, an e-mail or a call, else null (javascript:, data:, …). */
function safeUrl(value) {
  if (!value) return null;
  try {
    return SAFE_SCHEMES.has(new URL(value, location.href).protocol) ? value : null;
  } catch {
    return null;
  }
}

/* Without the Sanitizer API: parse into a document of its own, where nothing loads or runs,
 * and keep only the allowed elements (others go with their content) and their allowed attributes. */
function keepAllowed(parent) {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) continue;
    const allowed =
      node.nodeType === Node.ELEMENT_NODE &&
      node.namespaceURI === "http://www.w3.org/1999/xhtml" &&
      Object.hasOwn(RICH_TEXT_ELEMENTS, node.localName) &&
      RICH_TEXT_ELEMENTS[node.localName];
    if (!allowed) {
      node.remove();
      continue;
    }
    for (const { name } of [...node.attributes]) if (!allowed.includes(name)) node.removeAttribute(name);
    keepAllowed(node);
  }
}

function sanitize(markup) {
  const container = document.createElement("div");
  if (typeof container.setHTML === "function") {
    container.setHTML(markup, { sanitizer: SANITIZER_CONFIG });
  } else {
    const body = new DOMParser().parseFromString(markup, "text/html").body;
    keepAllowed(body);
    container.append(...body.childNodes);
  }
  for (const element of container.querySelectorAll("[href], [src]")) {
    for (const name of ["href", "src"]) {
      if (element.hasAttribute(name) && !safeUrl(element.getAttribute(name))) element.removeAttribute(name);
    }
  }
  for (const anchor of container.querySelectorAll("a[target]")) {
    anchor.target = "_blank";
    anchor.rel = "noopener";
  }
  return container;
}

/* Links to pages carry data-page-id and data-page-type, so the app opens those it has a screen for. */
function html(markup) {
  const container = sanitize(markup);
  for (const anchor of container.querySelectorAll("a[data-page-id]")) {
    const route = APP_ROUTES[anchor.dataset.pageType];
    if (route) anchor.href = route(anchor.dataset.pageId);
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...container.childNodes);
  return fragment;
}

/* A link the API gives as {id, type, url}: inside the app where it has a screen, else on the website. */
function pageHref(target) {
  const route = APP_ROUTES[target.type];
  return route ? route(target.id) : safeUrl(target.url);
}

/* The image shape is the same everywhere: renditions with WebP, alt text, credit. */
function picture(image, size = "card") {
  if (!image?.renditions) return null;
  const rendition = image.renditions[size];
  return el(
    "picture",
    {},
    el("source", { type: "image/webp", srcset: rendition.webp_url }),
    el("img", {
      src: rendition.url,
      width: rendition.width,
      height: rendition.height,
      alt: image.decorative ? "" : image.alt,
      loading: "lazy",
    }),
  );
}

function showStatus(message, isError = false) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.classList.toggle("error", isError);
  status.setAttribute("role", isError ? "alert" : "status");
}

function articleCard(article) {
  const meta = [article.date && formatDate(new Date(article.date)), article.category?.name]
    .filter(Boolean)
    .join(" · ");
  return el(
    "li",
    {},
    picture(article.hero_image, "card"),
    el(
      "div",
      { className: "text" },
      el("h3", {}, el("a", { href: `#artikel/${article.id}` }, article.title)),
      el("p", { className: "meta" }, meta),
      el("p", {}, article.teaser),
    ),
  );
}

function eventItem(event) {
  const start = new Date(event.next_start || event.start);
  const where = [event.venue?.name, words.attendance[event.attendance_mode]].filter(Boolean).join(", ");
  const status = words.status[event.status];
  return el(
    "li",
    { className: status ? `status-${event.status}` : null },
    el("h3", {}, status ? el("span", { className: "event-status" }, `${status}: `) : null, el("a", { href: event.meta.html_url }, event.title)),
    el(
      "p",
      { className: "meta" },
      el("time", { dateTime: start.toISOString() }, event.all_day ? formatDate(start) : formatDateTime(start)),
      where ? ` · ${where}` : null,
    ),
  );
}

async function showOverview(isCurrent) {
  document.getElementById("article").hidden = true;
  document.getElementById("overview").hidden = false;
  document.title = words.title;
  const locale = currentLanguage();
  const [news, events] = await Promise.all([
    getJSON("pages/", {
      type: "articles.ArticlePage",
      fields: "teaser,date,category,hero_image",
      limit: 6,
      locale,
    }),
    getJSON("pages/", {
      type: "events.EventPage",
      upcoming: "true",
      fields: "start,all_day,next_start,status,attendance_mode,venue",
      limit: 5,
      locale,
    }),
  ]);
  /* A quick switch back and forth: only the lists of the language now chosen are shown. */
  if (!isCurrent()) return;
  document.getElementById("news").replaceChildren(...news.items.map(articleCard));
  const eventList = document.getElementById("events");
  eventList.replaceChildren(...events.items.map(eventItem));
  if (!events.items.length) eventList.replaceChildren(el("li", {}, words.noEvents));
}

function link(value) {
  /* Text without a link when the address is missing or not a web, e-mail or phone address. */
  const href = value.page ? pageHref(value.page) : safeUrl(value.url);
  return el("a", { href, target: value.new_tab ? "_blank" : null, rel: value.new_tab ? "noopener" : null }, value.text);
}

/* One renderer per block type of the body; unknown types are skipped, so new block types never break the app. */
const BLOCKS = {
  heading: (value) => el(value.level || "h2", {}, value.text),
  paragraph: (value) => html(value),
  image: (value) =>
    el("figure", {}, picture(value.image, "hero"), value.caption ? el("figcaption", {}, value.caption) : null),
  quote: (value) =>
    el(
      "figure",
      {},
      el("blockquote", {}, el("p", {}, value.text)),
      value.attribution ? el("figcaption", {}, [value.attribution, value.role].filter(Boolean).join(", ")) : null,
    ),
  video: (value) => el("p", {}, el("a", { href: safeUrl(value.url) }, `Video: ${value.title}`)),
  call_to_action: (value) =>
    el("aside", {}, el("h2", {}, value.title), value.text ? el("p", {}, value.text) : null, el("p", {}, link(value.link))),
  link: (value) => el("p", {}, link(value)),
  link_list: (value) =>
    el("nav", { ariaLabel: value.title || words.links }, value.title ? el("h2", {}, value.title) : null, el("ul", {}, ...value.links.map((item) => el("li", {}, link(item))))),
  accordion: (value) =>
    el("section", {}, el("h2", {}, value.title), ...value.items.map((item) => el("details", {}, el("summary", {}, item.title), html(item.body)))),
  document: (value) =>
    value.document &&
    el("p", {}, el("a", { href: safeUrl(value.document.url) }, value.title || value.document.title), ` (${value.document.file_type}, ${Math.ceil(value.document.file_size / 1024)} KB)`),
  event_teaser: (value) =>
    value.event &&
    el("p", {}, el("a", { href: pageHref(value.event) }, value.event.title), ` – ${formatDateTime(new Date(value.event.start))}`),
};

/* The page shown in #article, whose meta.translations the language switch reads. */
let shownPage = null;

function renderArticle(page, isPreview, keepFocus) {
  const article = document.getElementById("article");
  const credits = page.image_credits || [];
  /* replaceChildren, unlike el(), would print null as the text "null": leave the empty parts out. */
  const parts = [
    isPreview ? el("p", { className: "preview-note" }, words.preview) : null,
    el("p", {}, el("a", { href: "#" }, words.back)),
    el("h1", {}, page.title),
    page.date ? el("p", { className: "meta" }, formatDate(new Date(page.date))) : null,
    page.teaser ? el("p", {}, el("strong", {}, page.teaser)) : null,
    picture(page.hero_image, "hero"),
    ...(page.body || []).map((block) => BLOCKS[block.type]?.(block.value)).filter(Boolean),
    credits.length ? el("p", { className: "credits" }, `${words.credits}: ${credits.map((credit) => credit.line).join("; ")}`) : null,
  ];
  article.replaceChildren(...parts.filter((part) => part !== null && part !== undefined && part !== false));
  document.getElementById("overview").hidden = true;
  article.hidden = false;
  shownPage = page;
  document.title = `${page.title} – Smart City`;
  if (!keepFocus) document.getElementById("main").focus();
}

/* The app's own words, <html lang> and the switch's state, in the language of the address. */
function applyLanguage() {
  const lang = currentLanguage();
  words = WORDS[lang];
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = words[node.dataset.text];
  for (const node of document.querySelectorAll("[data-label]")) node.setAttribute("aria-label", words[node.dataset.label]);
  for (const button of document.querySelectorAll("button[data-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
}

/* Puts the language and the screen into the address without a new history entry. */
function setAddress(lang, hash) {
  const url = new URL(location.href);
  if (lang === "de") url.searchParams.delete("lang");
  else url.searchParams.set("lang", lang);
  url.hash = hash;
  history.replaceState(null, "", url);
}

let latestRoute = 0;

/* notice: what the status line says once the screen is shown. switched: the reader has just
 * chosen the language, so it stays as chosen and the focus stays on the switch. */
async function route({ notice = "", switched = false } = {}) {
  const ticket = ++latestRoute;
  const isCurrent = () => ticket === latestRoute;
  shownPage = null;
  applyLanguage();
  showStatus(words.loading);
  try {
    const token = params.get("preview");
    const match = location.hash.match(/^#artikel\/(\d+)$/);
    if (token || match) {
      const page = await (token ? getJSON("preview/", { token }) : getJSON(`pages/${match[1]}/`));
      if (!isCurrent()) return;
      /* An article opened by its address (or a draft's preview) in the other language brings
       * the app's words along. */
      const locale = page.meta?.locale;
      if (!switched && Object.hasOwn(WORDS, locale ?? "") && locale !== currentLanguage()) {
        setAddress(locale, location.hash);
        applyLanguage();
      }
      renderArticle(page, Boolean(token), switched);
    } else {
      await showOverview(isCurrent);
      if (!isCurrent()) return;
      /* #aktuelles and #veranstaltungen, the app's own addresses of the site's section pages. */
      const section = { "#aktuelles": "news-heading", "#veranstaltungen": "events-heading" }[location.hash];
      if (section) document.getElementById(section).scrollIntoView();
    }
    showStatus(notice);
  } catch (error) {
    if (isCurrent()) showStatus(words.loadError(error.message), true);
  }
}

/* An open article switches to its translation; without one, the reader is told so and gets
 * the overview in the chosen language. */
function switchLanguage(lang) {
  if (lang === currentLanguage()) return;
  const page = document.getElementById("article").hidden || params.get("preview") ? null : shownPage;
  if (!page || page.meta?.locale === lang) {
    setAddress(lang, location.hash);
    return route({ switched: true });
  }
  const translation = (page.meta.translations || []).find((version) => version.locale === lang);
  setAddress(lang, translation ? `#artikel/${translation.id}` : "");
  return route({ notice: translation ? "" : WORDS[lang].notTranslated, switched: true });
}

for (const button of document.querySelectorAll("button[data-lang]")) {
  button.addEventListener("click", () => switchLanguage(button.dataset.lang));
}
window.addEventListener("hashchange", () => route());
route();
