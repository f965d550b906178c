"""The tagged cache (delivery.tagged_cache) that the API response cache keeps its entries in:
an entry lives until one of its tags is invalidated, and a render that overlaps an
invalidation is never served afterwards. On a real Redis and in memory."""

import logging

import pytest
from django.core.cache import caches

import cachetags
from delivery.tagged_cache import COUNTER_KEY, TaggedCache

REDIS_TEST_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture(params=["redis", "memory"])
def cache(request, settings):
    if request.param == "redis":
        backend = {"BACKEND": "delivery.cache.FailSoftRedisCache", "LOCATION": REDIS_TEST_URL}
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tagged-test"}
    settings.CACHES = {**settings.CACHES, "tagged": backend}
    caches["tagged"].clear()
    yield TaggedCache("tagged", timeout=60, prefix="test")
    caches["tagged"].clear()


def stored(cache, key, value, tags) -> None:
    """An entry computed now, as the response cache computes one."""
    cache.set(key, value, tags, cache.start())


def test_an_entry_survives_changes_to_what_it_does_not_show(cache):
    stored(cache, "article", "Radweg", ["p1", "i2"])

    cache.invalidate(["p3", "c4", "pages"])

    assert cache.get("article", cache.start()) == "Radweg"


def test_an_entry_dies_with_anything_it_shows(cache):
    stored(cache, "article", "Radweg", ["p1", "i2"])
    stored(cache, "event", "Lesung", ["p5"])

    cache.invalidate(["i2"])

    assert cache.get("article", cache.start()) is None
    assert cache.get("event", cache.start()) == "Lesung"


def test_every_entry_dies_with_all(cache):
    stored(cache, "article", "Radweg", ["p1"])

    cache.invalidate([cachetags.ALL])

    assert cache.get("article", cache.start()) is None


def test_a_render_that_overlaps_an_invalidation_is_never_served(cache):
    start = cache.start()  # the render starts and reads the old title ...
    cache.invalidate(["p1"])  # ... the new one is committed and invalidated ...
    cache.set("article", "Alter Titel", ["p1"], start)  # ... and the old render is stored last.

    assert cache.get("article", cache.start()) is None
    stored(cache, "article", "Neuer Titel", ["p1"])
    assert cache.get("article", cache.start()) == "Neuer Titel"


def test_an_evicted_tag_makes_its_entries_invalid_never_valid(cache):
    stored(cache, "article", "Radweg", ["p1"])

    caches["tagged"].delete("tagged:tag:p1")

    assert cache.get("article", cache.start()) is None


def test_a_lost_counter_starts_again_above_every_entry(cache):
    stored(cache, "article", "Radweg", ["p1"])
    caches["tagged"].delete(COUNTER_KEY)

    cache.invalidate(["p1"])

    assert cache.get("article", cache.start()) is None


def test_a_valid_entry_records_its_tags_as_a_computed_answer_would(cache):
    stored(cache, "article", "Radweg", ["p1", "i2"])

    with cachetags.collect() as collected:
        cache.get("article", cache.start())

    assert collected == {"all", "p1", "i2"}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        **settings.CACHES,
        "tagged": {
            "BACKEND": "delivery.cache.FailSoftRedisCache",
            # Nothing listens on port 1: every call fails.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
    }
    return TaggedCache("tagged", timeout=60)


def test_without_redis_nothing_is_cached_and_invalidating_is_logged(redis_down, caplog):
    start = redis_down.start()
    redis_down.set("article", "Radweg", ["p1"], start)

    assert start is None
    assert redis_down.get("article", start) is None
    with caplog.at_level(logging.ERROR, logger="delivery.tagged_cache"):
        redis_down.invalidate(["p1"])
    assert "Could not invalidate p1" in caplog.text
