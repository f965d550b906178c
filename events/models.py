import datetime
import functools
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Min, OuterRef, Q, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework.fields import DateTimeField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index

import shapes
from cachetags import RecordedWhenLoaded, children_tag, record
from content_safety import SafeURLField
from core import fragments
from core.api_fields import DetailAPIField, DirectoryEntryField, PageLinkField
from core.blocks import BodyBlock
from core.content_cache import ContentCache
from core.editorial.dates import admin_date
from core.listing import FilteredIndexMixin
from core.models import BasePage, CardQuerySet
from core.sites import site_name_for
from core.visibility import is_visible

from . import costs
from .api_fields import CoordinateField, EventDatesField
from .api_filters import EVENT_FILTERS
from .choices import AttendanceMode, Registration, Status
from .filters import EventFilterForm
from .ical import FEED_DAYS_AHEAD, FEED_MAX_EVENTS, build_calendar, calendar_response
from .structured_data import events

END_BEFORE_START = "Das Ende darf nicht vor dem Beginn liegen."


class Venue(RecordedWhenLoaded, TranslatableMixin, index.Indexed, models.Model):
    """A place where events happen, with the address and coordinates for maps. Translatable:
    the name and the accessibility notes are text visitors read in their language."""

    name = models.CharField("Name", max_length=200)
    street = models.CharField("Straße und Hausnummer", max_length=200, blank=True)
    postal_code = models.CharField("PLZ", max_length=10, blank=True)
    city = models.CharField("Ort", max_length=100, default="Wuppertal")
    latitude = models.DecimalField(
        "Breitengrad",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="z. B. 51.256213",
    )
    longitude = models.DecimalField(
        "Längengrad",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="z. B. 7.150764",
    )
    accessibility = models.TextField(
        "Hinweise zur Barrierefreiheit",
        blank=True,
        help_text="z. B. stufenloser Zugang, barrierefreies WC, Induktionsschleife.",
    )
    url = SafeURLField("Website", blank=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("street"), FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")])],
            heading="Adresse",
        ),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Koordinaten"),
        FieldPanel("accessibility"),
        FieldPanel("url"),
    ]
    # The fields of the directory's one API shape (core.api_fields.DirectoryEntryField), at
    # /api/v2/venues/ and in an event's `venue`; their JSON shapes are for api.openapi.
    api_fields = [
        APIField("name"),
        APIField("street"),
        APIField("postal_code"),
        APIField("city"),
        APIField("latitude", serializer=CoordinateField()),
        APIField("longitude", serializer=CoordinateField()),
        APIField("accessibility"),
        APIField("url"),
    ]
    api_field_shapes = {
        "name": shapes.string(),
        "street": shapes.string(),
        "postal_code": shapes.string(),
        "city": shapes.string(),
        "latitude": shapes.nullable({"type": "number", "description": "WGS 84, e.g. 51.256213."}),
        "longitude": shapes.nullable({"type": "number", "description": "WGS 84, e.g. 7.150764."}),
        "accessibility": shapes.string("Notes on accessibility (step-free access, toilets, hearing loop)."),
        "url": shapes.string(shapes.URL_OR_EMPTY),
    }
    search_fields = [
        index.SearchField("name"),
        index.SearchField("city"),
        index.AutocompleteField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "Veranstaltungsort"
        verbose_name_plural = "Veranstaltungsorte"

    def __str__(self):
        return f"{self.name}, {self.city}" if self.city else self.name

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": "Bitte Breiten- und Längengrad gemeinsam angeben oder beide leer lassen."}
            )

    @property
    def map_url(self) -> str:
        """A link to the place on OpenStreetMap: a plain link, so no map tiles load on our pages."""
        if self.latitude is not None and self.longitude is not None:
            query = {"mlat": self.latitude, "mlon": self.longitude}
            return (
                f"https://www.openstreetmap.org/?{urlencode(query)}#map=17/{self.latitude}/{self.longitude}"
            )
        if self.address_lines:
            query = {"query": ", ".join(self.address_lines)}
            return f"https://www.openstreetmap.org/search?{urlencode(query)}"
        return ""

    @property
    def address_lines(self) -> list[str]:
        locality = " ".join(part for part in (self.postal_code, self.city) if part)
        return [line for line in (self.street, locality) if line]


