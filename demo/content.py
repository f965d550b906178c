"""The demo site's content: snippets and pages, in German, in the order they are created.

The facts about the kickoff (07.03.2022, 17:00, streamed from the codeks, funded by
BMWSB and KfW, 28 of 94 applicants chosen) come from the seed page; the wording is
our own. People, partner organisations, addresses, coordinates, project periods and
milestone dates are invented demo values and say nothing about the real programme.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import factory
from django.utils import timezone

from accessibility.factories import (
    AccessibilityStatementPageFactory,
    BarrierReportPageFactory,
    EasyLanguagePageFactory,
    SignLanguagePageFactory,
)
from alerts.models import Orientation, Severity
from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticleEventLink, ArticleProjectLink
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventDate, EventPage
from home.factories import ContentPageFactory, HomePageFactory
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from projects.models import ProjectFunder, ProjectGoal, ProjectMilestone, ProjectPage, ProjectPartner

from . import accessibility
from .blocks import (
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

# Times are entered in the site's zone (TIME_ZONE).
BERLIN = timezone.get_default_timezone()

SITE_NAME = "Smart City Wuppertal"
HOME_SLUG = "smart-city"
STREAM_URL = "https://www.wuppertal.de/smart-city"
PROGRAMME = "Modellprojekte Smart Cities made in Germany"
PROGRAMME_URL = "https://www.smart-city-dialog.de/"
CONTACT_EMAIL = "smart-city@example.org"
KICKOFF_START = datetime.datetime(2022, 3, 7, 17, 0, tzinfo=BERLIN)

CATEGORIES = [
    ("Veranstaltungshinweis", "veranstaltungshinweis"),
    ("Pressemitteilung", "pressemitteilung"),
    ("Projektbericht", "projektbericht"),
    ("Beteiligung", "beteiligung"),
    ("Workshop", "workshop"),
    ("Livestream", "livestream"),
]

THEMES = [
    ("Mobilität", "mobilitaet", "Wege durch die Stadt: Bus und Bahn, Rad, Fußverkehr und Sharing."),
    ("Teilhabe", "teilhabe", "Digitale Angebote, die alle erreichen, und Beteiligung, die alle einlädt."),
    ("Umwelt und Klima", "umwelt-und-klima", "Messen, verstehen und handeln: für ein gesundes Stadtklima."),
    (
        "Daten und Verwaltung",
        "daten-und-verwaltung",
        "Offene Daten und digitale Dienste der Stadtverwaltung.",
    ),
    ("Bildung", "bildung", "Digitale Kompetenzen in Schulen, Bibliotheken und Quartieren."),
]

ORGANISATIONS = [
    {"name": "Stadt Wuppertal", "short_name": "", "url": "https://www.wuppertal.de/"},
    {
        "name": "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen",
        "short_name": "BMWSB",
        "url": "https://www.bmwsb.bund.de/",
    },
    {"name": "Kreditanstalt für Wiederaufbau", "short_name": "KfW", "url": "https://www.kfw.de/"},
    # Invented for the demo, like everyone below.
    {"name": "Digitale Nachbarschaft Wuppertal e. V.", "short_name": "", "url": ""},
]

PEOPLE = [
    {
        "name": "Erika Mustermann",
        "role": "Projektleitung Smart City",
        "organisation": "Stadt Wuppertal",
        "email": CONTACT_EMAIL,
        "phone": "+49 202 0000000",
    },
    {
        "name": "Max Mustermann",
        "role": "Koordination Beteiligung",
        "organisation": "Stadt Wuppertal",
        "email": "beteiligung@example.org",
        "phone": "",
    },
]

# Addresses and coordinates are plausible demo values, not checked against a map.
VENUES = [
    {
        "name": "codeks",
        "street": "Hofaue 63",
        "postal_code": "42103",
        "city": "Wuppertal",
        "latitude": "51.256800",
        "longitude": "7.149500",
        "accessibility": "Stufenloser Zugang über den Hof, barrierefreies WC im Erdgeschoss.",
    },
    {
        "name": "Rathaus Barmen",
        "street": "Johannes-Rau-Platz 1",
        "postal_code": "42275",
        "city": "Wuppertal",
        "latitude": "51.271700",
        "longitude": "7.198600",
        "accessibility": "Eingang mit Rampe an der Seite, Aufzug zu allen Sälen.",
    },
    {
        "name": "Zentralbibliothek Wuppertal",
        "street": "Kolpingstraße 8",
        "postal_code": "42103",
        "city": "Wuppertal",
        "latitude": "51.257500",
        "longitude": "7.146500",
        "accessibility": "Stufenloser Zugang, Induktionsschleife im Veranstaltungsraum.",
    },
]


@dataclass
class Refs:
    """What the page builders may point at: snippets, images and pages created so far."""

    today: datetime.date
    images: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    venues: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)

    def at(self, days_from_today: int, hour: int, minute: int = 0) -> datetime.datetime:
        """An aware Berlin datetime relative to the first run, so upcoming events stay upcoming."""
        day = self.today + datetime.timedelta(days=days_from_today)
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


@dataclass(frozen=True)
class PageSpec:
    """One demo page: found again by its slug under its parent, built only when missing."""

    slug: str
    parent: str
    factory: type[factory.Factory]
    fields: Callable[[Refs], dict]
    tags: tuple[str, ...] = ()


# Start page and sections


def home(r: Refs) -> dict:
    return {
        "title": SITE_NAME,
        "teaser": (
            "Neuigkeiten, Termine und Projekte aus dem Modellprojekt Smart City: "
            "wie digitale Werkzeuge das Leben in Wuppertal besser machen können."
        ),
        "hero_image": r.images["stadtsilhouette"],
        "body": [
            paragraph(
                "<p>Wuppertal ist eines der Modellprojekte Smart Cities, die der Bund fördert. "
                "Hier erfahren Sie, woran die Stadt mit Menschen aus Nachbarschaften, Wirtschaft "
                "und Wissenschaft arbeitet, wo Sie mitreden können und was schon erreicht ist.</p>"
            ),
            quote(
                "Digitale Technik ist für uns kein Selbstzweck, sondern ein Werkzeug für eine "
                "Stadt, in der man gern lebt.",
                attribution="Projektteam smart.wuppertal",
                role="Stadt Wuppertal",
            ),
        ],
    }


def articles_index(r: Refs) -> dict:
    return {
        "title": "Aktuelles",
        "show_in_menus": True,
        "teaser": "Nachrichten, Pressemitteilungen und Berichte aus dem Modellprojekt Smart City Wuppertal.",
    }


def events_index(r: Refs) -> dict:
    return {
        "title": "Veranstaltungen",
        "show_in_menus": True,
        "teaser": "Workshops, Gespräche und Livestreams: alle Termine zum Mitmachen und Zuschauen.",
        "hero_image": r.images["muster"],
    }


def projects_index(r: Refs) -> dict:
    return {
        "title": "Projekte",
        "show_in_menus": True,
        "teaser": (
            "Vom Förderprogramm bis zum Messfühler im Stadtteil: die Vorhaben der Smart City Wuppertal."
        ),
    }


# Projects


def _milestone(r: Refs, date: datetime.date, title: str, description: str) -> ProjectMilestone:
    # Reached or not is judged on the day of the first run, so the list looks current then.
    return ProjectMilestone(date=date, title=title, description=description, done=date < r.today)


def _federal_funders(r: Refs) -> list[ProjectFunder]:
    """The programme's two funders, named on every project it pays for."""
    return [
        ProjectFunder(
            organisation=r.organisations["Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen"]
        ),
        ProjectFunder(organisation=r.organisations["Kreditanstalt für Wiederaufbau"]),
    ]


