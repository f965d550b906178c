"""A cache whose entries live exactly as long as nothing they show has changed.

An entry is stored with the tags of what it shows (cachetags) and the *start*: the value of
a counter read before its answer was computed. Invalidating tags moves the counter on and
marks each tag with the new value. An entry is valid while every one of its tags is marked
no later than its start: a change committed before the start is in the entry, a change
marked after it may not be. So a render that overlaps an invalidation is never served
afterwards, however late it is stored.

A tag whose mark is missing (never marked, or evicted by Redis) makes its entries invalid,
never valid: writing an entry marks its unmarked tags with the counter *then*, which is past
its start if anything was invalidated in between. The counter starts from the clock in
microseconds, so one that was lost starts again above every mark still kept.

Invalidation runs after the change is committed (delivery.frontend_cache), so a render
started after it reads the new content. With the cache down, `start()` answers None and
nothing is read or stored (delivery.cache fails soft): slower, never stale.

Built on Django's cache API, so it works on Redis (production) and in memory (`make run`).
Used by the API response cache (delivery.middleware) and reusable for fragments.
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches

from cachetags import ALL, record

from .cache import REDIS_DOWN

logger = logging.getLogger(__name__)

COUNTER_KEY = "tagged:counter"
# How often an invalidation writes its marks again when others ran at the same time.
MAX_MARK_ROUNDS = 10


def _mark_key(tag: str) -> str:
    return f"tagged:tag:{tag}"


class TaggedCache:
    def __init__(self, alias: str = "default", timeout: int | None = 3600, prefix: str = "entry"):
        self.alias = alias
        self.timeout = timeout
        self.prefix = prefix

    @property
    def _cache(self):
        return caches[self.alias]

    def _key(self, key: str) -> str:
        return f"tagged:{self.prefix}:{key}"

    def start(self) -> int | None:
        """The counter before computing an answer; None when the cache cannot be used."""
        counter = self._cache.get(COUNTER_KEY)
        if counter is None:
            self._cache.add(COUNTER_KEY, time.time_ns() // 1000, timeout=None)
            counter = self._cache.get(COUNTER_KEY)
        return counter

    def get(self, key: str, start: int | None):
        """The value stored under `key` while still valid, else None. A valid entry's tags
        are recorded (cachetags.record), as if its answer had just been computed."""
        if start is None:
            return None
        entry = self._cache.get(self._key(key))
        if entry is None:
            return None
        value, tags, entry_start = entry
        marks = self._cache.get_many([_mark_key(tag) for tag in tags])
        if len(marks) < len(tags) or any(mark > entry_start for mark in marks.values()):
            return None
        record(*tags)
        return value

    def set(self, key: str, value, tags, start: int | None) -> None:
        """Stores `value`, computed after `start()` answered `start`, for what `tags` name."""
        if start is None:
            return
        # Every entry also goes with `all`: a site or a view restriction changed.
        tags = sorted({ALL, *tags})
        marks = self._cache.get_many([_mark_key(tag) for tag in tags])
        unmarked = [tag for tag in tags if _mark_key(tag) not in marks]
        if unmarked:
            now = self._cache.get(COUNTER_KEY)
            if now is None:
                return
            for tag in unmarked:
                self._cache.add(_mark_key(tag), now, timeout=None)
        self._cache.set(self._key(key), (value, tags, start), self.timeout)

    def invalidate(self, tags) -> None:
        """Marks the tags changed: every entry that names one of them and started before now
        is invalid. Run once the change is committed."""
        tags = sorted(set(tags))
        if not tags:
            return
        try:
            counter = self._advance()
            # Marks only go forward: an invalidation running alongside may have written a
            # later value, so write again until the counter stands still.
            for _ in range(MAX_MARK_ROUNDS):
                self._cache.set_many({_mark_key(tag): counter for tag in tags}, timeout=None)
                now = self._cache.get(COUNTER_KEY)
                if now is None or now == counter:
                    return
                counter = now
        except REDIS_DOWN:
            # Nothing can be read while it is down; entries it kept from before the change
            # may be served again when it returns, until they expire (`timeout`).
            logger.exception("Could not invalidate %s in the tagged cache", " ".join(tags))

    def _advance(self) -> int:
        try:
            return self._cache.incr(COUNTER_KEY)
        except ValueError:  # no counter yet, or lost
            self._cache.add(COUNTER_KEY, time.time_ns() // 1000, timeout=None)
            return self._cache.incr(COUNTER_KEY)


def response_cache() -> TaggedCache:
    """The API's response cache (delivery.middleware), which delivery.frontend_cache
    invalidates; in the configured cache, read per call (tests change it)."""
    return TaggedCache(settings.API_RESPONSE_CACHE_ALIAS, settings.API_RESPONSE_CACHE_TIMEOUT, "api")
