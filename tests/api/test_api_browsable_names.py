"""An API address opened in a browser shows DRF's browsable API: a page titled and described
in German (api.names), not after the view's class ("Card Pages Api") and its English
docstring."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

TITLES = {
    "/api/v2/pages/": "Seiten",
    "/api/v2/images/": "Bilder",
    "/api/v2/documents/": "Dokumente",
    "/api/v2/categories/": "Kategorien",
    "/api/v2/themes/": "Themenfelder",
    "/api/v2/venues/": "Veranstaltungsorte",
    "/api/v2/organisations/": "Organisationen",
    "/api/v2/preview/": "Entwurfsvorschau",
}


@pytest.mark.parametrize(("url", "title"), TITLES.items())
def test_a_browser_gets_the_endpoint_named_and_described_in_german(client, site_tree, url, title):
    response = client.get(url, headers={"accept": "text/html"})

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == title
    description = soup.select_one(".page-header + .pull-left").get_text(" ", strip=True)
    assert description
    assert not {"the", "and", "of", "with"} & set(description.lower().split())
    assert "Api" not in soup.title.get_text()