class EventIndexPage(FilteredIndexMixin, RoutablePageMixin, BasePage):
    """The events section ("Veranstaltungen"), with its upcoming events as a calendar feed."""

    parent_page_types = ["home.HomePage"]
    # The calendar linked in the head of every page of the site (core discovery tags).
    head_feed = ("ical", "text/calendar")
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    filter_form_class = EventFilterForm
    cards_per_page = 10
    cards_context_name = "events"

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")
        verbose_name_plural = "Veranstaltungsübersichten"

    def get_events(self):
        record(children_tag(self.pk))
        return EventPage.objects.child_of(self).visible()

    def listed_pages(self):
        return self.get_events()

    def with_card_data(self, events):
        return events.for_cards().select_related("category", "venue")

    def listing_holds_until(self):
        # The upcoming and the past events, and their order, change when a date ends.
        return fragments.remembered("events-next-end", (self.pk,), self._next_date_end)

    def _next_date_end(self):
        now = timezone.now()
        events = self.get_events()
        further_dates = EventDate.objects.filter(event__in=events.values("pk"))
        ends = [_first_end(events, now), _first_end(further_dates, now)]
        moment = min((end for end in ends if end), default=None)
        fragments.valid_until(moment)
        return moment

    @path("ical/", name="ical")
    def ical_feed(self, request):
        """The upcoming events as a calendar to subscribe to (shown inline, not downloaded):
        those of the next FEED_DAYS_AHEAD days, at most FEED_MAX_EVENTS, as the README tells
        subscribers.

        Writing a calendar costs a millisecond or two per event, so the file is kept until
        the content changes, or for the hour the feed itself names as its refresh interval
        (an event that ends meanwhile stays in it until the hour is over, as in the
        subscribers' calendars)."""
        now = timezone.now()
        remember = ContentCache(f"ical:{self.pk}:{request.get_host()}:{now:%Y-%m-%d-%H}")
        body = remember.get("calendar", lambda: self._calendar(request, now).to_ical())
        return calendar_response(body)

    def _calendar(self, request, now):
        events = self.get_events().upcoming(now).filter(next_start__lt=now + FEED_DAYS_AHEAD)
        events = events.select_related("category", "venue").prefetch_related("further_dates")
        return build_calendar(
            ((event, event.get_full_url(request)) for event in events[:FEED_MAX_EVENTS]),
            name=f"{self.title} – {site_name_for(request)}",
        )


def _start_of_day(now):
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


def _holds_until_one_ends(dates) -> None:
    """What is shown of these dates (the next one) changes when the first of them ends: a part
    worked out once per content change must not be kept past it (core.fragments)."""
    fragments.valid_until(min((date.ended_from() for date in dates), default=None))


def _first_end(dates, now):
    """The first moment after `now` at which one of these dates (events' main dates or further
    dates) ends, as EventDate.ended_from() counts it; None when none is still to end."""
    found = dates.aggregate(
        first_end=Min("end", filter=Q(end__gte=now)),
        first_open_start=Min("start", filter=Q(end__isnull=True, start__gte=_start_of_day(now))),
    )
    moments = [found["first_end"]]
    if found["first_open_start"]:
        # A date without an end lasts until the end of its start day.
        moments.append(EventDate(start=found["first_open_start"]).ended_from())
    return min((moment for moment in moments if moment), default=None)


def _not_ended(now):
    """Dates that have not ended at `now`; a date without an end lasts until the end of its
    start day. EventDate.has_ended() is the same rule in Python."""
    return Q(end__gte=now) | Q(end__isnull=True, start__gte=_start_of_day(now))


