"""The news views of the admin: an article's add form that can start with an event among its
related events, and the list from which an event's form links an existing article.

The link belongs to the article (articles.panels), so linking from the event's side saves a
new draft of the article with the event added below its related events, as the editor would
in the article's form: an article that is already published shows the link once that draft
is published, through the review workflow like any other change.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from core.editorial.page_views import PageCreateView
from events.models import EventPage

from .models import ArticleEventLink, ArticlePage
from .panels import news_section_of

ARTICLES_PER_PAGE = 20


class ArticleCreateView(PageCreateView):
    """`?event=<id>` opens the form with that event among the related events, as the event
    form's "Nachricht zu dieser Veranstaltung anlegen" does."""

    def get(self, request):
        if event := self.announced_event():
            self.page.related_events = [ArticleEventLink(event=event)]
        return super().get(request)

    def announced_event(self):
        event_id = self.request.GET.get("event", "")
        if not (event_id.isascii() and event_id.isdigit()):
            return None
        return EventPage.objects.filter(pk=event_id).first()


def articles_to_link(event, search=""):
    """The articles of the event's site that do not name the event yet, newest first."""
    articles = ArticlePage.objects.exclude(related_events__event=event)
    news_index = news_section_of(event)
    if news_index is not None:
        articles = articles.descendant_of(news_index)
    if search:
        articles = articles.filter(title__icontains=search)
    return articles.annotate_approved_schedule().prefetch_workflow_states().newest_first()


def link_existing_article(request, event_id):
    """The articles an editor may link to the event, each with a button that links it."""
    event = get_object_or_404(EventPage, pk=event_id)
    search = request.GET.get("q", "").strip()[:100]
    page = Paginator(articles_to_link(event, search), ARTICLES_PER_PAGE).get_page(request.GET.get("p"))
    rows = [
        {"article": article, "can_edit": article.permissions_for_user(request.user).can_edit()}
        for article in page
    ]
    context = {
        "event": event,
        "event_url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
        "search": search,
        "page": page,
        "rows": rows,
    }
    return TemplateResponse(request, "articles/admin/link_existing_article.html", context)


@require_POST
def link_article_to_event(request, event_id, article_id):
    """Adds the event below the article's related events in a new draft of the article, then
    opens the article's form, from which the editor publishes or submits it."""
    event = get_object_or_404(EventPage, pk=event_id)
    article = get_object_or_404(ArticlePage, pk=article_id)
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    article_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    event_url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    lock = article.get_lock()
    if lock and lock.for_user(request.user):
        messages.error(request, f"„{article.title}“ ist gesperrt und kann gerade nicht verknüpft werden.")
        return redirect(reverse("articles_link_existing_article", args=[event.pk]))

    draft = article.get_latest_revision_as_object()
    links = list(draft.related_events.all())
    if all(link.event_id != event.pk for link in links):
        draft.related_events = [*links, ArticleEventLink(event=event)]
        if not article.live:
            # As Wagtail's edit form does: a page that is not live keeps its draft in its row.
            draft.save()
        draft.save_revision(user=request.user, log_action=True)
    if article.live:
        next_step = (
            "Veröffentlichen Sie die Nachricht oder reichen Sie sie zur Freigabe ein, damit die "
            "Verknüpfung auf der Website erscheint."
        )
    else:
        next_step = "Die Verknüpfung erscheint, sobald die Nachricht veröffentlicht ist."
    messages.success(
        request,
        f"„{event.title}“ steht jetzt unter „Verwandte Veranstaltungen“ von „{article.title}“ "
        f"(als Entwurf gespeichert). {next_step}",
    )
    return redirect(f"{article_url}?{urlencode({'next': event_url})}")
