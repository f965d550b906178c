"""The news that announce an event, shown on the event's form.

An article names its events in its own "Verwandte Veranstaltungen" (ArticleEventLink belongs
to the article and to its revisions), so the link is edited on the article: the event's form
lists the articles that name it, offers a new article with the event already filled in, and
links an existing one through a new draft of it (articles.admin_views). Both sides, the
website and the API read the same links: those of the published article (of one never
published, as first saved), so a draft's change to them shows here once it is published.
"""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.admin.panels import Panel

from .models import ArticleIndexPage, ArticlePage


def announcing_articles(event):
    """The articles, live or draft, that name the event among their related events, newest first."""
    return (
        ArticlePage.objects.filter(related_events__event=event)
        .distinct()
        .annotate_approved_schedule()
        .prefetch_workflow_states()
        .newest_first()
    )


def news_section_of(event) -> ArticleIndexPage | None:
    """The news section ("Aktuelles") of the event's site: a sibling of its events section."""
    return ArticleIndexPage.objects.sibling_of(event.get_parent()).first()


def new_announcement_url(event, user) -> str | None:
    """The add form for an article about the event, in the news section of the event's site,
    returning to the event once published; None where the user may not add news there."""
    news_index = news_section_of(event)
    if news_index is None or not news_index.permissions_for_user(user).can_add_subpage():
        return None
    add_url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news_index.pk])
    next_url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    return f"{add_url}?{urlencode({'event': event.pk, 'next': next_url})}"


class AnnouncingArticlesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/announcing_articles_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = self.instance
            # A new event has no links yet, and no id to link an article to.
            context["is_saved"] = event.pk is not None
            if event.pk is not None:
                context["articles"] = announcing_articles(event)
                context["new_announcement_url"] = new_announcement_url(event, self.request.user)
                context["link_existing_url"] = reverse("articles_link_existing_article", args=[event.pk])
            return context