def model_project(r: Refs) -> dict:
    return {
        "title": "Modellprojekt Smart City Wuppertal",
        "teaser": (
            "Als eines von 28 Modellprojekten des Bundes entwickelt Wuppertal gemeinsam mit der "
            "Stadtgesellschaft digitale Lösungen für eine nachhaltige und gemeinwohlorientierte Stadt."
        ),
        "hero_image": r.images["vernetzte-stadt"],
        "status": ProjectPage.Status.RUNNING,
        "start_date": datetime.date(2022, 1, 1),
        "end_date": datetime.date(2028, 12, 31),
        "themes": list(r.themes.values()),
        "funding_programme": PROGRAMME,
        "funding_programme_url": PROGRAMME_URL,
        "contact": r.people["Erika Mustermann"],
        "website": STREAM_URL,
        "goals": [
            ProjectGoal(
                text="Digitale Angebote gemeinsam mit den Menschen entwickeln, die sie nutzen werden."
            ),
            ProjectGoal(text="Das Zusammenleben in den Quartieren und das Gemeinwohl stärken."),
            ProjectGoal(text="Wuppertal sozial, ökologisch und wirtschaftlich nachhaltiger machen."),
            ProjectGoal(text="Erfahrungen offen teilen, damit andere Kommunen davon lernen."),
        ],
        "milestones": [
            _milestone(
                r,
                datetime.date(2021, 9, 15),
                "Auswahl als Modellprojekt",
                "Wuppertal gehört zu den 28 Kommunen, die aus 94 Bewerbungen ausgewählt werden.",
            ),
            _milestone(
                r,
                datetime.date(2022, 3, 7),
                "Digitaler Auftakt",
                "Der öffentliche Start des Projekts, live übertragen aus dem codeks.",
            ),
            _milestone(
                r,
                datetime.date(2023, 6, 30),
                "Strategie erarbeitet",
                "Die Smart-City-Strategie ist mit der Stadtgesellschaft abgestimmt.",
            ),
            _milestone(
                r,
                datetime.date(2024, 3, 1),
                "Umsetzung beginnt",
                "Die ersten Maßnahmen werden in den Stadtteilen erprobt.",
            ),
            _milestone(
                r,
                datetime.date(2028, 12, 31),
                "Abschluss und Weitergabe",
                "Ergebnisse und Erfahrungen stehen anderen Kommunen offen zur Verfügung.",
            ),
        ],
        "funders": _federal_funders(r),
        "partners": [ProjectPartner(organisation=r.organisations["Digitale Nachbarschaft Wuppertal e. V."])],
        "body": [
            heading("Worum es geht"),
            paragraph(
                "<p>Mit dem Programm „Smart Cities made in Germany“ unterstützen das "
                "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (BMWSB) und die "
                "Kreditanstalt für Wiederaufbau (KfW) Kommunen, die die Digitalisierung gezielt für "
                "eine lebenswerte Stadt nutzen wollen. In der Förderrunde, um die sich Wuppertal "
                "bemüht hatte, gingen 94 Bewerbungen ein. Ausgewählt wurden 28 Kommunen – "
                "Wuppertal ist eine davon.</p>"
            ),
            paragraph(
                "<p>Über mehrere Jahre erarbeitet die Stadt eine eigene Smart-City-Strategie und "
                "erprobt sie in konkreten Maßnahmen. Technik ist dabei Mittel zum Zweck: Sie kommt "
                "dort zum Einsatz, wo sie das Zusammenleben spürbar verbessert.</p>"
            ),
            heading("Gemeinsam statt im Alleingang"),
            paragraph(
                "<p>Verwaltung, Vereine, Unternehmen, Hochschulen und Nachbarschaften: Eine Smart "
                "City entsteht nur, wenn viele mitmachen. Deshalb setzt das Projekt auf offene "
                "Formate, in denen alle Interessierten Ideen einbringen und Lösungen ausprobieren "
                f"können. Die nächsten Gelegenheiten finden Sie unter "
                f"{page_link(r.pages['veranstaltungen'], 'Veranstaltungen')}.</p>"
            ),
            link_list(
                "Weiterführende Links",
                link("Smart-City-Dialogplattform des Bundes", url=PROGRAMME_URL, new_tab=True),
                link("Smart City auf wuppertal.de", url=STREAM_URL, new_tab=True),
            ),
        ],
    }


