"""Serializer fields for page `api_fields` that read only what the list view prefetched,
so a growing list does not issue a query per item."""

from rest_framework.fields import Field


class ReadOnlyAPIField(Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


def term_representation(term) -> dict:
    return {"name": term.name, "slug": term.slug}


class TermField(ReadOnlyAPIField):
    """A category or theme as `{name, slug}`: the name to show, the slug to filter by."""

    def to_representation(self, term):
        return term_representation(term)


class TermListField(ReadOnlyAPIField):
    def to_representation(self, terms):
        return [term_representation(term) for term in terms.all()]


class TagNamesField(ReadOnlyAPIField):
    """Tag names in alphabetical order, like Wagtail's own tags field, but sorted here
    so prefetched tags are used instead of a fresh query per page."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())
