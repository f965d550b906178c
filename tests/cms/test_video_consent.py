"""Videos are embedded with two clicks: opening a page sends nothing to the video platform."""

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.factories import ContentPageFactory
from tests.html import get_html

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=demo"


@pytest.fixture
def page_with_video(site_tree):
    # A cached embed stands in for the provider, which this machine cannot reach.
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/demo" width="640" height="360"></iframe>',
        provider_name="YouTube",
        width=640,
        height=360,
    )
    return ContentPageFactory(
        parent=site_tree.home,
        body=[("video", {"video": VIDEO_URL, "title": "Auftakt im codeks", "transcript": ""})],
    )


def test_the_player_waits_in_a_template_until_the_visitor_asks_for_it(client, page_with_video):
    soup = get_html(client, page_with_video)

    video = soup.find("figure", class_="video-block")
    # A <template>'s content is inert: the browser neither renders nor loads it.
    iframe = video.find("iframe")
    assert iframe.find_parent("template").has_attr("data-video-player")
    assert iframe["src"] == "https://www.youtube-nocookie.com/embed/demo"
    assert "Daten an YouTube übertragen" in video.get_text()
    assert video.find("button", attrs={"data-video-load": True}).get_text(strip=True) == (
        "Video „Auftakt im codeks“ laden"
    )


def test_the_player_carries_the_editors_title_for_screen_readers(client, page_with_video):
    soup = get_html(client, page_with_video)

    assert soup.find("template", attrs={"data-video-player": True}).iframe["title"] == "Auftakt im codeks"