def open_data_project(r: Refs) -> dict:
    start = datetime.date(r.today.year + 1, 1, 1)
    return {
        "title": "Offene Daten für Wuppertal",
        "teaser": (
            "Ein Portal soll städtische Daten für alle nutzbar machen: von Haltestellen über "
            "Parkplätze bis zu Messwerten aus den Stadtteilen."
        ),
        "hero_image": r.images["datenraster"],
        "status": ProjectPage.Status.PLANNED,
        "start_date": start,
        "end_date": datetime.date(start.year + 1, 12, 31),
        "themes": [r.themes["daten-und-verwaltung"], r.themes["teilhabe"]],
        "funding_programme": PROGRAMME,
        "funding_programme_url": PROGRAMME_URL,
        "contact": r.people["Max Mustermann"],
        "goals": [
            ProjectGoal(text="Städtische Daten in offenen, maschinenlesbaren Formaten bereitstellen."),
            ProjectGoal(text="Die Veröffentlichung von Daten als festen Ablauf in der Verwaltung verankern."),
            ProjectGoal(text="Initiativen und Unternehmen bei eigenen Anwendungen begleiten."),
        ],
        "milestones": [
            _milestone(
                r, start, "Bedarfe sammeln", "Welche Daten wünschen sich Bürgerschaft und Wirtschaft?"
            ),
            _milestone(
                r,
                start + datetime.timedelta(days=180),
                "Erste Datensätze online",
                "Das Portal geht mit einer ersten Auswahl an Datensätzen an den Start.",
            ),
        ],
        "funders": _federal_funders(r),
        "body": [
            paragraph(
                "<p>Viele Informationen, die in der Verwaltung ohnehin entstehen, können auch "
                "außerhalb nützlich sein: für eine App, die barrierefreie Wege zeigt, für eine "
                "Schulklasse, die das Stadtklima untersucht, oder für ein Start-up mit einer neuen "
                "Idee. Das Projekt bereitet ein offenes Datenportal vor.</p>"
            ),
            heading("Wie Sie sich einbringen können"),
            paragraph(
                "<p>Bevor das Portal entsteht, fragen wir nach: Welche Daten brauchen Sie, und in "
                "welcher Form? Beim Bürgerdialog und in der Workshopreihe sammeln wir Wünsche und "
                "Beispiele.</p>"
            ),
        ],
    }


def climate_project(r: Refs) -> dict:
    return {
        "title": "Sensoren für ein besseres Stadtklima",
        "teaser": (
            "Zwei Jahre lang haben Messfühler in mehreren Stadtteilen Temperatur und Luftfeuchte "
            "erfasst. Die Pilotphase ist abgeschlossen, die Daten bleiben öffentlich."
        ),
        "hero_image": r.images["wupper"],
        "status": ProjectPage.Status.COMPLETED,
        "start_date": datetime.date(2022, 5, 2),
        "end_date": datetime.date(2024, 6, 30),
        "themes": [r.themes["umwelt-und-klima"], r.themes["daten-und-verwaltung"]],
        "funding_programme": PROGRAMME,
        "funding_programme_url": PROGRAMME_URL,
        "contact": r.people["Erika Mustermann"],
        "goals": [
            ProjectGoal(text="Temperatur und Luftfeuchte an ausgewählten Orten laufend messen."),
            ProjectGoal(text="Besonders heiße Orte im Stadtgebiet sichtbar machen."),
            ProjectGoal(text="Die Messwerte offen und verständlich veröffentlichen."),
        ],
        "milestones": [
            _milestone(r, datetime.date(2022, 5, 2), "Start der Pilotphase", "Standorte werden ausgewählt."),
            _milestone(
                r,
                datetime.date(2022, 9, 30),
                "Messnetz in Betrieb",
                "Die Sensoren an Schulen, Plätzen und Haltestellen liefern Daten.",
            ),
            _milestone(
                r,
                datetime.date(2024, 6, 30),
                "Abschlussbericht",
                "Die Ergebnisse der Pilotphase sind ausgewertet und veröffentlicht.",
            ),
        ],
        "funders": _federal_funders(r),
        "partners": [ProjectPartner(organisation=r.organisations["Digitale Nachbarschaft Wuppertal e. V."])],
        "body": [
            paragraph(
                "<p>Wo heizt sich die Stadt im Sommer besonders auf, und wo kühlt sie nachts "
                "wieder ab? Um das herauszufinden, hat das Projekt kleine Messstationen an "
                "öffentlichen Orten angebracht und ihre Werte rund um die Uhr gesammelt.</p>"
            ),
            heading("Was wir gelernt haben"),
            paragraph(
                "<p>Die Messungen bestätigen, dass Grün und Wasser spürbar kühlen. Die Ergebnisse "
                "fließen in die Planung von Plätzen und Schulhöfen ein. Die Sensoren liefern "
                "weiter Daten, die künftig im offenen Datenportal erscheinen sollen.</p>"
            ),
        ],
    }


