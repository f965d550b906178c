"""Serializer fields for a project's detail in the API: goals, milestones, funders,
partners and the contact person.

These are detail-only fields (api.router), so each loads what it shows for its one page in
a fixed number of queries, however many entries the editors added. The loading goes
through the page's related managers, so an editor's unsaved draft in the app preview
shows its own entries, not the published ones.
"""

from rest_framework.fields import ReadOnlyField

from core.models import Person
from media.api import image_representation, renditions_prefetch
from shapes import URL_OR_EMPTY, boolean, closed_object, date, integer, nullable, ref, string


def organisation_representation(organisation, request=None) -> dict:
    """An organisation as /api/v2/organisations/ gives it, without `meta`."""
    logo = organisation.logo
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "short_name": organisation.short_name,
        "url": organisation.url,
        "logo": image_representation(logo, request) if logo else None,
    }


def person_representation(person, request=None) -> dict:
    photo = person.photo
    return {
        "name": person.name,
        "role": person.role,
        "organisation": person.organisation.name if person.organisation else None,
        "email": person.email,
        "phone": person.phone,
        "photo": image_representation(photo, request) if photo else None,
    }


class GoalsField(ReadOnlyField):
    """The project's goals as plain strings, in the editor's order."""

    def to_representation(self, goals):
        return [goal.text for goal in goals.all()]


class MilestonesField(ReadOnlyField):
    """The project's milestones in the editor's order; `done` says whether one is reached."""

    def to_representation(self, milestones):
        return [
            {
                "date": milestone.date.isoformat(),
                "title": milestone.title,
                "description": milestone.description,
                "done": milestone.done,
            }
            for milestone in milestones.all()
        ]


class OrganisationsField(ReadOnlyField):
    """A project's funders or partners, each with its logo, in the editor's order."""

    def to_representation(self, links):
        # Two queries for the whole list: the links with their organisations and logos
        # joined, then the logos' renditions. (A draft's links are in memory and the join
        # does not apply; the prefetch then loads organisations and logos in bulk too.)
        links = links.select_related("organisation__logo").prefetch_related(
            renditions_prefetch("organisation__logo__renditions")
        )
        request = self.context.get("request")
        return [organisation_representation(link.organisation, request) for link in links]


class ContactField(ReadOnlyField):
    """The project's contact person with organisation name and photo, or null."""

    def get_attribute(self, page):
        if page.contact_id is None:
            return None
        # Read here rather than through `page.contact`, which would fetch the person, the
        # organisation and the photo one query after the other.
        people = Person.objects.select_related("organisation", "photo").prefetch_related(
            renditions_prefetch("photo__renditions")
        )
        return people.filter(pk=page.contact_id).first()

    def to_representation(self, person):
        return person_representation(person, self.context.get("request"))


# --- JSON shapes (api.openapi) ------------------------------------------------------


def api_schemas() -> dict:
    """The shapes of a project's organisations, contact person and milestones."""
    return {
        "Organisation": closed_object(
            {
                "id": integer("The organisation at /api/v2/organisations/{id}/."),
                "name": string(),
                "short_name": string("e.g. „BMWSB“; may be empty."),
                "url": string(URL_OR_EMPTY),
                "logo": nullable(ref("Image")),
            },
            "A funder or partner, as /api/v2/organisations/ gives it (without `meta`).",
        ),
        "Person": closed_object(
            {
                "name": string(),
                "role": string("e.g. „Projektleitung“; may be empty."),
                "organisation": nullable(string("The name of the person's organisation.")),
                "email": string("E-mail address, or an empty string."),
                "phone": string("As the editors wrote it, e.g. „0202 563-0“; may be empty."),
                "photo": nullable(ref("Image")),
            },
            "A contact person.",
        ),
        "Milestone": closed_object(
            {
                "date": date("The planned or reached date."),
                "title": string(),
                "description": string("Plain text; may be empty."),
                "done": boolean("True once the milestone is reached."),
            },
        ),
    }
