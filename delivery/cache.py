"""A Redis cache that fails soft.

Django's own Redis backend raises when Redis is down, and Wagtail reads the cache on
every page URL it builds, so an outage of the cache would take the whole site down.
This backend logs the failure and answers like an empty cache: the site gets slower,
never wrong.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (ConnectionError, TimeoutError)


def _fail_soft(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except REDIS_DOWN:
                logger.warning(
                    "Cache unavailable during %s; carrying on without it.", method.__name__, exc_info=True
                )
                return fallback(*args, **kwargs) if callable(fallback) else fallback

        return wrapper

    return decorate


def _default_of_get(key, default=None, version=None):
    return default


# Functions rather than a literal {} or []: every caller gets a fresh one to change.
def _no_entries(keys, version=None):
    return {}


def _none_failed(data, timeout=None, version=None):
    return []


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis-py client for every cache call, and building one (its table
    of response callbacks) costs about as much as the call itself: a page that reads its kept
    parts, renditions and cache tags paid some 3 ms for it. One client per connection pool is
    kept instead; a redis-py client is safe to share, its pool hands out the connections."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    get = _fail_soft(_default_of_get)(RedisCache.get)
    get_many = _fail_soft(_no_entries)(RedisCache.get_many)
    has_key = _fail_soft(False)(RedisCache.has_key)
    add = _fail_soft(False)(RedisCache.add)
    set = _fail_soft(None)(RedisCache.set)
    set_many = _fail_soft(_none_failed)(RedisCache.set_many)
    touch = _fail_soft(False)(RedisCache.touch)
    delete = _fail_soft(False)(RedisCache.delete)
    delete_many = _fail_soft(None)(RedisCache.delete_many)
    clear = _fail_soft(False)(RedisCache.clear)
