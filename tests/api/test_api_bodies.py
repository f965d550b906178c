"""Page bodies in detail responses: typed blocks `{type, id, value}` an app can render
without a second request, the page's image credits, and a query cost that does not grow
with the body."""

import json
from unittest.mock import ANY

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from articles.factories import ArticlePageFactory
from core.blocks import AccordionBlock
from events.factories import EventPageFactory
from media.factories import ImageFactory

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=auftakt"


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()


def body_of(client, site_tree, *blocks):
    page = ArticlePageFactory(
        parent=site_tree.articles, body=[{"type": kind, "value": value} for kind, value in blocks]
    )
    return detail(client, page)["body"]


def value_of(client, site_tree, kind, value):
    [block] = body_of(client, site_tree, (kind, value))
    assert block["type"] == kind
    return block["value"]


def html(fragment):
    return BeautifulSoup(fragment, "html.parser")


def link_to(kind, pk):
    """The opening tag of a rich text link to a page or document, as Wagtail stores it."""
    return f'<a linktype="{kind}" id="{pk}">'


def image_embed(image, alt="Blick in den Saal"):
    return f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="{alt}"/>'


def document(**kwargs):
    return wagtail_factories.DocumentFactory(
        **{
            "title": "Smart-City-Strategie",
            "file__filename": "strategie.pdf",
            "file__data": b"%PDF-1.4",
            **kwargs,
        }
    )


@pytest.fixture
def target(site_tree):
    return ArticlePageFactory(parent=site_tree.articles, title="Förderung bewilligt", slug="foerderung")


@pytest.fixture
def cached_video():
    # A stored embed stands in for the provider, which this machine cannot reach.
    return Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/auftakt" width="640" height="360">'
        "</iframe>",
        provider_name="YouTube",
        title="Kickoff Smart City",
        thumbnail_url="https://i.ytimg.com/vi/auftakt/hqdefault.jpg",
        width=640,
        height=360,
    )


# Every block type's value


def test_blocks_come_typed_with_their_ids(client, site_tree):
    article = ArticlePageFactory(
        parent=site_tree.articles, body=[("heading", {"text": "Hintergrund", "level": "h2"})]
    )

    [block] = detail(client, article)["body"]

    assert set(block) == {"type", "id", "value"}
    assert block["type"] == "heading"
    assert block["id"] == article.body[0].id
    assert block["value"] == {"text": "Hintergrund", "level": "h2"}


def test_a_quote_carries_its_attribution_and_role(client, site_tree):
    quote = {"text": "Technik ist ein Werkzeug.", "attribution": "Projektteam", "role": "Stadt Wuppertal"}

    assert value_of(client, site_tree, "quote", quote) == quote


def test_a_paragraph_is_display_html(client, site_tree):
    value = value_of(client, site_tree, "paragraph", "<p>Wuppertal ist <b>Modellprojekt</b>.</p>")

    assert value == "<p>Wuppertal ist <b>Modellprojekt</b>.</p>"


def test_an_image_block_carries_the_shared_image_shape_and_its_caption(client, site_tree):
    image = ImageFactory(description="Das codeks von außen")

    value = value_of(client, site_tree, "image", {"image": image.pk, "caption": "Der Veranstaltungsort"})

    assert value["caption"] == "Der Veranstaltungsort"
    assert value["image"]["id"] == image.pk
    assert value["image"]["alt"] == "Das codeks von außen"
    assert value["image"]["credit"]["line"] == "Gerd Altmann auf Pixabay"
    assert value["image"]["renditions"]["card"]["url"].startswith("http://localhost/media/images/")


