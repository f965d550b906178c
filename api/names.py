"""What DRF's browsable API calls each endpoint: an API address opened in a browser is an
HTML page titled with the view's class name ("Card Pages Api") and described by the class's
docstring, which is English and written for readers of this code. Endpoints name themselves
in German instead."""

from rest_framework.utils.formatting import markup_description


class GermanViewNames:
    # Names other than DRF's `name` and `description`, which its viewsets reset.
    view_title: str
    view_summary: str

    def get_view_name(self):
        return self.view_title

    def get_view_description(self, html=False):
        return markup_description(self.view_summary) if html else self.view_summary
