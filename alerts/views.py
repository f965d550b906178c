"""The public info screen at /infoscreen/<slug>/: the first state rendered here, so it works
without JavaScript (a meta refresh turns to the next item); alerts/static/alerts/infoscreen.js
then keeps it current from the API without reloading."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from articles.models import ArticlePage
from events.models import EventPage

from .models import Alert, InfoScreen

ITEMS_PER_KIND = 8


def screen_items(screen: InfoScreen) -> list[dict]:
    """The rotating items, news then events, in the shape the script builds from the API."""
    items = []
    if screen.show_news:
        for article in ArticlePage.objects.live().public().order_by("-date", "-pk")[:ITEMS_PER_KIND]:
            items.append({"kind": _("Nachricht"), "title": article.title, "teaser": article.teaser})
    if screen.show_events:
        for event in EventPage.objects.live().public().upcoming()[:ITEMS_PER_KIND]:
            item = {"kind": _("Veranstaltung"), "title": event.title, "teaser": event.teaser}
            items.append({**item, "when": event.next_start})
    return items


def info_screen(request, slug):
    screen = get_object_or_404(InfoScreen, slug=slug)
    alerts = Alert.objects.current().for_page(None).in_order() if screen.show_alerts else Alert.objects.none()
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
        },
    )