def test_a_video_carries_the_stored_player_titled_for_screen_readers(client, site_tree, cached_video):
    value = value_of(
        client,
        site_tree,
        "video",
        {"video": VIDEO_URL, "title": "Auftakt im codeks", "transcript": "<p>Begrüßung.</p>"},
    )

    assert value["url"] == VIDEO_URL
    assert value["title"] == "Auftakt im codeks"
    assert value["transcript"] == "<p>Begrüßung.</p>"
    embed = value["embed"]
    assert {key: embed[key] for key in ("provider_name", "type", "title", "width", "height")} == {
        "provider_name": "YouTube",
        "type": "video",
        "title": "Kickoff Smart City",
        "width": 640,
        "height": 360,
    }
    assert embed["thumbnail_url"] == "https://i.ytimg.com/vi/auftakt/hqdefault.jpg"
    assert html(embed["html"]).iframe["title"] == "Auftakt im codeks"


def test_a_video_whose_provider_cannot_be_reached_has_no_embed(client, site_tree):
    value = value_of(
        client, site_tree, "video", {"video": "https://video.example.org/auftakt", "title": "Auftakt"}
    )

    assert value["url"] == "https://video.example.org/auftakt"
    assert value["embed"] is None


def test_a_call_to_action_links_an_internal_page_by_its_absolute_address(client, site_tree, target):
    link = {"text": "Zum Bescheid", "page": target.pk, "url": "", "new_tab": False}

    value = value_of(
        client, site_tree, "call_to_action", {"title": "Förderung", "text": "Mehr dazu.", "link": link}
    )

    assert value["title"] == "Förderung"
    assert value["text"] == "Mehr dazu."
    assert value["link"] == {
        "text": "Zum Bescheid",
        "url": "http://localhost/aktuelles/foerderung/",
        "new_tab": False,
        "page": {
            "id": target.pk,
            "title": "Förderung bewilligt",
            "url": "http://localhost/aktuelles/foerderung/",
            "type": "articles.ArticlePage",
            "detail_url": f"http://localhost/api/v2/pages/{target.pk}/",
        },
    }


def test_a_link_list_mixes_internal_and_external_links(client, site_tree, target):
    links = [
        {"text": "Bescheid", "page": target.pk, "url": "", "new_tab": False},
        {"text": "Smart Cities", "page": None, "url": "https://www.smart-city-dialog.de/", "new_tab": True},
    ]

    value = value_of(client, site_tree, "link_list", {"title": "Weiterführende Links", "links": links})

    assert value["title"] == "Weiterführende Links"
    internal, external = value["links"]
    assert internal["url"] == "http://localhost/aktuelles/foerderung/"
    assert internal["page"]["id"] == target.pk
    assert external == {
        "text": "Smart Cities",
        "url": "https://www.smart-city-dialog.de/",
        "new_tab": True,
        "page": None,
    }


def test_an_accordion_gives_each_item_as_html(client, site_tree):
    items = [
        {"title": "Teilnahme", "body": "<p>Keine Anmeldung nötig.</p>"},
        {"title": "Barrierefreiheit", "body": "<p>Mit Untertiteln.</p>"},
    ]

    value = value_of(client, site_tree, "accordion", {"title": "Erläuterungen und Hinweise", "items": items})

    assert value == {"title": "Erläuterungen und Hinweise", "items": items}


def test_a_document_block_carries_what_a_download_link_shows(client, site_tree):
    strategy = document()

    value = value_of(
        client, site_tree, "document", {"document": strategy.pk, "title": "", "description": "Die Strategie."}
    )

    assert value == {
        "title": "Smart-City-Strategie",
        "description": "Die Strategie.",
        "document": {
            "id": strategy.pk,
            "title": "Smart-City-Strategie",
            "url": f"http://localhost/documents/{strategy.pk}/strategie.pdf",
            "filename": "strategie.pdf",
            "file_size": 8,
            "file_type": "pdf",
            "content_type": "application/pdf",
        },
    }


def test_a_document_block_prefers_the_editors_link_text(client, site_tree):
    value = value_of(client, site_tree, "document", {"document": document().pk, "title": "Strategie (PDF)"})

    assert value["title"] == "Strategie (PDF)"


