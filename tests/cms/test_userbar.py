"""Wagtail's user bar, through which the editor's "Checks" run in the preview, is in the
pages of signed-in editors only: the HTML every visitor gets, and Varnish keeps, has no
trace of it."""

import json

import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(parent=site_tree.articles, title="Live-Auftakt")


def test_anonymous_visitors_get_no_trace_of_the_user_bar(client, article):
    html = client.get(article.url).content.decode()

    assert "userbar" not in html.lower()


def test_signed_in_editors_get_the_user_bar_after_the_page(editor_client, article):
    html = editor_client.get(article.url).content.decode()

    assert '<template id="wagtail-userbar-template">' in html
    assert html.index('class="site-footer"') < html.index("wagtail-userbar-template")


def test_the_checks_report_images_without_alt_text_besides_wagtails_own_rules(editor_client, article):
    html = editor_client.get(article.url).content.decode()

    configuration = json.loads(BeautifulSoup(html, "html.parser").find(id="checker-axe-configuration").string)
    rules = configuration["options"]["runOnly"]
    assert {"heading-order", "link-name", "alt-text-quality", "image-alt"} <= set(rules)
    assert configuration["messages"]["image-alt"]["error_name"] == "Bild ohne Alternativtext"