# Events


def kickoff_event(r: Refs) -> dict:
    return {
        "title": "Live-Auftakt von smart.wuppertal",
        "teaser": (
            "Der digitale Start des Modellprojekts Smart City Wuppertal: live übertragen aus dem "
            "codeks, ohne Anmeldung, für alle Interessierten."
        ),
        "hero_image": r.images["livestream"],
        "start": KICKOFF_START,
        "end": KICKOFF_START + datetime.timedelta(hours=2),
        "attendance_mode": EventPage.AttendanceMode.ONLINE,
        "venue": r.venues["codeks"],
        "stream_url": STREAM_URL,
        "registration": EventPage.Registration.NOT_NEEDED,
        "cost": "kostenfrei",
        "category": r.categories["Livestream"],
        "organiser": r.organisations["Stadt Wuppertal"],
        "project": r.pages["modellprojekt-smart-city-wuppertal"],
        "body": [
            paragraph(
                "<p>Mit diesem Abend geht das Modellprojekt Smart City Wuppertal an die "
                "Öffentlichkeit. Kurze Vorträge und Gespräche zeigen, welche Chancen die "
                "Digitalisierung für das Leben in der Stadt bietet und wie alle mitwirken können.</p>"
            ),
            paragraph(
                "<p>Übertragen wird aus dem codeks. Sie brauchen nur einen Browser, eine Anmeldung "
                "ist nicht nötig.</p>"
            ),
            call_to_action(
                "Zum Livestream",
                "Der Stream beginnt am 7. März 2022 um 17 Uhr.",
                link("Livestream öffnen", url=STREAM_URL, new_tab=True),
            ),
        ],
    }


def mobility_workshop(r: Refs) -> dict:
    start = datetime.datetime(2022, 6, 14, 17, 30, tzinfo=BERLIN)
    return {
        "title": "Ideenwerkstatt: Mobilität im Quartier",
        "teaser": "Wie kommen wir künftig zur Arbeit, zur Schule und zum Einkaufen? Ein Abend voller Ideen.",
        "hero_image": r.images["wege"],
        "start": start,
        "end": start + datetime.timedelta(hours=2, minutes=30),
        "attendance_mode": EventPage.AttendanceMode.ON_SITE,
        "venue": r.venues["Rathaus Barmen"],
        "registration": EventPage.Registration.REQUIRED,
        "registration_email": "beteiligung@example.org",
        "cost": "kostenfrei",
        "category": r.categories["Workshop"],
        "organiser": r.organisations["Stadt Wuppertal"],
        "project": r.pages["modellprojekt-smart-city-wuppertal"],
        "body": [
            paragraph(
                "<p>In kleinen Gruppen sammeln wir, was den Alltag unterwegs leichter machen würde, "
                "und skizzieren erste digitale Lösungen. Vorwissen braucht es nicht, nur Neugier.</p>"
            ),
        ],
    }


def office_hour(r: Refs) -> dict:
    return {
        "title": "Online-Sprechstunde: Ihre Fragen zur Smart City",
        "teaser": (
            "Eine Stunde lang beantwortet das Projektteam Fragen aus dem Chat, live und ohne Anmeldung."
        ),
        "hero_image": r.images["livestream"],
        "start": r.at(10, 12),
        "end": r.at(10, 13),
        "attendance_mode": EventPage.AttendanceMode.ONLINE,
        "stream_url": STREAM_URL,
        "registration": EventPage.Registration.NOT_NEEDED,
        "cost": "kostenfrei",
        "category": r.categories["Livestream"],
        "organiser": r.organisations["Stadt Wuppertal"],
        "project": r.pages["modellprojekt-smart-city-wuppertal"],
        "body": [
            paragraph(
                "<p>Was plant die Stadt, wie kann ich mitmachen, was passiert mit Daten? Stellen Sie "
                "Ihre Fragen während der Übertragung im Chat. Eine Aufzeichnung gibt es nicht.</p>"
            ),
        ],
    }