def test_an_event_teaser_carries_the_events_dates_and_teaser(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events, title="Live-Auftakt", slug="live-auftakt", teaser="Start im Stream."
    )

    value = value_of(client, site_tree, "event_teaser", {"event": event.pk, "text": ""})

    assert value == {
        "text": "Start im Stream.",
        "event": {
            "id": event.pk,
            "title": "Live-Auftakt",
            "url": "http://localhost/veranstaltungen/live-auftakt/",
            "type": "events.EventPage",
            "detail_url": f"http://localhost/api/v2/pages/{event.pk}/",
            "start": "2022-03-07T17:00:00+01:00",
            "end": "2022-03-07T19:00:00+01:00",
            "all_day": False,
            "teaser": "Start im Stream.",
        },
    }


def test_an_event_teaser_prefers_the_editors_own_text(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, teaser="Start im Stream.")

    value = value_of(client, site_tree, "event_teaser", {"event": event.pk, "text": "Jetzt vormerken!"})

    assert value["text"] == "Jetzt vormerken!"
    assert value["event"]["teaser"] == "Start im Stream."


# Rich text that works outside this site


def test_rich_text_links_internal_pages_by_their_absolute_address(client, site_tree, target):
    value = value_of(
        client, site_tree, "paragraph", f"<p>Siehe {link_to('page', target.pk)}Bescheid</a>.</p>"
    )

    link = html(value).a
    assert link["href"] == "http://localhost/aktuelles/foerderung/"
    # What an app needs to open the page itself rather than in a browser.
    assert (link["data-page-id"], link["data-page-type"]) == (str(target.pk), "articles.ArticlePage")
    assert link["data-api-url"] == f"http://localhost/api/v2/pages/{target.pk}/"
    assert client.get(link["data-api-url"]).json()["id"] == target.pk


def test_rich_text_links_documents_by_their_download_address(client, site_tree):
    strategy = document()

    value = value_of(
        client, site_tree, "paragraph", f"<p>{link_to('document', strategy.pk)}Strategie</a></p>"
    )

    assert html(value).a["href"] == f"http://localhost/documents/{strategy.pk}/strategie.pdf"


def test_rich_text_images_have_an_absolute_source_size_and_alt_text(client, site_tree):
    image = ImageFactory()

    value = value_of(client, site_tree, "paragraph", f"<p>Vorher</p>{image_embed(image)}")

    img = html(value).img
    assert img["src"].startswith("http://localhost/media/images/")
    assert (img["width"], img["height"]) == ("800", "533")
    assert img["alt"] == "Blick in den Saal"
    # The image as an image block gives it, for apps that lay it out themselves.
    listed = client.get(f"/api/v2/images/{image.pk}/").json()
    assert json.loads(img["data-image"]) == {key: value for key, value in listed.items() if key != "meta"}


def test_rich_text_inside_accordions_and_video_transcripts_is_resolved_too(client, site_tree, target):
    link = f"<p>{link_to('page', target.pk)}Bescheid</a></p>"

    accordion, video = body_of(
        client,
        site_tree,
        ("accordion", {"title": "Hinweise", "items": [{"title": "Förderung", "body": link}]}),
        ("video", {"video": "https://video.example.org/x", "title": "Auftakt", "transcript": link}),
    )

    assert html(accordion["value"]["items"][0]["body"]).a["href"] == "http://localhost/aktuelles/foerderung/"
    assert html(video["value"]["transcript"]).a["href"] == "http://localhost/aktuelles/foerderung/"


def test_a_block_serialised_on_its_own_resolves_its_rich_text(site_tree, target):
    block = AccordionBlock()
    value = block.to_python(
        {
            "title": "Hinweise",
            "items": [{"title": "Förderung", "body": f"{link_to('page', target.pk)}x</a>"}],
        }
    )

    representation = block.get_api_representation(value, context={"request": None})

    assert html(representation["items"][0]["body"]).a["href"] == "http://localhost/aktuelles/foerderung/"


# Targets that are gone


