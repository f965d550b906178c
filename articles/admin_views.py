from wagtail.admin.views.pages.create import CreateView

from events.models import EventPage

from .models import ArticleEventLink


class ArticleCreateView(CreateView):
    """The add form for news. `?event=<id>` opens it with that event among the related events,
    as the event form's "Nachricht zu dieser Veranstaltung anlegen" does (articles.panels)."""

    def get(self, request):
        if event := self.announced_event():
            self.page.related_events = [ArticleEventLink(event=event)]
        return super().get(request)

    def announced_event(self):
        event_id = self.request.GET.get("event", "")
        return (
            EventPage.objects.filter(pk=event_id).first()
            if event_id.isascii() and event_id.isdigit()
            else None
        )
