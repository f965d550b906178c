"""The public info screen at /infoscreen/<slug>/: the first state rendered here, so it works
without JavaScript (a meta refresh turns to the next item); alerts/static/alerts/infoscreen.js
then keeps it current from the API without reloading."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from articles.api_filters import ARTICLE_FILTERS
from articles.models import ArticlePage
from cachetags import ALERTS, record, type_tag_of
from events.api_filters import EVENT_FILTERS
from events.models import EventPage

from .models import Alert, InfoScreen

ITEMS_PER_KIND = 8


def _narrowed(filters, pages, values: dict):
    """`pages` through a page type's API filters (core.api_filters) with these values, so the
    first state shows what the script's API requests with the same parameters will."""
    return filters.apply(lambda parameter: values.get(parameter.name), pages)


def screen_items(screen: InfoScreen) -> list[dict]:
    """The rotating items, news then events, in the shape the script builds from the API."""
    narrowing = screen.page_filters()
    items = []
    # In the site's default language, as the script's API requests without `locale` answer.
    german = {"locale__language_code": settings.LANGUAGE_CODE}
    if screen.show_news:
        articles = _narrowed(ARTICLE_FILTERS, ArticlePage.objects.live().public().filter(**german), narrowing)
        for article in articles[:ITEMS_PER_KIND]:
            items.append({"kind": _("Nachricht"), "title": article.title, "teaser": article.teaser})
    if screen.show_events:
        events = _narrowed(
            EVENT_FILTERS, EventPage.objects.live().public().filter(**german), {**narrowing, "upcoming": True}
        )
        for event in events[:ITEMS_PER_KIND]:
            item = {"kind": _("Veranstaltung"), "title": event.title, "teaser": event.teaser}
            items.append({**item, "when": event.next_start})
    return items


def info_screen(request, slug):
    screen = get_object_or_404(InfoScreen.objects.select_related("category"), slug=slug)
    # The newest news and events and the site-wide alerts: any of them new purges the screen.
    record(ALERTS, type_tag_of(ArticlePage), type_tag_of(EventPage))
    alerts = (
        Alert.objects.current().for_page(None).in_language(settings.LANGUAGE_CODE).in_order()
        if screen.show_alerts
        else Alert.objects.none()
    )
    items = screen_items(screen)
    try:
        current = int(request.GET.get("n", 0)) % len(items) if items else 0
    except ValueError:
        current = 0
    for index, item in enumerate(items):
        item["current"] = index == current
    return render(
        request,
        "alerts/info_screen.html",
        {
            "screen": screen,
            "alerts": list(alerts),
            "items": items,
            "next_index": current + 1 if items else 0,
            # Appended to the script's news and events requests (`&project=7`), empty without one.
            "page_filters": urlencode(screen.page_filters()),
        },
    )
