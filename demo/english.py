"""The English demo pages and snippets, made as wagtail-localize translations of the German ones.

Each translation is what an editor would produce in the admin's translation editor: the
German original's strings, each with its English text. Strings not listed here (street,
postal code, an organisation's name that is the same in English) fall back to the German.
"""

from .content import CONTACT_EMAIL, HOME_SLUG

# German pages (by slug) that get an English version, parents first.
PAGES = [
    HOME_SLUG,
    "aktuelles",
    "veranstaltungen",
    "projekte",
    "auftakt-smart-city-wuppertal",
    "live-auftakt-von-smart-wuppertal",
    "barrierefreiheit",
    "barriere-melden",
    "modellprojekt-smart-city-wuppertal",
    "ueber-das-projekt",
]

# The German source string -> its English translation, for every page and snippet above.
# Slugs are translated by their own entries (the address of the English page).
STRINGS = {
    # Snippets the English pages point to
    "Livestream": "Livestream",
    "livestream": "livestream",
    "Veranstaltungshinweis": "Event notice",
    "veranstaltungshinweis": "event-notice",
    "Stadt Wuppertal": "City of Wuppertal",
    "Stufenloser Zugang über den Hof, barrierefreies WC im Erdgeschoss.": (
        "Step-free access through the courtyard, accessible toilet on the ground floor."
    ),
    # The accessibility statement and the form "Barriere melden"
    "Erklärung zur Barrierefreiheit": "Accessibility statement",
    "barrierefreiheit": "accessibility",
    "Wie barrierefrei diese Website ist, was noch fehlt und wie Sie uns Barrieren melden.": (
        "How accessible this website is, what is still missing and how to report barriers to us."
    ),
    "Die Stadt Wuppertal möchte ihre Websites für alle Menschen zugänglich machen. Diese Erklärung "
    "gilt für die Website des Modellprojekts Smart City Wuppertal. Sie ist der Beispieltext der "
    "Demo-Installation und ersetzt keine rechtlich geprüfte Fassung.": (
        "The City of Wuppertal wants its websites to be accessible to everyone. This statement "
        "applies to the website of the Smart City Wuppertal model project. It is the sample text "
        "of the demo installation and does not replace a legally reviewed version."
    ),
    "BITV 2.0 (EN 301 549, WCAG 2.1 Stufe AA)": "BITV 2.0 (EN 301 549, WCAG 2.1 level AA)",
    "Redaktion und Entwicklung Smart City: automatische Prüfung jedes Seitentyps mit axe-core bei "
    "jeder Änderung, Bedienung mit Tastatur und ohne JavaScript": (
        "Smart City editorial and development team: an automatic check of every page type with "
        "axe-core on every change, use with the keyboard and without JavaScript"
    ),
    "Stadt Wuppertal, Redaktion Smart City": "City of Wuppertal, Smart City editorial team",
    "Stadt Wuppertal<br/>Redaktion Smart City<br/>Johannes-Rau-Platz 1<br/>42275 Wuppertal": (
        "Stadt Wuppertal<br/>Redaktion Smart City<br/>Johannes-Rau-Platz 1<br/>42275 Wuppertal<br/>Germany"
    ),
    "Für Stellen des Landes Nordrhein-Westfalen und der Kommunen dort ist außerdem die Ombudsstelle "
    "für barrierefreie Informationstechnik bei der Beauftragten der Landesregierung für Menschen "
    "mit Behinderung ansprechbar.": (
        "Bodies of the state of North Rhine-Westphalia and its municipalities can also be reported "
        "to the ombudsman's office for accessible information technology of the state government's "
        "commissioner for people with disabilities."
    ),
    "Barriere melden": "Report a barrier",
    "barriere-melden": "report-a-barrier",
    "Sagen Sie uns, wo Sie auf dieser Website auf eine Barriere stoßen.": (
        "Tell us where you come across a barrier on this website."
    ),
    "Ist Ihnen auf einer Seite eine Barriere aufgefallen? Beschreiben Sie sie bitte kurz. Geben "
    "Sie eine E-Mail-Adresse an, wenn Sie eine Antwort möchten.": (
        "Have you come across a barrier on one of our pages? Please describe it briefly. Give an "
        "e-mail address if you would like an answer."
    ),
    "Vielen Dank für Ihre Meldung. Wir prüfen sie und antworten, wenn Sie eine E-Mail-Adresse "
    "angegeben haben, in der Regel innerhalb von zwei Wochen.": (
        "Thank you for your report. We will look into it and, if you gave an e-mail address, "
        "usually answer within two weeks."
    ),
    # The model project and the page about the project
    "Modellprojekt Smart City Wuppertal": "Smart City Wuppertal model project",
    "modellprojekt-smart-city-wuppertal": "smart-city-wuppertal-model-project",
    "Als eines von 28 Modellprojekten des Bundes entwickelt Wuppertal gemeinsam mit der "
    "Stadtgesellschaft digitale Lösungen für eine nachhaltige und gemeinwohlorientierte Stadt.": (
        "As one of 28 federal model projects, Wuppertal develops digital solutions for a "
        "sustainable city that serves the common good, together with the people who live in it."
    ),
    "Modellprojekte Smart Cities made in Germany": "Smart Cities made in Germany model projects",
    "Worum es geht": "What it is about",
    "Mit dem Programm „Smart Cities made in Germany“ unterstützen das Bundesministerium für Wohnen, "
    "Stadtentwicklung und Bauwesen (BMWSB) und die Kreditanstalt für Wiederaufbau (KfW) Kommunen, "
    "die die Digitalisierung gezielt für eine lebenswerte Stadt nutzen wollen. In der Förderrunde, "
    "um die sich Wuppertal bemüht hatte, gingen 94 Bewerbungen ein. Ausgewählt wurden 28 Kommunen – "
    "Wuppertal ist eine davon.": (
        "With the “Smart Cities made in Germany” programme, the Federal Ministry for Housing, Urban "
        "Development and Building (BMWSB) and the KfW development bank support municipalities that "
        "want to use digitalisation for a liveable city. The funding round Wuppertal applied for "
        "drew 94 applications; 28 municipalities were chosen, and Wuppertal is one of them."
    ),
    "Über mehrere Jahre erarbeitet die Stadt eine eigene Smart-City-Strategie und erprobt sie in "
    "konkreten Maßnahmen. Technik ist dabei Mittel zum Zweck: Sie kommt dort zum Einsatz, wo sie das "
    "Zusammenleben spürbar verbessert.": (
        "Over several years the city develops its own Smart City strategy and tries it out in "
        "concrete measures. Technology is a means to an end: it is used where it noticeably "
        "improves life together."
    ),
    "Gemeinsam statt im Alleingang": "Together, not alone",
    "Verwaltung, Vereine, Unternehmen, Hochschulen und Nachbarschaften: Eine Smart City entsteht nur, "
    "wenn viele mitmachen. Deshalb setzt das Projekt auf offene Formate, in denen alle Interessierten "
    "Ideen einbringen und Lösungen ausprobieren können. Die nächsten Gelegenheiten finden Sie unter "
    '<a id="a1">Veranstaltungen</a>.': (
        "Administration, associations, businesses, universities and neighbourhoods: a smart city "
        "only comes about when many take part. That is why the project relies on open formats in "
        "which everyone interested can contribute ideas and try out solutions. The next "
        'opportunities are listed under <a id="a1">Events</a>.'
    ),
    "Weiterführende Links": "Further links",
    "Smart-City-Dialogplattform des Bundes": "The federal Smart City dialogue platform",
    "Smart City auf wuppertal.de": "Smart City on wuppertal.de",
    "Über das Projekt": "About the project",
    "ueber-das-projekt": "about-the-project",
    "Was smart.wuppertal ist, wer dahintersteht und wie Sie mitmachen können.": (
        "What smart.wuppertal is, who is behind it and how you can take part."
    ),
    "smart.wuppertal ist das Modellprojekt Smart City der Stadt Wuppertal. Es wird im Programm "
    "„Smart Cities made in Germany“ vom Bund und der KfW gefördert. Alles Wichtige zu Laufzeit, "
    'Zielen und Förderung finden Sie auf der Seite <a id="a1">Modellprojekt Smart City Wuppertal</a>.': (
        "smart.wuppertal is the City of Wuppertal's Smart City model project. It is funded by the "
        "federal government and KfW in the “Smart Cities made in Germany” programme. Everything "
        "about its duration, goals and funding is on the page "
        '<a id="a1">Smart City Wuppertal model project</a>.'
    ),
    "Unser Verständnis von Smart City": "What we mean by a smart city",
    "Eine Smart City misst sich nicht an der Zahl ihrer Sensoren, sondern daran, ob das Leben in ihr "
    "besser wird. Deshalb fragen wir bei jedem Vorhaben zuerst, wem es nützt, und entwickeln Lösungen "
    "gemeinsam mit den Menschen, die sie betreffen.": (
        "A smart city is measured not by the number of its sensors but by whether life in it gets "
        "better. So for every undertaking we first ask whom it serves, and we develop solutions "
        "together with the people they affect."
    ),
    "Viele Wege führen zur Smart City.": "Many roads lead to the smart city.",
    "Mitmachen": "Take part",
    "Ob Workshop, Bürgerdialog oder Online-Sprechstunde: Aktuelle Termine stehen unter "
    '<a id="a1">Veranstaltungen</a>, Neuigkeiten unter <a id="a2">Aktuelles</a>.': (
        "Workshop, citizens' dialogue or online consultation: current dates are listed under "
        '<a id="a1">Events</a>, news under <a id="a2">News</a>.'
    ),
    "Mehr erfahren": "Learn more",
    "Alle Projekte": "All projects",
    # Start page
    "Neuigkeiten, Termine und Projekte aus dem Modellprojekt Smart City: wie digitale Werkzeuge "
    "das Leben in Wuppertal besser machen können.": (
        "News, dates and projects from the Smart City model project: how digital tools can make "
        "life in Wuppertal better."
    ),
    "Wuppertal ist eines der Modellprojekte Smart Cities, die der Bund fördert. Hier erfahren Sie, "
    "woran die Stadt mit Menschen aus Nachbarschaften, Wirtschaft und Wissenschaft arbeitet, wo Sie "
    "mitreden können und was schon erreicht ist.": (
        "Wuppertal is one of the Smart Cities model projects funded by the German federal "
        "government. Here you can read what the city is working on with people from its "
        "neighbourhoods, businesses and research, where you can have your say and what has been "
        "achieved so far."
    ),
    "Digitale Technik ist für uns kein Selbstzweck, sondern ein Werkzeug für eine Stadt, in der man "
    "gern lebt.": (
        "For us, digital technology is not an end in itself but a tool for a city people enjoy living in."
    ),
    "Projektteam smart.wuppertal": "The smart.wuppertal project team",
    # Sections
    "Aktuelles": "News",
    "aktuelles": "news",
    "Nachrichten, Pressemitteilungen und Berichte aus dem Modellprojekt Smart City Wuppertal.": (
        "News, press releases and reports from the Smart City Wuppertal model project."
    ),
    "Veranstaltungen": "Events",
    "veranstaltungen": "events",
    "Workshops, Gespräche und Livestreams: alle Termine zum Mitmachen und Zuschauen.": (
        "Workshops, talks and livestreams: every date to take part in or watch."
    ),
    "Projekte": "Projects",
    "projekte": "projects",
    "Vom Förderprogramm bis zum Messfühler im Stadtteil: die Vorhaben der Smart City Wuppertal.": (
        "From the funding programme to the sensor in the neighbourhood: the projects of Smart City Wuppertal."
    ),
    # The kickoff event
    "Live-Auftakt von smart.wuppertal": "Live kickoff of smart.wuppertal",
    "auftakt-smart-city-wuppertal": "kickoff-smart-city-wuppertal",
    "Der digitale Start des Modellprojekts Smart City Wuppertal: live übertragen aus dem codeks, "
    "ohne Anmeldung, für alle Interessierten.": (
        "The digital start of the Smart City Wuppertal model project: streamed live from the "
        "codeks, no registration needed, open to everyone interested."
    ),
    "kostenfrei": "free of charge",
    "Mit diesem Abend geht das Modellprojekt Smart City Wuppertal an die Öffentlichkeit. Kurze "
    "Vorträge und Gespräche zeigen, welche Chancen die Digitalisierung für das Leben in der Stadt "
    "bietet und wie alle mitwirken können.": (
        "With this evening the Smart City Wuppertal model project goes public. Short talks and "
        "conversations show what digitalisation can offer life in the city and how everyone can "
        "take part."
    ),
    "Übertragen wird aus dem codeks. Sie brauchen nur einen Browser, eine Anmeldung ist nicht nötig.": (
        "The stream comes from the codeks. All you need is a browser; no registration is required."
    ),
    "Zum Livestream": "To the livestream",
    "Der Stream beginnt am 7. März 2022 um 17 Uhr.": "The stream starts on 7 March 2022 at 5 pm.",
    "Livestream öffnen": "Open the livestream",
    # The seed article
    "07.03.: Live-Auftakt von smart.wuppertal": "7 March: live kickoff of smart.wuppertal",
    "live-auftakt-von-smart-wuppertal": "live-kickoff-of-smart-wuppertal",
    "Termin vormerken: Am Montag, 7. März 2022, startet das Modellprojekt Smart City Wuppertal um "
    "17 Uhr mit einem Livestream aus dem codeks.": (
        "Save the date: on Monday, 7 March 2022, the Smart City Wuppertal model project starts at "
        "5 pm with a livestream from the codeks."
    ),
    "<b>Bitte vormerken:</b> Die Auftaktveranstaltung des Modellprojekts Smart City Wuppertal "
    "beginnt am Montag, dem 7. März 2022, um 17 Uhr.": (
        "<b>Please note the date:</b> the kickoff event of the Smart City Wuppertal model project "
        "begins on Monday, 7 March 2022, at 5 pm."
    ),
    "2021 hat sich Wuppertal mit Erfolg um das Förderprogramm „Smart Cities made in Germany“ "
    "beworben, das vom Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (BMWSB) und der "
    "Kreditanstalt für Wiederaufbau (KfW) getragen wird. Von 94 Bewerbungen kamen 28 Kommunen zum "
    "Zug; Wuppertal ist dabei.": (
        "In 2021 Wuppertal applied successfully to the “Smart Cities made in Germany” funding "
        "programme, run by the Federal Ministry for Housing, Urban Development and Building "
        "(BMWSB) and the KfW development bank. Of 94 applicants, 28 municipalities were chosen, "
        "Wuppertal among them."
    ),
    "Der Abend ist die erste Veranstaltung innerhalb der Förderung und führt in die Themen des "
    "Projekts ein. Übertragen wird live aus dem codeks. Die Stadt lädt alle herzlich ein, diesen "
    "ersten Schritt zu einem vernetzten, digitalen und lebenswerten Wuppertal mitzuerleben.": (
        "The evening is the first event of the funded programme and introduces the project's "
        "topics. It is streamed live from the codeks. The city warmly invites everyone to join "
        "this first step towards a connected, digital and liveable Wuppertal."
    ),
    "Eingeladen sind alle Wuppertalerinnen und Wuppertaler, Unternehmen, Verantwortliche aus "
    "Politik und Verwaltung sowie Menschen aus Wissenschaft, Bildung und lokaler Wirtschaft, ganz "
    "gleich, wie alt sie sind und was sie mitbringen. Kurze Impulse, erste Einblicke und "
    "Denkanstöße zeigen, was eine kluge, sozial ausgewogene und nachhaltige Stadtentwicklung für "
    "Wuppertal bedeuten kann.": (
        "Everyone is invited: the people of Wuppertal, businesses, decision-makers in politics and "
        "administration, and people from research, education and the local economy, whatever "
        "their age and background. Short talks, first insights and food for thought show what "
        "smart, socially balanced and sustainable urban development can mean for Wuppertal."
    ),
    "Digitale Werkzeuge sollen dem Leben in der Stadt dienen.": (
        "Digital tools should serve life in the city."
    ),
    "Wuppertals Smart-City-Strategie": "Wuppertal's Smart City strategy",
    "Im Mittelpunkt steht nicht die Technik, sondern das, was sie für die Stadt leisten kann. "
    "Zusammen mit der Stadtgesellschaft sollen digitale Lösungen entstehen, die das Miteinander, "
    "das Gemeinwohl und die soziale, ökologische und wirtschaftliche Nachhaltigkeit stärken. Das "
    "gelingt nur, wenn Zivilgesellschaft, Wirtschaft, Wissenschaft und Verwaltung eng "
    "zusammenarbeiten.": (
        "The focus is not on technology but on what it can do for the city. Together with its "
        "citizens, the city wants to create digital solutions that strengthen community, the "
        "common good and social, ecological and economic sustainability. That only works when "
        "civil society, business, research and administration work closely together."
    ),
    "Link zum Stream": "Link to the stream",
    "Eine Anmeldung braucht es nicht: Am 7. März läuft der Stream ab 17 Uhr auf der "
    "Smart-City-Seite der Stadt. Alle Interessierten sind willkommen, zuzuschauen und den Weg zur "
    "Smart City Wuppertal mitzugestalten.": (
        "No registration is needed: on 7 March the stream runs from 5 pm on the city's Smart City "
        "page. Everyone interested is welcome to watch and help shape the path to Smart City "
        "Wuppertal."
    ),
    "Keine Anmeldung nötig, ein Klick genügt.": "No registration needed, one click is enough.",
    "Livestream auf wuppertal.de": "Livestream on wuppertal.de",
    "Hintergrund zur Förderung": "About the funding",
    "Die ausgewählten Kommunen erhalten Fördermittel, um über mehrere Jahre einen eigenen "
    "Digitalisierungsprozess anzustoßen. Sie entwickeln Strategien für eine integrierte, "
    "nachhaltige und am Gemeinwohl ausgerichtete Stadtentwicklung und erproben sie in konkreten "
    "Maßnahmen. Was sie dabei lernen, geben die Modellprojekte weiter, damit auch andere Städte und "
    "Regionen profitieren.": (
        "The chosen municipalities receive funding to start their own digitalisation process over "
        "several years. They develop strategies for integrated, sustainable urban development "
        "aimed at the common good and try them out in concrete measures. The model projects pass "
        "on what they learn so that other cities and regions benefit too."
    ),
    "Mehr über smart.wuppertal": "More about smart.wuppertal",
    "Erläuterungen und Hinweise": "Notes and information",
    "Teilnahme am Livestream": "Watching the livestream",
    "Sie brauchen nur einen aktuellen Browser. Ein Konto oder eine Anmeldung ist nicht nötig.": (
        "All you need is an up-to-date browser. No account or registration is required."
    ),
    "Barrierefreie Teilnahme": "Accessible participation",
    "Fragen zur barrierefreien Teilnahme beantwortet das Projektteam gern vorab unter "
    f'<a id="a1">{CONTACT_EMAIL}</a>.': (
        "The project team is happy to answer questions about accessible participation in advance "
        f'at <a id="a1">{CONTACT_EMAIL}</a>.'
    ),
    "Smart Cities made in Germany": "Smart Cities made in Germany",
    "Das Bundesprogramm fördert Kommunen, die die Digitalisierung für eine nachhaltige und "
    'gemeinwohlorientierte Stadtentwicklung nutzen. Mehr dazu auf der <a id="a1">'
    "Smart-City-Dialogplattform</a>.": (
        "The federal programme funds municipalities that use digitalisation for sustainable urban "
        'development aimed at the common good. Read more on the <a id="a1">Smart City dialogue '
        "platform</a>."
    ),
}
