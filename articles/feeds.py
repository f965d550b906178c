"""The news as an Atom feed (RFC 4287) for feed readers and partner sites."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from core.sites import site_name_for

if TYPE_CHECKING:
    from .models import ArticleIndexPage, ArticlePage

FEED_LENGTH = 20


def _local(moment: datetime.datetime) -> datetime.datetime:
    """`moment` in the site's zone (TIME_ZONE), whatever zone the request activated."""
    return timezone.localtime(moment, timezone.get_default_timezone())


def published_at(article: ArticlePage) -> datetime.datetime:
    """When the article counts as published: its first publication, unless the editors
    dated it to another day (news moved over from an old site), in which case the start
    of that day, so that feed readers show the date the page shows."""
    first = article.first_published_at
    if first and _local(first).date() == article.date:
        return first
    return datetime.datetime.combine(article.date, datetime.time.min, tzinfo=timezone.get_default_timezone())


def updated_at(article: ArticlePage) -> datetime.datetime:
    published = published_at(article)
    last = article.last_published_at
    return max(published, last) if last else published


def article_feed(index: ArticleIndexPage, request) -> Atom1Feed:
    """The newest live, public articles of the index, newest first."""
    site_name = site_name_for(request)
    index_url = index.get_full_url(request)
    feed = Atom1Feed(
        title=f"{index.title} – {site_name}",
        link=index_url,
        description=index.teaser,
        language="de",
        feed_url=index_url + index.reverse_subpage("feed"),
        feed_guid=index_url,
        author_name=site_name,
    )
    articles = index.get_articles().select_related("category").prefetch_related("tags")[:FEED_LENGTH]
    for article in articles:
        url = article.get_full_url(request)
        feed.add_item(
            title=article.title,
            link=url,
            # Atom1Feed marks the summary as HTML; the teaser is plain text.
            description=escape(article.teaser),
            unique_id=_tag_uri(url, article),
            pubdate=published_at(article),
            updateddate=updated_at(article),
            categories=[
                *([article.category.name] if article.category else []),
                *(tag.name for tag in article.tags.all()),
            ],
            author_name=site_name,
        )
    return feed


def _tag_uri(url: str, article: ArticlePage) -> str:
    # An entry id must never change (RFC 4287, 4.2.6); the page URL changes with the
    # slug, the page id does not (RFC 4151 tag URI).
    host = urlsplit(url).hostname or "localhost"
    since = _local(article.first_published_at) if article.first_published_at else None
    return f"tag:{host},{since or published_at(article):%Y-%m-%d}:article-{article.pk}"


def feed_response(feed: Atom1Feed) -> HttpResponse:
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
