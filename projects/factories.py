import datetime

import factory
import wagtail_factories

from .models import ProjectIndexPage, ProjectMilestone, ProjectPage


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "Projekte"
    slug = "projekte"


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Projekt {n}")
    status = ProjectPage.Status.RUNNING
    start_date = datetime.date(2022, 1, 1)
    teaser = "Kurzer Anreißer für Listen und Apps."


class ProjectMilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectMilestone

    project = factory.SubFactory(ProjectPageFactory)
    date = datetime.date(2022, 3, 7)
    title = factory.Sequence(lambda n: f"Meilenstein {n}")
