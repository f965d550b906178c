import datetime

from django.utils import timezone

from core.editorial.dashboard import DashboardPanel, editable_pages, with_status

from .models import EventPage

UPCOMING_DAYS = 14


class UpcomingEventsPanel(DashboardPanel):
    """Events with a date in the next two weeks, running ones included, by their next date."""

    name = "upcoming-events"
    order = 140
    heading = f"Veranstaltungen der nächsten {UPCOMING_DAYS} Tage"
    empty_text = f"In den nächsten {UPCOMING_DAYS} Tagen finden keine Veranstaltungen statt."
    template_name = "events/admin/upcoming_events_panel.html"

    def get_queryset(self, user):
        now = timezone.now()
        events = (
            EventPage.objects.filter(pk__in=editable_pages(user).values("pk"))
            .upcoming(now)
            .filter(next_start__lt=now + datetime.timedelta(days=UPCOMING_DAYS))
            .select_related("venue")
        )
        return with_status(events)
