"""/api/v2/occurrences/: every date of every event as an item of its own, in date order, so
a calendar screen needs no expansion of series on the client.

An item is one date (the main one or a further one) with the event's card: its list item
with `fields=*`. The range (`start_after`, `start_before`) and the event filters
(`category`, `project`, `attendance_mode`, `status`) mean what they mean for the events list
(events.api_filters); without a range, the dates still running or to come.
"""

from django.utils import timezone
from rest_framework.fields import DateTimeField

from events.models import EventPage

from .filters import value_in
from .pagination import CountedList
from .router import CardPagesAPIViewSet

# The events list's filters an occurrence list takes; `upcoming` is what it does without a range.
EVENT_PARAMETERS = frozenset(
    ["start_after", "start_before", "category", "project", "attendance_mode", "status"]
)


class OccurrencesAPIViewSet(CardPagesAPIViewSet):
    view_title = "Termine"
    view_summary = "Jeder Termin jeder Veranstaltung als eigener Eintrag, nach Datum geordnet."
    known_query_parameters = EVENT_PARAMETERS | {"limit", "offset", "format", "_"}

    def occurrences_view(self, request):
        self.check_query_parameters()
        after, before = self._range()
        now = timezone.now()
        events = self._events()
        if after is None and before is None:
            events = events.upcoming(now)
        occurrences = CountedList(
            sorted(
                (
                    (date, event)
                    for event in events.prefetch_related("further_dates")
                    for date in event.dates()
                    if _wanted(date, after, before, now)
                ),
                key=lambda occurrence: (occurrence[0].start, occurrence[1].pk),
            )
        )
        page = self.paginator.paginate_queryset(occurrences, request, view=self)
        cards = self._cards([event for _, event in page])
        moment = DateTimeField()
        items = [
            {
                "start": moment.to_representation(date.start),
                "end": moment.to_representation(date.end) if date.end else None,
                "all_day": date.all_day,
                "note": date.note,
                "event": cards[event.pk],
            }
            for date, event in page
        ]
        return self.paginator.get_paginated_response(items)

    def check_query_parameters(self, queryset=None):
        self.refuse_unknown_parameters()
        # Whole numbers (`project`, `limit`, `offset`) in range, as on the other endpoints.
        self.check_whole_numbers(EventPage)

    def _range(self):
        read = value_in(self.request.GET)
        parameters = {parameter.name: parameter for parameter in EventPage.api_filters.parameters}
        return read(parameters["start_after"]), read(parameters["start_before"])

    def _events(self):
        """The site's visible events matching the filters given (events.api_filters)."""
        events = EventPage.objects.filter(id__in=self.get_base_queryset().values("id"))
        return EventPage.api_filters.apply(value_in(self.request.GET), events)

    def _cards(self, events) -> dict:
        unique = list({event.pk: event for event in events}.values())
        return {event.pk: card for event, card in zip(unique, self.card_representations(unique), strict=True)}


def _wanted(date, after, before, now) -> bool:
    """A date in the range asked for; without one, a date still running or to come."""
    if after is None and before is None:
        return not date.has_ended(now)
    return (after is None or date.start >= after) and (before is None or date.start <= before)
