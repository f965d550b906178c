"""Generated content for the benchmark: the demo site plus enough news and events to look
like a city's site after a few years of publishing.

Everything comes from a seeded random generator, so two runs measure the same data. Pages
are built with the project's factories and inserted as live pages without revisions, a
thousand at a time (bench/bulk.py), each batch committed: the API and the pages read the
page tables only, and publishing a hundred thousand revisions would run every publish hook
(front-cache purges included) for content nobody edits. 100,000 articles and 10,000 events
load in a few minutes.
"""

import csv
import datetime
import io
import random
from collections import Counter

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.html import escape
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Collection

from articles.factories import ArticlePageFactory
from articles.models import (
    ArticleEventLink,
    ArticleIndexPage,
    ArticlePage,
    ArticlePageTag,
    ArticleProjectLink,
)
from bench.bulk import add_live_children, analyze
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
from media.factories import ImageFactory
from media.models import CustomImage
from media.renditions import visitor_rendition_specs
from projects.models import ProjectPage

# Times are entered in the site's zone (TIME_ZONE).
BERLIN = timezone.get_default_timezone()
# The format Wagtail's rich text editor gives images inserted into a paragraph.
RICH_TEXT_IMAGE_FORMAT = "fullwidth"
DROPPED_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
# Pages inserted and committed together (bench/bulk.py).
BATCH_SIZE = 1000
# Articles one a day, oldest first; a larger archive packs more into a day so that it still
# spans at most 25 years (100,000 articles: 11 a day).
ARCHIVE_DAYS = 25 * 365
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
        # take most of the loading time. The tasks are dropped: the search index is built in
        # bulk afterwards (bench.bulk.build_search_index), the reference index is not read.
        with override_settings(TASKS=DROPPED_TASKS):
            self._create()
        return self.created

    def _create(self) -> None:
        with transaction.atomic():
            self.created.update(DemoContentLoader(today=self.today).load())
            self.collection = Collection.get_first_root_node()
            self.images = list(CustomImage.objects.all()) + self._images()
            self.documents = self._documents()
            self.venues = list(Venue.objects.all()) + self._venues()
        self.categories = list(Category.objects.all())
        self.organisations = list(Organisation.objects.all())
        self.projects = list(ProjectPage.objects.live())
        self.tags = {}
        self.events = list(EventPage.objects.live())
        # The generated pages are German, under the German sections (the demo has English ones too).
        german = {"locale__language_code": settings.LANGUAGE_CODE}
        self._events(EventIndexPage.objects.get(**german), self.event_total - len(self.events))
        self.last_article = ArticlePage.objects.live().order_by("-date").first()
        self._articles(
            ArticleIndexPage.objects.get(**german), self.article_total - ArticlePage.objects.live().count()
        )
        analyze()

    def _insert(self, parent, pages: list, kind: str) -> None:
        """One batch below `parent`, committed; the statistics refreshed as the tables grow."""
        add_live_children(parent, pages)
        batches = self.created[kind] // BATCH_SIZE
        self.created[kind] += len(pages)
        if self.created[kind] // BATCH_SIZE != batches and batches % 10 == 0:
            analyze()

    def _tag(self, name: str) -> Tag:
        if name not in self.tags:
            self.tags[name], _ = Tag.objects.get_or_create(name=name, defaults={"slug": german_slugify(name)})
        return self.tags[name]

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
        earlier = self.last_article or rng.choice(self.projects)
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

    def _events(self, index: EventIndexPage, count: int) -> None:
        rng = self.rng
        batch = []
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
            batch.append(
                EventPageFactory.build(
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
            if len(batch) == BATCH_SIZE or number == count:
                self._insert(index, batch, "events")
                # Articles link the events: saved ones only.
                self.events += batch
                batch = []

    def _articles(self, index: ArticleIndexPage, count: int) -> None:
        rng = self.rng
        batch = []
        per_day = -(-count // ARCHIVE_DAYS)
        # Oldest first, so an article's links point at articles published before it.
        for number in range(1, count + 1):
            subject, tag = self._subject()
            title = rng.choice(ARTICLE_TITLES).format(**subject)
            date = self.today - datetime.timedelta(days=(count - number) // per_day)
            published = _aware(date, 8)
            tags = [tag, *rng.sample(EXTRA_TAGS, rng.randint(0, 2))]
            batch.append(
                ArticlePageFactory.build(
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
                    tagged_items=[ArticlePageTag(tag=self._tag(name)) for name in tags],
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            if len(batch) == BATCH_SIZE or number == count:
                self._insert(index, batch, "articles")
                self.last_article = batch[-1]
                batch = []


def prerender_renditions() -> int:
    """Create every rendition visitors' pages and the API ask for (media.renditions), so no
    request pays for one."""
    specs = visitor_rendition_specs()
    images = CustomImage.objects.all()
    for picture in images:
        picture.get_renditions(*specs)
    return len(images) * len(specs)