def open_data_dialogue(r: Refs) -> dict:
    return {
        "title": "Bürgerdialog: Offene Daten für Wuppertal",
        "teaser": (
            "Welche städtischen Daten sollen frei verfügbar sein? Diskutieren Sie mit, "
            "vor Ort in der Zentralbibliothek oder im Livestream."
        ),
        "hero_image": r.images["datenraster"],
        "start": r.at(21, 18),
        "end": r.at(21, 20),
        "attendance_mode": EventPage.AttendanceMode.HYBRID,
        "venue": r.venues["Zentralbibliothek Wuppertal"],
        "stream_url": STREAM_URL,
        "registration": EventPage.Registration.REQUIRED,
        "registration_email": "beteiligung@example.org",
        "cost": "kostenfrei",
        "category": r.categories["Beteiligung"],
        "organiser": r.organisations["Stadt Wuppertal"],
        "project": r.pages["offene-daten"],
        "body": [
            paragraph(
                "<p>Das Projekt „Offene Daten für Wuppertal“ steht am Anfang. Bevor das Portal "
                "entsteht, möchten wir wissen, welche Daten Ihnen nützen würden und in welcher "
                "Form.</p>"
            ),
            paragraph(
                "<p>Für die Teilnahme vor Ort bitten wir um Anmeldung per E-Mail, weil die Plätze "
                "begrenzt sind. Den Livestream können Sie ohne Anmeldung verfolgen.</p>"
            ),
        ],
    }


def workshop_series(r: Refs) -> dict:
    return {
        "title": "Workshopreihe: Daten im Quartier",
        "teaser": "Drei Abende, ein Ziel: gemeinsam herausfinden, was Daten über unser Viertel erzählen.",
        "hero_image": r.images["beteiligung"],
        "start": r.at(30, 17),
        "end": r.at(30, 19, 30),
        "further_dates": [
            EventDate(start=r.at(37, 17), end=r.at(37, 19, 30), note="Teil 2: Daten finden und lesen"),
            EventDate(start=r.at(44, 17), end=r.at(44, 19, 30), note="Teil 3: Eigene Ideen umsetzen"),
        ],
        "attendance_mode": EventPage.AttendanceMode.ON_SITE,
        "venue": r.venues["Zentralbibliothek Wuppertal"],
        "registration": EventPage.Registration.REQUIRED,
        "registration_email": "beteiligung@example.org",
        "cost": "kostenfrei",
        "category": r.categories["Workshop"],
        "organiser": r.organisations["Digitale Nachbarschaft Wuppertal e. V."],
        "project": r.pages["offene-daten"],
        "body": [
            paragraph(
                "<p>Die Reihe richtet sich an alle, die ihr Quartier mit neuen Augen sehen wollen. "
                "Die Abende bauen aufeinander auf; Sie können aber auch einzeln teilnehmen.</p>"
            ),
        ],
    }


def cancelled_walk(r: Refs) -> dict:
    return {
        "title": "Stadtspaziergang zu den Klimasensoren",
        "teaser": "Abgesagt: Der Rundgang zu den Messstationen entfällt. Ein neuer Termin folgt.",
        "hero_image": r.images["wupper"],
        "start": r.at(14, 15),
        "end": r.at(14, 17),
        "status": EventPage.Status.CANCELLED,
        "attendance_mode": EventPage.AttendanceMode.ON_SITE,
        "venue": r.venues["Rathaus Barmen"],
        "registration": EventPage.Registration.NOT_NEEDED,
        "cost": "kostenfrei",
        "category": r.categories["Beteiligung"],
        "organiser": r.organisations["Stadt Wuppertal"],
        "project": r.pages["stadtklima-sensoren"],
        "body": [
            paragraph(
                "<p><b>Der Spaziergang fällt leider aus.</b> Sobald ein Ersatztermin feststeht, "
                "finden Sie ihn hier und unter Aktuelles.</p>"
            ),
        ],
    }


# News


