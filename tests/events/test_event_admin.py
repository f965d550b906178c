"""Editors announce events in the admin; impossible dates and registrations are refused
with an error on the field that is wrong."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.factories import OrganisationFactory
from events.factories import EventIndexPageFactory, VenueFactory
from events.models import EventIndexPage, EventPage
from home.factories import HomePageFactory
from home.models import HomePage
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory

BERLIN = ZoneInfo("Europe/Berlin")


def event_form_data(**overrides):
    data = {
        "title": "Live-Auftakt von smart.wuppertal",
        "slug": "live-auftakt",
        "start": "2022-03-07 17:00",
        "end": "2022-03-07 19:00",
        "status": "scheduled",
        "attendance_mode": "online",
        "stream_url": "https://www.wuppertal.de/smart-city",
        "registration": "not_needed",
        "cost": "kostenfrei",
        "teaser": "Digitale Auftaktveranstaltung des Modellprojekts.",
        "body": streamfield([("paragraph", rich_text("<p>Ein Klick genügt.</p>"))]),
        "further_dates": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


class EventAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory(parent=Page.get_first_root_node(), slug="start")
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.venue = VenueFactory(name="codeks")
        cls.organiser = OrganisationFactory(name="Stadt Wuppertal")
        projects = ProjectIndexPageFactory(parent=cls.home)
        cls.project = ProjectPageFactory(parent=projects)

    def setUp(self):
        self.client.force_login(self.create_test_user())

    def post_new_event(self, data):
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", self.index.pk])
        return self.client.post(url, {**data, "action-publish": "action-publish"})

    def test_it_publishes_an_event_in_berlin_time_with_further_dates(self):
        data = event_form_data(
            venue=str(self.venue.pk),
            organiser=str(self.organiser.pk),
            project=str(self.project.pk),
            further_dates=inline_formset(
                [{"start": "2022-03-14 17:00", "end": "2022-03-14 19:00", "note": "Teil 2"}]
            ),
        )
        self.assertCanCreate(self.index, EventPage, data)

        event = EventPage.objects.get(slug="live-auftakt")
        assert event.start == datetime.datetime(2022, 3, 7, 17, 0, tzinfo=BERLIN)
        assert event.start.astimezone(datetime.UTC).hour == 16
        assert event.venue == self.venue
        assert [d.start for d in event.dates()] == [
            datetime.datetime(2022, 3, 7, 17, 0, tzinfo=BERLIN),
            datetime.datetime(2022, 3, 14, 17, 0, tzinfo=BERLIN),
        ]
        assert list(self.project.get_events()) == [event]

    def test_it_rejects_an_end_before_the_start(self):
        response = self.post_new_event(event_form_data(end="2022-03-07 16:00"))

        assert response.status_code == 200
        assert response.context["form"].errors["end"] == ["Das Ende darf nicht vor dem Beginn liegen."]
        assert not EventPage.objects.exists()

    def test_it_rejects_a_further_date_that_ends_before_it_starts(self):
        data = event_form_data(
            further_dates=inline_formset([{"start": "2022-03-14 17:00", "end": "2022-03-13 19:00"}])
        )
        response = self.post_new_event(data)

        assert response.status_code == 200
        further_date_form = response.context["form"].formsets["further_dates"].forms[0]
        assert further_date_form.errors["end"] == ["Das Ende darf nicht vor dem Beginn liegen."]
        assert not EventPage.objects.exists()

    def test_it_rejects_a_required_registration_without_link_or_email(self):
        response = self.post_new_event(event_form_data(registration="required"))

        assert response.status_code == 200
        assert response.context["form"].errors["registration_url"] == [
            "Bei erforderlicher Anmeldung bitte einen Link oder eine E-Mail-Adresse angeben."
        ]

    def test_it_accepts_a_required_registration_by_email(self):
        data = event_form_data(registration="required", registration_email="anmeldung@example.org")
        self.assertCanCreate(self.index, EventPage, data)

    def test_it_allows_events_only_under_the_events_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(HomePage, EventPage)
