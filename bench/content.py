"""Generated content for the benchmark: the demo site plus enough news and events to look
like a city's site after a few years of publishing.

Everything comes from a seeded random generator, so two runs measure the same data. Pages
are created through the project's factories as live pages without revisions: the API reads
the page tables only, and publishing a thousand revisions would run every publish hook
(front-cache purges included) for content nobody edits.
"""

import csv
import datetime
import io
import random
from collections import Counter

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images.formats import get_image_format
from wagtail.models import Collection

from articles.factories import ArticlePageFactory
from articles.models import ArticleEventLink, ArticleIndexPage, ArticlePage, ArticleProjectLink
from core.models import Category, Organisation, german_slugify
from demo.blocks import (
    accordion,
    call_to_action,
    embedded_image,
    event_teaser,
    heading,
    image,
    link,
    link_list,
    page_link,
    paragraph,
    quote,
)
from demo.images import CC_BY, EDITORIAL_TEAM, HEIGHT, IMAGES, OWN_WORK_SOURCE, WIDTH, DemoImage, render
from demo.loader import DemoContentLoader
from events.factories import EventPageFactory, VenueFactory
from events.models import EventDate, EventIndexPage, EventPage, Venue
from media.api import RENDITION_SPECS
from media.factories import ImageFactory
from media.models import CustomImage
from projects.models import ProjectPage

# Times are entered in the site's zone (TIME_ZONE).
BERLIN = timezone.get_default_timezone()
# The format Wagtail's rich text editor gives images inserted into a paragraph.
RICH_TEXT_IMAGE_FORMAT = "fullwidth"
DROPPED_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
PROGRAMME_URL = "https://www.smart-city-dialog.de/"
CITY_URL = "https://www.wuppertal.de/smart-city"

