"""The demo site's pages for BITV 2.0: the accessibility statement, the form "Barriere melden",
the pages in Leichte Sprache and the page in German Sign Language.

The statement describes this demo truthfully: how it is tested (axe-core on every page type in
the browser tests, keyboard checks), and what is known not to be accessible.
"""

from accessibility.models import Conformity, EvaluationMethod, StatementBarrier

CONTACT_EMAIL = "smart-city@example.org"

# A public programme in German Sign Language: "Sehen statt Hören" of the Bayerischer Rundfunk,
# on the history of sign language. The city's own videos about this site are not made yet;
# the page says so, and the statement lists it.
DGS_EXAMPLE_VIDEO = "https://www.youtube.com/watch?v=oZNxrglfbYg"


def _paragraph(*sentences: str, image=None) -> tuple:
    return ("paragraph", {"text": "\n".join(sentences), "image": image})


def _word(word: str, *sentences: str) -> tuple:
    return ("word", {"word": word, "explanation": "\n".join(sentences)})


def statement(r) -> dict:
    return {
        "title": "Erklärung zur Barrierefreiheit",
        "teaser": "Wie barrierefrei diese Website ist, was noch fehlt und wie Sie uns Barrieren melden.",
        "scope": (
            "Die Stadt Wuppertal möchte ihre Websites für alle Menschen zugänglich machen. Diese "
            "Erklärung gilt für die Website des Modellprojekts Smart City Wuppertal. Sie ist der "
            "Beispieltext der Demo-Installation und ersetzt keine rechtlich geprüfte Fassung."
        ),
        "conformity": Conformity.PARTIAL,
        "standard": "BITV 2.0 (EN 301 549, WCAG 2.1 Stufe AA)",
        "prepared_on": r.today,
        "last_reviewed": r.today,
        "evaluation_method": EvaluationMethod.SELF,
        "evaluator": (
            "Redaktion und Entwicklung Smart City: automatische Prüfung jedes Seitentyps mit axe-core "
            "bei jeder Änderung, Bedienung mit Tastatur und ohne JavaScript"
        ),
        "barriers": [
            StatementBarrier(
                what="Eingebettete Videos von YouTube und Vimeo",
                reason=(
                    "Die Abspieler stammen von den Anbietern der Videos. Ihre Bedienung können wir "
                    "nicht prüfen und nicht ändern. Sie laden erst, wenn Sie das Video starten."
                ),
                alternative=(
                    "Zu jedem Video gibt es einen Link zum Anbieter und, wo vorhanden, ein Transkript "
                    "auf unserer Seite."
                ),
            ),
            StatementBarrier(
                what="PDF-Dokumente in der Mediathek",
                reason=(
                    "Manche Dokumente stammen von Partnern oder sind älter. Sie sind nicht auf "
                    "Barrierefreiheit geprüft und können zum Beispiel ohne Struktur für Screenreader sein."
                ),
                alternative=(
                    f"Schreiben Sie uns an {CONTACT_EMAIL}. Wir schicken Ihnen den Inhalt in einer "
                    "barrierefreien Form."
                ),
            ),
            StatementBarrier(
                what="Videos in Deutscher Gebärdensprache zu dieser Website",
                reason=(
                    "Die Videos zum Inhalt der Website, zur Bedienung und zu dieser Erklärung werden "
                    "noch übersetzt. Die Seite „Gebärdensprache“ zeigt bis dahin ein Beispiel."
                ),
                alternative="Die Informationen stehen in Leichter Sprache unter „Leichte Sprache“.",
            ),
        ],
        "contact_name": "Stadt Wuppertal, Redaktion Smart City",
        "contact_email": CONTACT_EMAIL,
        "contact_phone": "+49 202 0000000",
        "contact_address": "Stadt Wuppertal\nRedaktion Smart City\nJohannes-Rau-Platz 1\n42275 Wuppertal",
        "enforcement_note": (
            "Für Stellen des Landes Nordrhein-Westfalen und der Kommunen dort ist außerdem die "
            "Ombudsstelle für barrierefreie Informationstechnik bei der Beauftragten der "
            "Landesregierung für Menschen mit Behinderung ansprechbar."
        ),
    }


def report_form(r) -> dict:
    return {
        "title": "Barriere melden",
        "show_in_menus": False,
        "teaser": "Sagen Sie uns, wo Sie auf dieser Website auf eine Barriere stoßen.",
        "intro": (
            "Ist Ihnen auf einer Seite eine Barriere aufgefallen? Beschreiben Sie sie bitte kurz. "
            "Geben Sie eine E-Mail-Adresse an, wenn Sie eine Antwort möchten."
        ),
    }


def easy_language_start(r) -> dict:
    return {
        "title": "Leichte Sprache",
        "show_in_menus": False,
        "teaser": "Informationen über diese Website in Leichter Sprache.",
        "body": [
            ("heading", "Willkommen"),
            _paragraph(
                "Das ist die Website von Smart City Wuppertal.",
                "Smart City bedeutet: kluge Stadt.",
                "Die Stadt Wuppertal will mit Computern und dem Internet",
                "das Leben in der Stadt besser machen.",
                image=r.images["stadtsilhouette"],
            ),
            _word(
                "Website",
                "Eine Website sind Seiten im Internet.",
                "Sie lesen die Seiten am Computer oder am Handy.",
            ),
            ("heading", "Das finden Sie auf dieser Website"),
            _paragraph(
                "Nachrichten:",
                "Hier steht, was es Neues gibt.",
            ),
            _paragraph(
                "Veranstaltungen:",
                "Hier steht, wann und wo Treffen sind.",
                "Zu vielen Treffen können alle kommen.",
            ),
            _paragraph(
                "Projekte:",
                "Hier steht, was die Stadt gerade macht.",
                "Zum Beispiel: Messungen zum Wetter in der Stadt.",
            ),
            _paragraph(
                "Auf den nächsten Seiten steht:",
                "So benutzen Sie die Website.",
                "Und: So barriere-frei ist die Website.",
            ),
        ],
    }


