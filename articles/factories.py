import datetime

import factory
import wagtail_factories

from .models import ArticleIndexPage, ArticlePage


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "Aktuelles"
    slug = "aktuelles"


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Nachricht {n}")
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n))
    teaser = "Kurzer Anreißer für Listen und Apps."