def test_deleted_or_unpublished_targets_come_as_null(client, site_tree, target):
    image = ImageFactory()
    strategy = document()
    event = EventPageFactory(parent=site_tree.events)
    link = {"text": "Bescheid", "page": target, "url": "", "new_tab": False}
    article = ArticlePageFactory(
        parent=site_tree.articles,
        body=[
            ("image", {"image": image, "caption": "Weg"}),
            ("document", {"document": strategy, "title": "Strategie"}),
            ("event_teaser", {"event": event, "text": "Abgesagt"}),
            ("call_to_action", {"title": "Förderung", "text": "", "link": link}),
        ],
    )
    image.delete()
    strategy.delete()
    event.unpublish()
    target.delete()

    image_block, document_block, teaser, call_to_action = detail(client, article)["body"]

    assert image_block["value"] == {"image": None, "caption": "Weg"}
    assert document_block["value"] == {"title": "Strategie", "description": "", "document": None}
    assert teaser["value"] == {"text": "Abgesagt", "event": None}
    assert call_to_action["value"]["link"] == {
        "text": "Bescheid",
        "url": None,
        "new_tab": False,
        "page": None,
    }


def test_rich_text_keeps_the_text_of_links_and_drops_images_whose_target_is_gone(client, site_tree, target):
    image = ImageFactory()
    strategy = document()
    article = ArticlePageFactory(
        parent=site_tree.articles,
        body=[
            (
                "paragraph",
                f"<p>{link_to('page', target.pk)}Bescheid</a> {link_to('document', strategy.pk)}PDF</a></p>"
                f"{image_embed(image)}",
            )
        ],
    )
    target.delete()
    strategy.delete()
    image.delete()

    [paragraph] = detail(client, article)["body"]

    assert paragraph["value"] == "<p><a>Bescheid</a> <a>PDF</a></p>"


# Image credits


def test_a_detail_lists_the_credits_of_every_image_the_page_shows(client, site_tree):
    hero = ImageFactory(credit_author="Gerd Altmann", credit_source="Pixabay")
    in_block = ImageFactory(
        credit_author="",
        credit_source="Stadt Wuppertal",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
    )
    in_text = ImageFactory(credit_author="Erika Muster", credit_source="Wikimedia Commons")
    article = ArticlePageFactory(
        parent=site_tree.articles,
        hero_image=hero,
        body=[
            ("image", {"image": in_block, "caption": ""}),
            ("paragraph", f"<p>Text</p>{image_embed(in_text)}"),
        ],
    )

    credits = detail(client, article)["image_credits"]

    assert credits == [
        {
            "author": "Gerd Altmann",
            "source": "Pixabay",
            "licence": "",
            "licence_url": "",
            "line": "Gerd Altmann auf Pixabay",
        },
        {
            "author": "",
            "source": "Stadt Wuppertal",
            "licence": "CC BY 4.0",
            "licence_url": "https://creativecommons.org/licenses/by/4.0/",
            "line": "Stadt Wuppertal, CC BY 4.0",
        },
        {
            "author": "Erika Muster",
            "source": "Wikimedia Commons",
            "licence": "",
            "licence_url": "",
            "line": "Erika Muster auf Wikimedia Commons",
        },
    ]


def test_a_page_without_credited_images_has_an_empty_credit_list(client, site_tree):
    article = ArticlePageFactory(
        parent=site_tree.articles, hero_image=ImageFactory(credit_author="", credit_source="")
    )

    assert detail(client, article)["image_credits"] == []


# Detail only


def test_a_list_leaves_out_body_and_credits_even_with_all_fields(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, body=[("heading", {"text": "Hintergrund", "level": "h2"})])

    response = client.get("/api/v2/pages/", {"type": "articles.ArticlePage", "fields": "*"})

    [item] = response.json()["items"]
    assert "teaser" in item
    assert "body" not in item
    assert "image_credits" not in item


@pytest.mark.parametrize("fields", ["body", "teaser,image_credits", "body,image_credits"])
def test_a_list_refuses_detail_only_fields_and_says_where_they_are(client, site_tree, fields):
    response = client.get("/api/v2/pages/", {"type": "articles.ArticlePage", "fields": fields})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    message = response.json()["message"]
    assert "detail response only" in message
    assert ("body" in message) == ("body" in fields)
    assert ("image_credits" in message) == ("image_credits" in fields)