def easy_language_navigation(r) -> dict:
    return {
        "title": "So benutzen Sie die Website",
        "teaser": "Wie Sie auf der Website etwas finden.",
        "body": [
            ("heading", "Das Menü"),
            _paragraph(
                "Oben auf jeder Seite ist ein blauer Streifen.",
                "Dort stehen die Teile der Website.",
                "Zum Beispiel: Aktuelles und Veranstaltungen.",
                "Klicken Sie auf ein Wort.",
                "Dann kommen Sie zu diesem Teil.",
            ),
            _word(
                "Menü",
                "Ein Menü ist eine Liste mit Links.",
                "Ein Link bringt Sie zu einer anderen Seite.",
            ),
            ("heading", "Die Suche"),
            _paragraph(
                "Oben rechts ist ein Feld für die Suche.",
                "Schreiben Sie ein Wort in das Feld.",
                "Zum Beispiel: Fahrrad.",
                "Klicken Sie dann auf Suchen.",
                "Dann sehen Sie alle Seiten mit diesem Wort.",
            ),
            ("heading", "Leichte Sprache und Gebärden-Sprache"),
            _paragraph(
                "Oben auf jeder Seite steht: Leichte Sprache.",
                "Dort kommen Sie immer zu diesen Seiten zurück.",
                "Daneben steht: Gebärden-Sprache.",
                "Dort sind Videos für gehörlose Menschen.",
            ),
            ("heading", "Mit der Tastatur"),
            _paragraph(
                "Sie können die Website auch ohne Maus benutzen.",
                "Drücken Sie die Tab-Taste.",
                "Dann springen Sie von Link zu Link.",
                "Drücken Sie die Enter-Taste.",
                "Dann öffnen Sie den Link.",
            ),
        ],
    }


def easy_language_statement(r) -> dict:
    return {
        "title": "Barriere-Freiheit auf dieser Website",
        "teaser": "Die Erklärung zur Barriere-Freiheit in Leichter Sprache.",
        "body": [
            _word(
                "Barriere-Freiheit",
                "Barriere-frei heißt:",
                "Alle Menschen können die Website gut benutzen.",
                "Auch Menschen mit Behinderung.",
            ),
            ("heading", "Ist die Website barriere-frei?"),
            _paragraph(
                "Die Website ist zum Teil barriere-frei.",
                "Wir prüfen die Seiten mit einem Computer-Programm.",
                "Das Programm findet viele Barrieren.",
                "Gefundene Fehler verbessern wir.",
            ),
            ("heading", "Das ist noch nicht barriere-frei"),
            _paragraph(
                "Manche Videos kommen von anderen Firmen.",
                "Zum Beispiel von YouTube.",
                "Diese Videos können wir nicht ändern.",
            ),
            _paragraph(
                "Manche Dokumente sind nicht barriere-frei.",
                "Sie können uns schreiben.",
                "Dann schicken wir Ihnen den Text so, dass Sie ihn lesen können.",
            ),
            _paragraph(
                "Es gibt noch keine Videos in Gebärden-Sprache über diese Website.",
                "Wir lassen die Videos gerade machen.",
            ),
            ("heading", "Sie finden eine Barriere?"),
            _paragraph(
                "Dann sagen Sie es uns bitte.",
                "Unten auf jeder Seite steht: Barriere melden.",
                "Dort können Sie uns schreiben.",
                f"Oder Sie schreiben eine E-Mail an: {CONTACT_EMAIL}",
            ),
            ("heading", "Wir antworten nicht?"),
            _paragraph(
                "Dann können Sie sich bei der Schlichtungs-Stelle beschweren.",
                "Die Schlichtungs-Stelle hilft Ihnen kostenlos.",
                "Die Adresse steht in der Erklärung zur Barriere-Freiheit.",
            ),
            _word(
                "Schlichtungs-Stelle",
                "Eine Schlichtungs-Stelle hilft bei Streit.",
                "Sie sucht eine Lösung mit Ihnen und mit uns.",
            ),
        ],
    }


def sign_language(r) -> dict:
    return {
        "title": "Gebärdensprache",
        "show_in_menus": False,
        "teaser": "Informationen in Deutscher Gebärdensprache (DGS).",
        "intro": (
            "Die Stadt Wuppertal lässt Videos in Deutscher Gebärdensprache zu dieser Website "
            "übersetzen: über ihre Inhalte, ihre Bedienung und die Erklärung zur Barrierefreiheit. "
            "Bis sie fertig sind, zeigt diese Demo, wie ein Video hier eingebunden wird: mit einem "
            "öffentlichen Beitrag in Gebärdensprache. Das Video lädt erst, wenn Sie es starten."
        ),
        "videos": [
            (
                "video",
                {
                    "video": DGS_EXAMPLE_VIDEO,
                    "title": "Sehen statt Hören: die Geschichte der Gebärdensprache",
                    "transcript": (
                        "<p>Beschreibung: Ein Beitrag der Sendung „Sehen statt Hören“ des Bayerischen "
                        "Rundfunks, einer Sendung in Deutscher Gebärdensprache. Er erzählt die "
                        "Geschichte der Gebärdensprache. Die Videos über diese Website erhalten hier "
                        "ihr eigenes Transkript.</p>"
                    ),
                },
            )
        ],
    }