def kickoff_article(r: Refs) -> dict:
    event = r.pages["auftakt-smart-city-wuppertal"]
    project = r.pages["modellprojekt-smart-city-wuppertal"]
    return {
        "title": "07.03.: Live-Auftakt von smart.wuppertal",
        "date": datetime.date(2022, 2, 11),
        "category": r.categories["Veranstaltungshinweis"],
        "teaser": (
            "Termin vormerken: Am Montag, 7. März 2022, startet das Modellprojekt Smart City "
            "Wuppertal um 17 Uhr mit einem Livestream aus dem codeks."
        ),
        "hero_image": r.images["vernetzte-stadt"],
        "related_events": [ArticleEventLink(event=event)],
        "related_projects": [ArticleProjectLink(project=project)],
        "body": [
            paragraph(
                "<p><b>Bitte vormerken:</b> Die Auftaktveranstaltung des Modellprojekts Smart "
                "City Wuppertal beginnt am Montag, dem 7. März 2022, um 17 Uhr.</p>"
            ),
            paragraph(
                "<p>2021 hat sich Wuppertal mit Erfolg um das Förderprogramm „Smart Cities made in "
                "Germany“ beworben, das vom Bundesministerium für Wohnen, Stadtentwicklung und "
                "Bauwesen (BMWSB) und der Kreditanstalt für Wiederaufbau (KfW) getragen wird. "
                "Von 94 Bewerbungen kamen 28 Kommunen zum Zug; Wuppertal ist dabei.</p>"
            ),
            paragraph(
                "<p>Der Abend ist die erste Veranstaltung innerhalb der Förderung und führt in die "
                "Themen des Projekts ein. Übertragen wird live aus dem codeks. Die Stadt lädt alle "
                "herzlich ein, diesen ersten Schritt zu einem vernetzten, digitalen und lebenswerten "
                "Wuppertal mitzuerleben.</p>"
            ),
            paragraph(
                "<p>Eingeladen sind alle Wuppertalerinnen und Wuppertaler, Unternehmen, "
                "Verantwortliche aus Politik und Verwaltung sowie Menschen aus Wissenschaft, "
                "Bildung und lokaler Wirtschaft, ganz gleich, wie alt sie sind und was sie "
                "mitbringen. Kurze Impulse, erste Einblicke und Denkanstöße zeigen, was eine "
                "kluge, sozial ausgewogene und nachhaltige Stadtentwicklung für Wuppertal "
                "bedeuten kann.</p>"
            ),
            image(r.images["stadtsilhouette"], "Digitale Werkzeuge sollen dem Leben in der Stadt dienen."),
            heading("Wuppertals Smart-City-Strategie"),
            paragraph(
                "<p>Im Mittelpunkt steht nicht die Technik, sondern das, was sie für die Stadt "
                "leisten kann. Zusammen mit der Stadtgesellschaft sollen digitale Lösungen "
                "entstehen, die das Miteinander, das Gemeinwohl und die soziale, ökologische und "
                "wirtschaftliche Nachhaltigkeit stärken. Das gelingt nur, wenn Zivilgesellschaft, "
                "Wirtschaft, Wissenschaft und Verwaltung eng zusammenarbeiten.</p>"
            ),
            heading("Link zum Stream"),
            paragraph(
                "<p>Eine Anmeldung braucht es nicht: Am 7. März läuft der Stream ab 17 Uhr auf der "
                "Smart-City-Seite der Stadt. Alle Interessierten sind willkommen, zuzuschauen und "
                "den Weg zur Smart City Wuppertal mitzugestalten.</p>"
            ),
            call_to_action(
                "Zum Livestream",
                "Keine Anmeldung nötig, ein Klick genügt.",
                link("Livestream auf wuppertal.de", url=STREAM_URL, new_tab=True),
            ),
            event_teaser(event),
            heading("Hintergrund zur Förderung"),
            paragraph(
                embedded_image(r.images["datenraster"])
                + "<p>Die ausgewählten Kommunen erhalten Fördermittel, um über mehrere Jahre einen "
                "eigenen Digitalisierungsprozess anzustoßen. Sie entwickeln Strategien für eine "
                "integrierte, nachhaltige und am Gemeinwohl ausgerichtete Stadtentwicklung und "
                "erproben sie in konkreten Maßnahmen. Was sie dabei lernen, geben die "
                "Modellprojekte weiter, damit auch andere Städte und Regionen profitieren.</p>"
            ),
            link_list("", link("Mehr über smart.wuppertal", page=project)),
            accordion(
                "Erläuterungen und Hinweise",
                (
                    "Teilnahme am Livestream",
                    "<p>Sie brauchen nur einen aktuellen Browser. Ein Konto oder eine Anmeldung "
                    "ist nicht nötig.</p>",
                ),
                (
                    "Barrierefreie Teilnahme",
                    f"<p>Fragen zur barrierefreien Teilnahme beantwortet das Projektteam gern vorab "
                    f'unter <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>',
                ),
                (
                    "Smart Cities made in Germany",
                    "<p>Das Bundesprogramm fördert Kommunen, die die Digitalisierung für eine "
                    "nachhaltige und gemeinwohlorientierte Stadtentwicklung nutzen. Mehr dazu "
                    f'auf der <a href="{PROGRAMME_URL}">Smart-City-Dialogplattform</a>.</p>',
                ),
            ),
        ],
    }


def kickoff_review(r: Refs) -> dict:
    return {
        "title": "Rückblick: So startete smart.wuppertal",
        "date": datetime.date(2022, 3, 10),
        "category": r.categories["Projektbericht"],
        "teaser": "Impulse, Fragen aus dem Chat und viele Ideen: ein Rückblick auf den digitalen Auftakt.",
        "hero_image": r.images["livestream"],
        "related_events": [ArticleEventLink(event=r.pages["auftakt-smart-city-wuppertal"])],
        "related_projects": [ArticleProjectLink(project=r.pages["modellprojekt-smart-city-wuppertal"])],
        "body": [
            paragraph(
                "<p>Mit dem Livestream aus dem codeks hat das Modellprojekt Smart City Wuppertal "
                "seinen öffentlichen Auftakt gefeiert. Zuschauerinnen und Zuschauer konnten ihre "
                "Fragen im Chat stellen, viele davon wurden direkt beantwortet.</p>"
            ),
            quote(
                "Die Fragen aus dem Chat zeigen, wie viele Menschen in Wuppertal mitdenken wollen.",
                attribution="Erika Mustermann",
                role="Projektleitung Smart City",
            ),
            heading("Wie es weitergeht"),
            paragraph(
                "<p>Die Anregungen des Abends fließen in die Smart-City-Strategie ein. Wer weiter "
                "mitmachen möchte, findet die nächsten Termine unter "
                f"{page_link(r.pages['veranstaltungen'], 'Veranstaltungen')}.</p>"
            ),
        ],
    }