class EventQuerySet(CardQuerySet):
    def for_cards(self):
        # A card shows the event's next date, which may be one of its further dates.
        return super().for_cards().prefetch_related("further_dates")

    def upcoming(self, now=None):
        """Events with a date that has not ended yet (running events included), ordered by
        that next date, so a series whose first evening is over sorts by its next one."""
        return self.with_next_start(now).filter(next_start__isnull=False).order_by("next_start", "pk")

    def with_next_start(self, now=None):
        """Each event with `next_start`: the start of its first date (main or further) that
        has not ended yet, or None once every date is over."""
        if "next_start" in self.query.annotations:
            return self
        now = now or timezone.now()
        further_dates_ahead = EventDate.objects.filter(_not_ended(now), event=OuterRef("pk"))
        next_further_start = further_dates_ahead.order_by("start").values("start")[:1]
        return self.annotate(next_further_start=Subquery(next_further_start)).annotate(
            next_start=Case(When(_not_ended(now), then=F("start")), default=F("next_further_start"))
        )

    def starting_between(self, after=None, before=None):
        """Events with a date, the main one or a further one, that starts in the range, in
        the order of that date; each with `matched_start`, the start of its first date in
        the range."""
        main_in_range = Q()
        further_in_range = {}
        if after:
            main_in_range &= Q(start__gte=after)
            further_in_range["start__gte"] = after
        if before:
            main_in_range &= Q(start__lte=before)
            further_in_range["start__lte"] = before
        first_further = (
            EventDate.objects.filter(event=OuterRef("pk"), **further_in_range)
            .order_by("start")
            .values("start")[:1]
        )
        return (
            self.annotate(
                matched_start=Case(When(main_in_range, then=F("start")), default=Subquery(first_further))
            )
            .filter(matched_start__isnull=False)
            .order_by("matched_start", "pk")
        )

    def past(self, now=None):
        """Events whose every date has ended, most recent first."""
        return self.exclude(pk__in=self.upcoming(now).values("pk")).order_by("-start", "-pk")


