import factory
import wagtail_factories

from .models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Smart City"


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
