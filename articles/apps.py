from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Aktuelles"

    def ready(self):
        from core.models import BasePage
        from events.models import EventPage

        from .panels import AnnouncingArticlesPanel

        # The news that announce an event are the news app's to show (articles.panels): it
        # adds them to the event's form, before the teaser, as the events app cannot know them.
        panels = EventPage.content_panels
        position = panels.index(BasePage.teaser_panel)
        EventPage.content_panels = [
            *panels[:position],
            AnnouncingArticlesPanel(heading="Nachrichten zu dieser Veranstaltung"),
            *panels[position:],
        ]
