"""Serializer fields for a project's detail in the API: goals, milestones, funders,
partners and the contact person.

These are detail-only fields (api.router), so each loads what it shows for its one page in
a fixed number of queries, however many entries the editors added. The loading goes
through the page's related managers, so an editor's unsaved draft in the app preview
shows its own entries, not the published ones.
"""

from rest_framework.fields import ReadOnlyField

from core.api_fields import DirectoryEntryField
from core.models import Person
from media.api import renditions_prefetch
from shapes import boolean, date, object_schema, string


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


class OrganisationsField(DirectoryEntryField):
    """A project's funders or partners, each with its logo, in the editor's order."""

    def to_representation(self, links):
        # Two queries for the whole list: the links with their organisations and logos
        # joined, then the logos' renditions. (A draft's links are in memory and the join
        # does not apply; the prefetch then loads organisations and logos in bulk too.)
        links = links.select_related("organisation__logo").prefetch_related(
            renditions_prefetch("organisation__logo__renditions")
        )
        return [self.entry_representation(link.organisation) for link in links]


class ContactField(DirectoryEntryField):
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


# --- JSON shapes (api.openapi) ------------------------------------------------------


def api_schemas() -> dict:
    """The shape of a project's milestones."""
    return {
        "Milestone": object_schema(
            {
                "date": date("The planned or reached date."),
                "title": string(),
                "description": string("Plain text; may be empty."),
                "done": boolean("True once the milestone is reached."),
            },
        ),
    }
