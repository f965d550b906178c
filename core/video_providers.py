"""The video platforms the video block embeds players from.

One list serves both ends: Wagtail's oEmbed finder asks only these providers
(``WAGTAILEMBEDS_FINDERS`` in the settings), so an editor can add only videos whose player
the browser lets in, and the website's Content-Security-Policy allows frames from exactly
these players' origins (``frame-src``). A new platform is one entry here: its oEmbed entry
from Wagtail's list and the origins its player is served from.

Plain data with no Django models, so that the settings can read it.
"""

from typing import NamedTuple

from wagtail.embeds.oembed_providers import vimeo, youtube

__all__ = ["VIDEO_PROVIDERS", "VideoProvider", "oembed_providers", "player_origins"]


class VideoProvider(NamedTuple):
    name: str
    # Wagtail's provider entry: the oEmbed endpoint and the video addresses it answers for.
    oembed: dict
    # Where the player the provider's oEmbed answer embeds is loaded from.
    player_origins: tuple[str, ...]


VIDEO_PROVIDERS = (
    # YouTube's oEmbed answer embeds www.youtube.com; its privacy-enhanced mode, which sets
    # no cookies before the video plays, youtube-nocookie.com.
    VideoProvider("YouTube", youtube, ("https://www.youtube.com", "https://www.youtube-nocookie.com")),
    VideoProvider("Vimeo", vimeo, ("https://player.vimeo.com",)),
)


def oembed_providers() -> list[dict]:
    return [provider.oembed for provider in VIDEO_PROVIDERS]


def player_origins() -> list[str]:
    return [origin for provider in VIDEO_PROVIDERS for origin in provider.player_origins]