class EventPage(RoutablePageMixin, BasePage):
    """An event: a kickoff, a workshop, a live stream."""

    # The choices live in events.choices, which the filters and the structured data import
    # without loading the models; here they keep their familiar names (EventPage.Status).
    AttendanceMode = AttendanceMode
    Registration = Registration
    Status = Status

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    # When
    start = models.DateTimeField("Beginn", help_text="Datum und Uhrzeit (Ortszeit Berlin).")
    end = models.DateTimeField("Ende", null=True, blank=True)
    all_day = models.BooleanField(
        "Ganztägig", default=False, help_text="Uhrzeiten werden dann nicht angezeigt."
    )
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.SCHEDULED)

    # Where
    attendance_mode = models.CharField(
        "Teilnahme", max_length=20, choices=AttendanceMode.choices, default=AttendanceMode.ON_SITE
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name="Veranstaltungsort",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Auch bei Online-Veranstaltungen: der Ort, von dem gestreamt wird.",
    )
    stream_url = SafeURLField("Link zum Stream", blank=True)

    # Taking part
    registration = models.CharField(
        "Anmeldung", max_length=20, choices=Registration.choices, default=Registration.NOT_NEEDED
    )
    registration_url = SafeURLField("Link zur Anmeldung", blank=True)
    registration_email = models.EmailField("E-Mail für Anmeldungen", blank=True)
    cost = models.CharField(
        "Kosten", max_length=200, blank=True, help_text="z. B. „kostenfrei“ oder „5 €, ermäßigt 3 €“."
    )

    # Context
    category = models.ForeignKey(
        "cms.Category",
        verbose_name="Kategorie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organiser = models.ForeignKey(
        "cms.Organisation",
        verbose_name="Veranstalter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name="Zugehöriges Projekt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True)

    objects = PageManager.from_queryset(EventQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("status"),
                InlinePanel("further_dates", label="Weiterer Termin", heading="Weitere Termine"),
            ],
            heading="Termin",
        ),
        MultiFieldPanel(
            [FieldPanel("attendance_mode"), FieldPanel("venue"), FieldPanel("stream_url")],
            heading="Ort und Teilnahme",
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_email")]),
                FieldPanel("cost"),
            ],
            heading="Anmeldung und Kosten",
        ),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("organiser"), FieldPanel("project")],
            heading="Einordnung",
        ),
        # The news app adds "Nachrichten zu dieser Veranstaltung" here (articles.apps).
        BasePage.teaser_panel,
        BasePage.hero_image_panel,
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("attendance_mode"),
        index.FilterField("status"),
        index.FilterField("venue"),
        index.RelatedFields("venue", [index.SearchField("name"), index.SearchField("city")]),
        index.RelatedFields("category", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("all_day"),
        APIField("further_dates", serializer=EventDatesField()),
        # Read from upcoming_start(): an attribute named next_start would clash with the
        # annotation EventQuerySet.upcoming() puts on each event it loads.
        APIField("next_start", serializer=DateTimeField(source="upcoming_start", read_only=True)),
        # Set by the `start_after`/`start_before` filter (EventQuerySet.starting_between).
        APIField("matched_start", serializer=DateTimeField(read_only=True, default=None)),
        APIField("status"),
        APIField("attendance_mode"),
        APIField("venue", serializer=DirectoryEntryField()),
        APIField("stream_url"),
        APIField("registration"),
        APIField("registration_url"),
        APIField("registration_email"),
        APIField("cost"),
        APIField("is_free"),
        APIField("category", serializer=DirectoryEntryField()),
        APIField("project", serializer=PageLinkField()),
        DetailAPIField("organiser", serializer=DirectoryEntryField()),
        DetailAPIField("body"),
    ]
    # The JSON shape of each API field, for the OpenAPI document (api.openapi).
    # The filters of this type's list at /api/v2/pages/ (api_filters.py).
    api_filters = EVENT_FILTERS
    # Orderings computed for `order=` (api.filters.PageOrderingFilter).
    api_orderings = {"next_start": lambda events: events.with_next_start()}
    api_field_shapes = {
        "start": shapes.date_time("Start of the main date, ISO 8601 with the Berlin offset."),
        "end": shapes.nullable(shapes.date_time("End of the main date; null when open-ended.")),
        "time_zone": shapes.string("The zone the times were entered in: `Europe/Berlin`."),
        "all_day": shapes.boolean("When true, show the date only, no times."),
        "further_dates": shapes.array(shapes.ref("EventDate"), "More dates of the same event, in order."),
        "next_start": shapes.nullable(
            shapes.date_time(
                "Start of the next date (main or further) that is still running or to come; "
                "null when every date is over."
            )
        ),
        "matched_start": shapes.nullable(
            shapes.date_time(
                "With `start_after` or `start_before`: the start of the event's first date (main "
                "or further) in that range, by which the list is ordered; null otherwise."
            )
        ),
        "status": shapes.choices(Status, "Whether and how the event takes place."),
        "attendance_mode": shapes.choices(AttendanceMode, "How people take part."),
        "venue": shapes.nullable(
            shapes.ref("Venue")
            | {"description": "Where the event takes place (for online events: where it is streamed from)."}
        ),
        "stream_url": shapes.string(shapes.URL_OR_EMPTY),
        "registration": shapes.choices(Registration, "Whether people must sign up."),
        "registration_url": shapes.string(shapes.URL_OR_EMPTY),
        "registration_email": shapes.string("E-mail address for sign-ups, or an empty string."),
        "cost": shapes.string("Free text, e.g. „kostenfrei“; may be empty."),
        "is_free": shapes.nullable(
            shapes.boolean(
                "What `cost` says: true for free admission („kostenfrei“, „0 €“), false when it "
                "names a price, null when it is empty or says neither."
            )
        ),
        "category": shapes.nullable(shapes.ref("Category")),
        "project": shapes.nullable(
            shapes.ref("PageLink") | {"description": "The project the event belongs to."}
        ),
        "organiser": shapes.nullable(
            shapes.ref("Organisation") | {"description": "Who runs the event; as on the event's web page."}
        ),
        "body": shapes.ref("Body"),
    }

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = "Veranstaltungen"
        # The past events' order and the calendar's range are read on the start.
        indexes = [models.Index(fields=["start", "page_ptr"], name="event_start_order")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = END_BEFORE_START
        if (
            self.registration == self.Registration.REQUIRED
            and not self.registration_url
            and not self.registration_email
        ):
            errors["registration_url"] = (
                "Bei erforderlicher Anmeldung bitte einen Link oder eine E-Mail-Adresse angeben."
            )
        if errors:
            raise ValidationError(errors)

    def get_admin_display_title(self):
        # The admin (page chooser, lists, breadcrumbs) names an event with its date, so editors
        # pick the right one of several with the same title; the website and the API use
        # `title` and never show this.
        if self.start is None:
            return super().get_admin_display_title()
        return f"{super().get_admin_display_title()} ({self.admin_start})"

    @property
    def admin_start(self) -> str:
        """The start as the admin shows it: "07.03.2022, 17:00", or "07.03.2022" all day."""
        return admin_date(self.start, with_time=not self.all_day)

    @property
    def time_zone(self) -> str:
        """The zone the editor entered the times in, so clients can show local time anywhere."""
        return settings.TIME_ZONE

    @property
    def is_free(self) -> bool | None:
        """Whether admission is free, as the cost says (events.costs)."""
        return costs.is_free(self.cost)

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.SCHEDULED

    @property
    def is_online(self) -> bool:
        return self.attendance_mode in (self.AttendanceMode.ONLINE, self.AttendanceMode.HYBRID)

    @property
    def is_cancelled_or_postponed(self) -> bool:
        return self.status in (self.Status.CANCELLED, self.Status.POSTPONED)

    def json_ld_nodes(self, request) -> list[dict]:
        return events(self, request)

    def dates(self) -> list:
        """All dates of the event, the main one first, then the further dates in order."""
        main = EventDate(start=self.start, end=self.end, all_day=self.all_day)
        return [main, *self.further_dates.all()]

    def next_date(self, now=None):
        """The first date that has not ended yet, or the main date once all are over."""
        now = now or timezone.now()
        dates = self.dates()
        ahead = [date for date in dates if not date.has_ended(now)]
        _holds_until_one_ends(ahead)
        return min(ahead, key=lambda date: date.start) if ahead else dates[0]

    def upcoming_start(self, now=None):
        """The start of the first date still running or to come, or None once all have ended."""
        now = now or timezone.now()
        ahead = [date for date in self.dates() if not date.has_ended(now)]
        _holds_until_one_ends(ahead)
        return min((date.start for date in ahead), default=None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Named and linked only when visitors may open it: a login-only project stays unnamed.
        # Read when the template first asks (it calls what it is given), so a page whose main
        # part is kept (core.fragments) does not load it.
        context["project"] = functools.cache(
            lambda: self.project if is_visible(self.project, request) else None
        )
        return context

    @path("ical/", name="ical")
    def ical_download(self, request):
        """Every date of this event as an .ics file for the visitor's calendar."""
        calendar = build_calendar([(self, self.get_full_url(request))])
        return calendar_response(calendar, filename=f"{self.slug}.ics")


class EventDate(Orderable):
    """A further date of the same event, e.g. the second evening of a workshop series."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="further_dates")
    start = models.DateTimeField("Beginn")
    end = models.DateTimeField("Ende", null=True, blank=True)
    all_day = models.BooleanField("Ganztägig", default=False)
    note = models.CharField("Hinweis", max_length=200, blank=True, help_text="z. B. „Teil 2: Mobilität“.")

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("all_day"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Weiterer Termin"
        verbose_name_plural = "Weitere Termine"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": END_BEFORE_START})

    def has_ended(self, now) -> bool:
        if self.end:
            return self.end < now
        return self.start < _start_of_day(now)

    def ended_from(self):
        """The moment from which `has_ended()` holds: its end, or the next day's start."""
        if self.end:
            return self.end
        return _start_of_day(self.start) + datetime.timedelta(days=1)
