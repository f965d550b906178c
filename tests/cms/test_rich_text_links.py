"""Links in running text: the editor's link dialog speaks German and offers "In neuem Tab
öffnen" for external links; such a link is stored as target="_blank" and, on the website,
opens with rel="noopener" and tells screen readers that it does."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from articles.factories import ArticlePageFactory
from tests.html import get_html

pytestmark = pytest.mark.django_db

FORM_URL = "https://www.wuppertal.de/formular"
NEW_TAB_LINK = f'<p>Zum <a href="{FORM_URL}" target="_blank">Anmeldeformular</a>.</p>'
LINK_DIALOGS = [
    "wagtailadmin_choose_page_external_link",
    "wagtailadmin_choose_page_email_link",
    "wagtailadmin_choose_page_phone_link",
    "wagtailadmin_choose_page_anchor_link",
]


def dialog(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return BeautifulSoup(response.json()["html"], "html.parser")


def labels(soup) -> list[str]:
    return [label.get_text(" ", strip=True) for label in soup.find_all("label")]


@pytest.mark.parametrize("name", LINK_DIALOGS)
def test_every_link_dialog_labels_the_link_text_in_german(editor_client, name):
    soup = dialog(editor_client, name)

    assert any(label.startswith("Linktext") for label in labels(soup))
    assert "Link text" not in soup.get_text()


def test_the_external_link_dialog_offers_a_new_tab(editor_client):
    checkbox = dialog(editor_client, LINK_DIALOGS[0]).find("input", type="checkbox")

    assert checkbox is not None
    assert "In neuem Tab öffnen" in labels(dialog(editor_client, LINK_DIALOGS[0]))
    assert not checkbox.has_attr("checked")


def test_a_link_opened_again_shows_its_new_tab_choice(editor_client):
    soup = dialog(editor_client, LINK_DIALOGS[0], link_url=FORM_URL, link_new_tab="1")

    assert soup.find("input", type="checkbox").has_attr("checked")


def test_the_dialog_hands_the_new_tab_choice_to_the_editor(editor_client):
    response = editor_client.post(
        reverse(LINK_DIALOGS[0]),
        {
            "external-link-chooser-url": FORM_URL,
            "external-link-chooser-link_text": "Anmeldeformular",
            "external-link-chooser-new_tab": "on",
        },
    )

    result = response.json()["result"]
    assert (result["url"], result["title"], result["new_tab"]) == (FORM_URL, "Anmeldeformular", True)


def test_the_page_editor_loads_the_new_tab_link_script(editor_client, site_tree):
    response = editor_client.get(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])
    )

    assert "js/new-tab-links.js" in response.content.decode()


def contentstate_link(**data):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": "Anmeldeformular",
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 15, "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": data}},
        }
    )


def test_a_new_tab_link_is_stored_with_its_target_and_read_back_into_the_editor():
    converter = ContentstateConverter(features=["link"])

    stored = converter.to_database_format(contentstate_link(url=FORM_URL, newTab=True))
    entity = json.loads(converter.from_database_format(stored))["entityMap"]["0"]

    assert BeautifulSoup(stored, "html.parser").a.attrs == {"href": FORM_URL, "target": "_blank"}
    assert entity["data"] == {"url": FORM_URL, "newTab": True}


def test_a_plain_link_is_stored_as_before():
    converter = ContentstateConverter(features=["link"])

    stored = converter.to_database_format(contentstate_link(url=FORM_URL))

    assert BeautifulSoup(stored, "html.parser").a.attrs == {"href": FORM_URL}


def test_the_website_says_a_link_opens_a_new_tab(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, body=[("paragraph", NEW_TAB_LINK)])

    soup = get_html(client, article)
    link = soup.select_one(".rich-text").find("a", string="Anmeldeformular")

    assert (link["href"], link["target"], link["rel"]) == (FORM_URL, "_blank", ["noopener"])
    hint = soup.find(id=link["aria-describedby"])
    assert hint.get_text(strip=True) == "Öffnet in einem neuen Tab"


def test_a_plain_external_link_opens_in_the_same_tab(client, site_tree):
    article = ArticlePageFactory(
        parent=site_tree.articles, body=[("paragraph", f'<p><a href="{FORM_URL}">Formular</a></p>')]
    )

    link = get_html(client, article).select_one(".rich-text").find("a", string="Formular")

    assert link.attrs == {"href": FORM_URL}


def test_the_api_gives_apps_the_new_tab_choice(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, body=[("paragraph", NEW_TAB_LINK)])

    [paragraph] = client.get(f"/api/v2/pages/{article.pk}/").json()["body"]
    link = BeautifulSoup(paragraph["value"], "html.parser").a

    assert link.attrs == {"href": FORM_URL, "target": "_blank", "rel": ["noopener"]}