def test_a_detail_can_still_select_the_body(client, site_tree):
    article = ArticlePageFactory(
        parent=site_tree.articles, body=[("heading", {"text": "Hintergrund", "level": "h2"})]
    )

    response = client.get(f"/api/v2/pages/{article.pk}/", {"fields": "_,body"})

    assert response.status_code == 200
    # The id and page type stay: typed clients tell the page types apart by them.
    assert response.json() == {
        "id": article.pk,
        "type": "articles.ArticlePage",
        "body": [{"type": "heading", "id": article.body[0].id, "value": ANY}],
    }


# Query budget


def long_body(site_tree, count):
    """A body with `count` image blocks, paragraphs (each linking a page and a document and
    showing an image) and calls to action, a list of `count` links, an accordion, documents,
    an event teaser and a video: 3 * count + 6 blocks and 3 * count internal links."""
    targets = ArticlePageFactory.create_batch(count, parent=site_tree.articles)
    images = ImageFactory.create_batch(count)
    documents = [document(title=f"Dokument {n}") for n in range(count)]
    event = EventPageFactory(parent=site_tree.events)

    def link(page):
        return {"text": page.title, "page": page.pk, "url": "", "new_tab": False}

    return [
        *({"type": "image", "value": {"image": image.pk, "caption": ""}} for image in images),
        *(
            {
                "type": "paragraph",
                "value": f"<p>{link_to('page', page.pk)}Mehr</a> {link_to('document', doc.pk)}PDF</a></p>"
                f"{image_embed(image)}",
            }
            for page, doc, image in zip(targets, documents, images, strict=True)
        ),
        *(
            {"type": "call_to_action", "value": {"title": "Weiter", "text": "", "link": link(page)}}
            for page in targets
        ),
        {"type": "link_list", "value": {"title": "Links", "links": [link(page) for page in targets]}},
        {"type": "accordion", "value": {"title": "Hinweise", "items": [{"title": "A", "body": "<p>B</p>"}]}},
        {"type": "document", "value": {"document": documents[0].pk, "title": ""}},
        {"type": "document", "value": {"document": documents[-1].pk, "title": ""}},
        {"type": "event_teaser", "value": {"event": event.pk, "text": ""}},
        {"type": "video", "value": {"video": VIDEO_URL, "title": "Auftakt", "transcript": ""}},
    ]


# The request and the page (content version, view restrictions, site, the page and its
# specific row, its parent for meta, tags): 8. The body: one query per chooser block type
# StreamValue loads (images, documents, the event, the pages of calls to action and of
# link lists), one each for the pages, documents and images its rich text points to, one
# for all renditions, one for the stored video embeds, one for the view restrictions that
# page links respect: 11. The image credits: 1. The related events and projects (none
# here): their links, 2.
# Languages (README, "Languages") add three: the site, whose start page's translations Wagtail's
# API looks pages up under, the page's locale (meta.locale) and its translations
# (meta.translations, api.languages).
DETAIL_QUERIES = 25


@pytest.fixture
def cold_rendition_cache(settings):
    # Renditions found in the cache cost no query, which would hide a lookup per image;
    # measure what a cold or evicted cache costs.
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


@pytest.mark.parametrize("count", [3, 10])
def test_a_detail_costs_the_same_queries_however_long_the_body(
    client, site_tree, cached_video, cold_rendition_cache, django_assert_num_queries, count
):
    article = ArticlePageFactory(parent=site_tree.articles, body=long_body(site_tree, count))
    # The first request renders the renditions, a one-off cost per image.
    assert len(detail(client, article)["body"]) == 3 * count + 6

    with django_assert_num_queries(DETAIL_QUERIES):
        body = detail(client, article)["body"]

    assert len(body) == 3 * count + 6
