"""Fixtures for the webhook tests: a receiver, an endpoint pointing at it, and an article
draft to publish."""

import pytest

from articles.factories import ArticlePageFactory
from tests.webhooks.receiver import Receiver
from webhooks.factories import WebhookEndpointFactory


@pytest.fixture
def receiver():
    receiver = Receiver()
    receiver.start()
    yield receiver
    receiver.stop()


@pytest.fixture
def endpoint(site_tree, receiver):
    # After the site tree: building it deletes Wagtail's welcome page, news to any endpoint.
    return WebhookEndpointFactory(name="Stadt-App", url=receiver.url, secret="stadt-app-geheimnis-2022")


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(
        parent=site_tree.articles, live=False, title="Live-Auftakt von smart.wuppertal", slug="live-auftakt"
    )