def climate_press_release(r: Refs) -> dict:
    return {
        "title": "Messnetz zum Stadtklima: Pilotphase abgeschlossen",
        "date": datetime.date(2024, 7, 4),
        "category": r.categories["Pressemitteilung"],
        "teaser": "Zwei Jahre Messungen zeigen, wo Wuppertal sich im Sommer aufheizt und wo Grün kühlt.",
        "hero_image": r.images["wupper"],
        "related_projects": [ArticleProjectLink(project=r.pages["stadtklima-sensoren"])],
        "body": [
            paragraph(
                "<p>Das Pilotprojekt „Sensoren für ein besseres Stadtklima“ ist abgeschlossen. "
                "Über zwei Jahre haben Messstationen an öffentlichen Orten Temperatur und "
                "Luftfeuchte erfasst. Die Auswertung liegt jetzt vor.</p>"
            ),
            heading("Ergebnisse für die Stadtplanung"),
            paragraph(
                "<p>Die Daten helfen, Plätze, Schulhöfe und Haltestellen so zu gestalten, dass sie "
                "auch an heißen Tagen angenehm bleiben. Die Messwerte sollen künftig im offenen "
                "Datenportal der Stadt erscheinen.</p>"
            ),
        ],
    }


def open_data_call(r: Refs) -> dict:
    return {
        "title": "Mitreden: Welche Daten braucht Wuppertal?",
        "date": r.today - datetime.timedelta(days=3),
        "category": r.categories["Beteiligung"],
        "teaser": (
            "Für das geplante Datenportal sucht die Stadt Ideen: beim Bürgerdialog und in einer "
            "Workshopreihe."
        ),
        "hero_image": r.images["beteiligung"],
        "related_events": [
            ArticleEventLink(event=r.pages["buergerdialog-offene-daten"]),
            ArticleEventLink(event=r.pages["workshopreihe-daten-im-quartier"]),
        ],
        "related_projects": [ArticleProjectLink(project=r.pages["offene-daten"])],
        "body": [
            paragraph(
                "<p>Fahrpläne, Baustellen, Messwerte zum Stadtklima: Die Stadt möchte mehr Daten "
                "offen bereitstellen. Welche zuerst kommen, sollen die Menschen mitbestimmen, die "
                "sie nutzen.</p>"
            ),
            event_teaser(r.pages["buergerdialog-offene-daten"]),
            event_teaser(r.pages["workshopreihe-daten-im-quartier"]),
        ],
    }


# Pages with fixed content


DEMO_NOTE = (
    "<p><i>Hinweis: Dies ist ein Beispieltext der Demo-Installation. Er ersetzt keine "
    "rechtlich geprüfte Fassung.</i></p>"
)


def about(r: Refs) -> dict:
    project = r.pages["modellprojekt-smart-city-wuppertal"]
    return {
        "title": "Über das Projekt",
        "show_in_menus": True,
        "teaser": "Was smart.wuppertal ist, wer dahintersteht und wie Sie mitmachen können.",
        "hero_image": r.images["beteiligung"],
        "body": [
            paragraph(
                "<p>smart.wuppertal ist das Modellprojekt Smart City der Stadt Wuppertal. Es wird "
                "im Programm „Smart Cities made in Germany“ vom Bund und der KfW gefördert. Alles "
                "Wichtige zu Laufzeit, Zielen und Förderung finden Sie auf der Seite "
                f"{page_link(project, project.title)}.</p>"
            ),
            heading("Unser Verständnis von Smart City"),
            paragraph(
                "<p>Eine Smart City misst sich nicht an der Zahl ihrer Sensoren, sondern daran, ob "
                "das Leben in ihr besser wird. Deshalb fragen wir bei jedem Vorhaben zuerst, wem es "
                "nützt, und entwickeln Lösungen gemeinsam mit den Menschen, die sie betreffen.</p>"
            ),
            image(r.images["wege"], "Viele Wege führen zur Smart City."),
            heading("Mitmachen"),
            paragraph(
                "<p>Ob Workshop, Bürgerdialog oder Online-Sprechstunde: Aktuelle Termine stehen "
                f"unter {page_link(r.pages['veranstaltungen'], 'Veranstaltungen')}, Neuigkeiten "
                f"unter {page_link(r.pages['aktuelles'], 'Aktuelles')}.</p>"
            ),
            link_list(
                "Mehr erfahren",
                link("Alle Projekte", page=r.pages["projekte"]),
                link("Smart-City-Dialogplattform des Bundes", url=PROGRAMME_URL, new_tab=True),
            ),
        ],
    }


def imprint(r: Refs) -> dict:
    return {
        "title": "Impressum",
        "body": [
            paragraph(DEMO_NOTE),
            heading("Herausgeberin"),
            paragraph(
                "<p>Stadt Wuppertal<br/>Projektbüro Smart City<br/>Johannes-Rau-Platz 1<br/>"
                f'42275 Wuppertal</p><p>E-Mail: <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a></p>'
            ),
            heading("Verantwortlich für den Inhalt"),
            paragraph("<p>Erika Mustermann, Projektleitung Smart City (Anschrift wie oben)</p>"),
            heading("Bilder"),
            paragraph(
                "<p>Die Grafiken dieser Demo hat die Smart-City-Redaktion erstellt. Die Nachweise "
                "stehen auf jeder Seite unter „Bildnachweise“.</p>"
            ),
        ],
    }


