"""Editors see a preview of every block in the block picker."""

import pytest
from django.urls import reverse

from articles.models import ArticlePage
from media.factories import ImageFactory

pytestmark = pytest.mark.django_db

BODY_BLOCKS = ArticlePage._meta.get_field("body").stream_block.child_blocks


@pytest.mark.parametrize("name", BODY_BLOCKS.keys())
def test_every_body_block_has_a_german_label_an_icon_and_a_template(name):
    block = BODY_BLOCKS[name]
    assert block.meta.label  # set explicitly, not derived from the English block name
    assert block.meta.icon != "placeholder"
    assert block.get_template()


@pytest.mark.parametrize("name", BODY_BLOCKS.keys())
def test_every_body_block_renders_a_preview_with_the_site_stylesheet(admin_client, site_tree, name):
    ImageFactory(title="Vorschaubild")
    block = BODY_BLOCKS[name]

    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})

    assert response.status_code == 200
    html = response.content.decode()
    assert "css/site.css" in html
    assert f"block-{name}" in html
