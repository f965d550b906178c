"""A link goes either to a page of the site or to an external address, never both or neither."""

import pytest
from wagtail.blocks import StructBlockValidationError

from core.blocks import LinkBlock

pytestmark = pytest.mark.django_db


def clean(**value):
    block = LinkBlock()
    return block.clean(block.to_python({"text": "Mehr erfahren", "new_tab": False, **value}))


def test_it_accepts_an_external_address():
    assert clean(url="https://www.wuppertal.de/smart-city")["url"] == "https://www.wuppertal.de/smart-city"


def test_it_accepts_an_internal_page(site_tree):
    assert clean(page=site_tree.articles.pk)["page"].specific == site_tree.articles


@pytest.mark.parametrize("value", [{}, {"url": "https://example.org"}])
def test_it_rejects_neither_or_both_targets(site_tree, value):
    if value:
        value["page"] = site_tree.articles.pk
    with pytest.raises(StructBlockValidationError) as error:
        clean(**value)
    assert "page" in error.value.block_errors