def privacy(r: Refs) -> dict:
    return {
        "title": "Datenschutz",
        "body": [
            paragraph(DEMO_NOTE),
            heading("Auf einen Blick"),
            paragraph(
                "<p>Diese Website kommt ohne Tracking, ohne Werbe-Cookies und ohne eingebettete "
                "Skripte Dritter aus. Die Schaltflächen zum Teilen sind einfache Links und "
                "übertragen erst etwas, wenn Sie sie anklicken.</p>"
            ),
            heading("Server-Protokolle"),
            paragraph(
                "<p>Beim Aufruf einer Seite speichert der Server technisch notwendige Angaben wie "
                "Zeitpunkt, aufgerufene Adresse und eine gekürzte IP-Adresse. Sie dienen allein "
                "dem sicheren Betrieb und werden nach kurzer Zeit gelöscht.</p>"
            ),
            heading("Livestreams und Videos"),
            paragraph(
                "<p>Videos externer Anbieter werden erst geladen, wenn Sie sie starten. Dabei "
                "gelten die Datenschutzbestimmungen des jeweiligen Anbieters.</p>"
            ),
            heading("Ihre Rechte"),
            paragraph(
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
                "Verarbeitung Ihrer Daten sowie ein Beschwerderecht bei der Aufsichtsbehörde. "
                f'Schreiben Sie uns an <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>'
            ),
        ],
    }


PAGES = [
    PageSpec(HOME_SLUG, "", HomePageFactory, home),
    PageSpec("aktuelles", HOME_SLUG, ArticleIndexPageFactory, articles_index),
    PageSpec("veranstaltungen", HOME_SLUG, EventIndexPageFactory, events_index),
    PageSpec("projekte", HOME_SLUG, ProjectIndexPageFactory, projects_index),
    PageSpec("modellprojekt-smart-city-wuppertal", "projekte", ProjectPageFactory, model_project),
    PageSpec("offene-daten", "projekte", ProjectPageFactory, open_data_project),
    PageSpec("stadtklima-sensoren", "projekte", ProjectPageFactory, climate_project),
    PageSpec("auftakt-smart-city-wuppertal", "veranstaltungen", EventPageFactory, kickoff_event),
    PageSpec("ideenwerkstatt-mobilitaet", "veranstaltungen", EventPageFactory, mobility_workshop),
    PageSpec("online-sprechstunde", "veranstaltungen", EventPageFactory, office_hour),
    PageSpec("buergerdialog-offene-daten", "veranstaltungen", EventPageFactory, open_data_dialogue),
    PageSpec("workshopreihe-daten-im-quartier", "veranstaltungen", EventPageFactory, workshop_series),
    PageSpec("stadtspaziergang-klimasensoren", "veranstaltungen", EventPageFactory, cancelled_walk),
    PageSpec(
        "live-auftakt-von-smart-wuppertal",
        "aktuelles",
        ArticlePageFactory,
        kickoff_article,
        tags=("Auftakt", "Livestream", "Modellprojekt"),
    ),
    PageSpec(
        "rueckblick-auftakt", "aktuelles", ArticlePageFactory, kickoff_review, tags=("Auftakt", "Rückblick")
    ),
    PageSpec(
        "stadtklima-pilotphase-abgeschlossen",
        "aktuelles",
        ArticlePageFactory,
        climate_press_release,
        tags=("Stadtklima", "Sensoren"),
    ),
    PageSpec(
        "mitreden-offene-daten",
        "aktuelles",
        ArticlePageFactory,
        open_data_call,
        tags=("Beteiligung", "Offene Daten"),
    ),
    PageSpec("ueber-das-projekt", HOME_SLUG, ContentPageFactory, about),
    PageSpec("impressum", HOME_SLUG, ContentPageFactory, imprint),
    PageSpec("datenschutz", HOME_SLUG, ContentPageFactory, privacy),
    PageSpec("barrierefreiheit", HOME_SLUG, AccessibilityStatementPageFactory, accessibility.statement),
    PageSpec("barriere-melden", HOME_SLUG, BarrierReportPageFactory, accessibility.report_form),
    PageSpec("leichte-sprache", HOME_SLUG, EasyLanguagePageFactory, accessibility.easy_language_start),
    PageSpec(
        "so-benutzen-sie-die-website",
        "leichte-sprache",
        EasyLanguagePageFactory,
        accessibility.easy_language_navigation,
    ),
    PageSpec(
        "barriere-freiheit", "leichte-sprache", EasyLanguagePageFactory, accessibility.easy_language_statement
    ),
    PageSpec("gebaerdensprache", HOME_SLUG, SignLanguagePageFactory, accessibility.sign_language),
]


# Alerts: found again by their title, built only when missing.


def alerts(r: Refs) -> list[dict]:
    """A short-notice change to an event, shown above every page of the events section."""
    return [
        {
            "title": "Online-Sprechstunde: neuer Stream-Link",
            "text": (
                "Die Online-Sprechstunde läuft über eine neue Adresse. Den aktuellen Link finden "
                "Sie auf der Veranstaltungsseite."
            ),
            "severity": Severity.WARNING,
            "link_page": r.pages["online-sprechstunde"],
            "page": r.pages["veranstaltungen"],
        }
    ]


# Info screens: found again by their slug, built only when missing.
INFO_SCREENS = [
    {
        "name": "Rathaus Foyer",
        "slug": "rathaus-foyer",
        "orientation": Orientation.LANDSCAPE,
        "seconds_per_item": 12,
    },
    {
        "name": "Stele Döppersberg",
        "slug": "stele-doeppersberg",
        "orientation": Orientation.PORTRAIT,
        "seconds_per_item": 10,
        "show_news": False,
    },
]