DISTRICTS = [
    "Elberfeld",
    "Elberfeld-West",
    "Uellendorf-Katernberg",
    "Vohwinkel",
    "Cronenberg",
    "Barmen",
    "Oberbarmen",
    "Heckinghausen",
    "Langerfeld-Beyenburg",
    "Ronsdorf",
]
# (topic as written in a sentence, the tag it brings along)
TOPICS = [
    ("Mobilität", "Mobilität"),
    ("offene Daten", "Open Data"),
    ("Klimaanpassung", "Klima"),
    ("Bürgerbeteiligung", "Beteiligung"),
    ("digitale Bildung", "Bildung"),
    ("Stadtgrün", "Stadtgrün"),
    ("Luftqualität", "Sensorik"),
    ("digitale Verwaltung", "Verwaltung"),
    ("Quartiersarbeit", "Quartier"),
    ("Energie", "Energie"),
]
EXTRA_TAGS = [
    "Förderprogramm",
    "Pilotprojekt",
    "Livestream",
    "Ehrenamt",
    "Schule",
    "Barrierefreiheit",
    "Radverkehr",
    "ÖPNV",
    "Datenschutz",
    "Workshop",
]
ARTICLE_TITLES = [
    "{Topic} in {place}: erste Ergebnisse liegen vor",
    "{place} erprobt neue Angebote rund um {topic}",
    "{Topic}: Die Stadt lädt nach {place} ein",
    "Rückblick auf das Werkstattgespräch zu {topic} in {place}",
    "{Topic} – was sich in {place} jetzt ändert",
    "Neue Fördermittel für {topic} in {place}",
]
EVENT_TITLES = [
    "Workshop {topic} in {place}",
    "Sprechstunde {topic}",
    "Stadtteilspaziergang {place}: {topic} erleben",
    "Livestream: {Topic} im Gespräch",
    "Werkstattabend {topic} in {place}",
    "Infomarkt {topic} in {place}",
]
SENTENCES = [
    "In {place} zeigt sich, wie {topic} den Alltag spürbar erleichtern kann.",
    "Das Projektteam hat dazu mit Menschen aus der Nachbarschaft, Vereinen und Betrieben gesprochen.",
    "Die Ergebnisse fließen in die Smart-City-Strategie der Stadt ein.",
    "Wer mitreden möchte, kann Ideen und Fragen jederzeit einbringen.",
    "Bund und KfW fördern das Vorhaben im Programm „Smart Cities made in Germany“.",
    "Erste Messwerte stehen bereits als offene Daten zur Verfügung.",
    "Bis zum Jahresende sollen weitere Stadtteile dazukommen.",
    "Wichtig ist dem Team, dass alle Angebote barrierefrei nutzbar sind.",
    "Schulen und Bibliotheken in {place} sind von Anfang an dabei.",
    "Eine Karte zeigt, wo in {place} schon etwas umgesetzt ist.",
    "Im Herbst zieht die Stadt eine erste Bilanz und stellt sie öffentlich vor.",
    "Beim Thema {topic} lernt Wuppertal auch von anderen Modellkommunen.",
]
QUOTES = [
    ("Gute Ideen entstehen dort, wo die Menschen wohnen.", "Erika Mustermann", "Projektleitung Smart City"),
    ("Offene Daten sind ein Angebot an alle, nicht nur an Fachleute.", "Max Mustermann", "Beteiligung"),
    ("Wir probieren im Kleinen aus, was später der ganzen Stadt hilft.", "Projektteam", "Stadt Wuppertal"),
]
EVENT_STATUS_WEIGHTS = {
    EventPage.Status.SCHEDULED: 85,
    EventPage.Status.CANCELLED: 5,
    EventPage.Status.POSTPONED: 3,
    EventPage.Status.RESCHEDULED: 4,
    EventPage.Status.MOVED_ONLINE: 3,
}
ATTENDANCE_WEIGHTS = {
    EventPage.AttendanceMode.ON_SITE: 60,
    EventPage.AttendanceMode.ONLINE: 20,
    EventPage.AttendanceMode.HYBRID: 20,
}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _aware(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


def _weeks_later(start: datetime.datetime, end: datetime.datetime, weeks: int) -> EventDate:
    shift = datetime.timedelta(weeks=weeks)
    return EventDate(start=start + shift, end=end + shift)


class BenchContent:
    """Loads the demo site, then adds images, documents, venues, events and articles until
    the site holds the requested number of articles and events."""

    def __init__(self, articles: int, events: int, images: int, seed: int = 2022, today=None):
        self.article_total = articles
        self.event_total = events
        self.image_count = images
        self.rng = random.Random(seed)
        self.today = today or timezone.localdate()
        self.created: Counter[str] = Counter()

    def load(self) -> Counter:
        """Create everything and return how many objects of each kind were created."""
        # Every saved object queues search and reference index updates as tasks, which
        # take most of the loading time. Neither index is read by the API endpoints measured
        # here, so the tasks are dropped; `manage.py update_index` builds search if wanted.
        with override_settings(TASKS=DROPPED_TASKS):
            self._create()
        return self.created

    @transaction.atomic
    def _create(self) -> None:
        self.created.update(DemoContentLoader(today=self.today).load())
        self.collection = Collection.get_first_root_node()
        self.images = list(CustomImage.objects.all()) + self._images()
        self.documents = self._documents()
        self.venues = list(Venue.objects.all()) + self._venues()
        self.categories = list(Category.objects.all())
        self.organisations = list(Organisation.objects.all())
        self.projects = list(ProjectPage.objects.live())
        self.events = list(EventPage.objects.live())
        self.events += self._events(EventIndexPage.objects.get(), self.event_total - len(self.events))
        self.articles = list(ArticlePage.objects.live())
        self._articles(ArticleIndexPage.objects.get(), self.article_total - len(self.articles))

    # Media and snippets

    def _images(self) -> list[CustomImage]:
        """Further generated graphics in the demo's painters and palettes, with credits."""
        created = []
        for number in range(1, self.image_count + 1):
            template = IMAGES[number % len(IMAGES)]
            spec = DemoImage(
                key=f"bench-{number}",
                title=f"Stadtansicht {number} (Benchmark-Grafik)",
                painter=template.painter,
                palette=template.palette,
            )
            own_work = number % 2 == 0
            picture = ImageFactory.build(
                title=spec.title,
                file=ImageFile(io.BytesIO(render(spec)), name=spec.filename),
                width=WIDTH,
                height=HEIGHT,
                collection=self.collection,
                description=f"Abstrakte Grafik Nummer {number} in den Farben des Stadtbilds.",
                credit_author="" if own_work else EDITORIAL_TEAM,
                credit_source=OWN_WORK_SOURCE if own_work else "",
                licence="" if own_work else CC_BY[0],
                licence_url="" if own_work else CC_BY[1],
            )
            # As the admin's upload form does: file size and hash.
            picture._set_image_file_metadata()
            picture.save()
            created.append(picture)
        self.created["images"] += len(created)
        return created

    def _documents(self) -> list:
        document_model = get_document_model()
        documents = []
        for number, district in enumerate(DISTRICTS[:4], start=1):
            rows = io.StringIO()
            writer = csv.writer(rows)
            writer.writerow(["Datum", "Messstelle", "Feinstaub PM10 (µg/m³)"])
            for day in range(90):
                date = self.today - datetime.timedelta(days=day)
                writer.writerow([date.isoformat(), district, self.rng.randint(8, 45)])
            document = document_model(
                title=f"Messwerte Luftqualität {district}",
                file=ContentFile(rows.getvalue().encode(), name=f"luftqualitaet-{number}.csv"),
                collection=self.collection,
            )
            document._set_document_file_metadata()
            document.save()
            documents.append(document)
        self.created["documents"] += len(documents)
        return documents

    def _venues(self) -> list[Venue]:
        venues = []
        for number, district in enumerate(DISTRICTS, start=1):
            kind = "Bürgerhaus" if number % 2 else "Stadtteilbibliothek"
            venues.append(
                VenueFactory(
                    name=f"{kind} {district}",
                    street=f"Marktstraße {number}",
                    postal_code=f"421{number:02d}",
                    latitude=f"{51.24 + self.rng.uniform(0, 0.05):.6f}",
                    longitude=f"{7.05 + self.rng.uniform(0, 0.2):.6f}",
                )
            )
        self.created["venues"] += len(venues)
        return venues

    # Text and blocks

    def _subject(self):
        topic, tag = self.rng.choice(TOPICS)
        return {"topic": topic, "Topic": _capitalised(topic), "place": self.rng.choice(DISTRICTS)}, tag

    def _sentences(self, subject: dict, count: int) -> str:
        return " ".join(sentence.format(**subject) for sentence in self.rng.sample(SENTENCES, count))

    def _linked_paragraph(self, subject: dict, target) -> str:
        """Text with a link to another page of the site and one to an external site."""
        return (
            f"<p>{escape(self._sentences(subject, 2))} Mehr dazu: {page_link(target, target.title)}. "
            f'Hintergründe bietet die <a href="{PROGRAMME_URL}">Dialogplattform des Bundes</a>.</p>'
        )

    def _notes(self, subject: dict) -> tuple:
        return accordion(
            "Erläuterungen und Hinweise",
            ("Teilnahme", f"<p>{escape(self._sentences(subject, 1))}</p>"),
            (
                "Kontakt",
                '<p>Fragen beantwortet das Smart-City-Team unter <a href="mailto:smart-city@example.org">'
                "smart-city@example.org</a>.</p>",
            ),
        )

    def _article_body(self, number: int, subject: dict) -> list:
        rng = self.rng
        earlier = self.articles[-1] if self.articles else rng.choice(self.projects)
        body = [
            paragraph(self._linked_paragraph(subject, earlier)),
            heading("Worum es geht"),
            paragraph(f"<p>{escape(self._sentences(subject, 3))}</p>"),
            image(rng.choice(self.images), caption=self._sentences(subject, 1)),
            paragraph(self._linked_paragraph(subject, rng.choice(self.events))),
        ]
        if number % 5 == 0:
            body.append(paragraph(embedded_image(rng.choice(self.images))))
        if number % 3 == 0:
            body.append(quote(*rng.choice(QUOTES)))
        if number % 4 == 1:
            body.append(self._notes(subject))
        if number % 4 == 2:
            event = rng.choice(self.events)
            body.append(call_to_action(event.title, event.teaser, link("Zur Veranstaltung", page=event)))
        if number % 5 == 3:
            body.append(event_teaser(rng.choice(self.events)))
        if number % 3 == 1:
            body.append(
                link_list(
                    "Weiterführende Links",
                    link("Smart City auf wuppertal.de", url=CITY_URL, new_tab=True),
                    link(rng.choice(self.projects).title, page=rng.choice(self.projects)),
                )
            )
        if number % 6 == 0:
            document = rng.choice(self.documents)
            body.append(("document", {"document": document, "title": "", "description": document.title}))
        return body

    def _event_body(self, subject: dict, registration_url: str) -> list:
        body = [
            paragraph(f"<p>{escape(self._sentences(subject, 3))}</p>"),
            image(self.rng.choice(self.images), caption=""),
            paragraph(self._linked_paragraph(subject, self.rng.choice(self.projects))),
        ]
        if registration_url:
            body.append(
                call_to_action(
                    "Jetzt anmelden",
                    "Die Plätze sind begrenzt.",
                    link("Zur Anmeldung", url=registration_url, new_tab=True),
                )
            )
        body.append(self._notes(subject))
        return body

    # Pages

    def _events(self, index: EventIndexPage, count: int) -> list[EventPage]:
        rng = self.rng
        events = []
        for number in range(1, count + 1):
            subject, _tag = self._subject()
            title = rng.choice(EVENT_TITLES).format(**subject)
            day = self.today + datetime.timedelta(days=rng.randint(-330, 330))
            start = _aware(day, rng.randint(9, 19), rng.choice([0, 30]))
            end = start + datetime.timedelta(hours=rng.randint(1, 3))
            mode = _weighted(rng, ATTENDANCE_WEIGHTS)
            online = mode != EventPage.AttendanceMode.ON_SITE
            registration_required = rng.random() < 0.4
            registration_url = f"{CITY_URL}/anmeldung/{number}" if registration_required else ""
            # Every fifth event is a series with one to three further weekly dates.
            repeats = rng.randint(1, 3) if number % 5 == 0 else 0
            events.append(
                EventPageFactory(
                    parent=index,
                    title=title,
                    slug=f"{german_slugify(title)[:60]}-{number}",
                    teaser=self._sentences(subject, 1),
                    hero_image=rng.choice(self.images) if number % 10 else None,
                    start=start,
                    end=end,
                    all_day=number % 12 == 0,
                    status=_weighted(rng, EVENT_STATUS_WEIGHTS),
                    attendance_mode=mode,
                    venue=rng.choice(self.venues),
                    stream_url=f"{CITY_URL}/live" if online else "",
                    registration=(
                        EventPage.Registration.REQUIRED
                        if registration_required
                        else EventPage.Registration.NOT_NEEDED
                    ),
                    registration_url=registration_url,
                    cost=rng.choice(["kostenfrei", "", "5 €, ermäßigt 3 €"]),
                    category=rng.choice(self.categories),
                    organiser=rng.choice(self.organisations),
                    project=rng.choice(self.projects) if rng.random() < 0.7 else None,
                    body=self._event_body(subject, registration_url),
                    further_dates=[_weeks_later(start, end, week) for week in range(1, repeats + 1)],
                    first_published_at=start - datetime.timedelta(days=30),
                    last_published_at=start - datetime.timedelta(days=30),
                )
            )
        self.created["events"] += len(events)
        return events

    def _articles(self, index: ArticleIndexPage, count: int) -> None:
        rng = self.rng
        # Oldest first, so an article's links point at articles published before it.
        for number in range(1, count + 1):
            subject, tag = self._subject()
            title = rng.choice(ARTICLE_TITLES).format(**subject)
            date = self.today - datetime.timedelta(days=count - number)
            published = _aware(date, 8)
            article = ArticlePageFactory.build(
                title=title,
                slug=f"{german_slugify(title)[:60]}-{number}",
                date=date,
                teaser=self._sentences(subject, 2),
                hero_image=rng.choice(self.images) if number % 15 else None,
                category=rng.choice(self.categories),
                body=self._article_body(number, subject),
                related_events=[
                    ArticleEventLink(event=event) for event in rng.sample(self.events, rng.randint(0, 2))
                ],
                related_projects=(
                    [ArticleProjectLink(project=rng.choice(self.projects))] if number % 2 else []
                ),
                first_published_at=published,
                last_published_at=published,
            )
            article.tags.add(tag, *rng.sample(EXTRA_TAGS, rng.randint(0, 2)))
            self.articles.append(index.add_child(instance=article))
        self.created["articles"] += count


def prerender_renditions() -> int:
    """Create every rendition the API and rich text ask for, so no request pays for one."""
    rich_text_spec = get_image_format(RICH_TEXT_IMAGE_FORMAT).filter_spec
    images = CustomImage.objects.all()
    for picture in images:
        picture.get_renditions(*RENDITION_SPECS, rich_text_spec)
    return len(images) * (len(RENDITION_SPECS) + 1)
