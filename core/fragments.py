"""Parts of pages and API answers worked out once per content change, not on every request.

A visitor's article page needs its body with links and images resolved, the related events
and projects, the navigation, breadcrumbs, alerts and the meta tags of its head; an app's
API answer needs the page's fields serialised. All of that changes only when content does,
or when time passes a boundary (an event date ends, a page expires). `cached()` keeps such a
part in the shared cache under a key made of:

- the *generation*: a string that changes with every content change and at the next time
  boundary of the whole site (delivery.middleware.FragmentScopeMiddleware builds it from
  delivery.content_version and the next page expiry), so an edit anywhere makes every
  older part unreachable at once: a part is never shown later than an edit;
- the code's fingerprint: a deployment with other templates or code never serves parts
  rendered by the one before;
- the active language and the request's host;
- what the caller names: the part and what it shows (a page's id and revision, a section).

A kept part also keeps the cache tags of what it shows (cachetags), so an answer made of kept
parts still names all of it for Varnish and the response cache.

A part that shows something time-bound (an event's next date) says until when it holds with
`valid_until()`; it is not served after that moment.

Caching happens only inside `request_scope()`, which the middleware opens for anonymous
reads of the website and the API (not for previews, the admin or signed-in users, whose
pages may differ). Everywhere else `cached()` simply computes, so the admin, previews, tests
and commands always see the present state. A cache that is down costs only speed
(delivery.cache).
"""

import hashlib
import math
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone, translation

import cachetags

__all__ = ["all_kept", "cached", "generation", "remembered", "request_scope", "valid_until"]

# Upper bound of how long a part stays in the cache; it only bounds memory use, since the
# generation in the key already retires parts when content changes.
MAX_TIMEOUT = 24 * 60 * 60


@dataclass
class _Scope:
    read_generation: Callable[[], str]
    host: str
    generation: str | None = None
    # Entries already fetched by `all_kept`, by key.
    fetched: dict = field(default_factory=dict)
    # Keys `all_kept` found missing: not asked for again.
    missing: set = field(default_factory=set)
    # Parts worked out during the request, written in one round trip when it ends.
    worked_out: dict = field(default_factory=dict)

    def current_generation(self) -> str:
        if self.generation is None:
            self.generation = self.read_generation()
        return self.generation

    def key(self, name: str, parts) -> str:
        varying = repr((name, translation.get_language(), *parts))
        prefix = f"{_code_fingerprint()}:{self.current_generation()}:{self.host}"
        return f"fragment:{prefix}:{hashlib.sha256(varying.encode()).hexdigest()}"


@dataclass
class _Computation:
    """A part being worked out: the earliest moment (epoch seconds) at which it stops holding."""

    until: float = math.inf


_SCOPE: ContextVar[_Scope | None] = ContextVar("fragment_scope", default=None)
# The parts being computed, outermost first: a boundary reported inside an inner part also
# bounds every part around it.
_COMPUTING: ContextVar[tuple[_Computation, ...]] = ContextVar("fragments_computing", default=())


@contextmanager
def request_scope(generation: Callable[[], str], host: str):
    """Cache parts inside: one anonymous read. `generation` is asked at most once, when the
    first part is looked up."""
    scope = _Scope(generation, host)
    token = _SCOPE.set(scope)
    try:
        yield
    finally:
        _SCOPE.reset(token)
    if scope.worked_out:
        # Each entry says until when it holds; the timeout only bounds memory use.
        caches[settings.FRAGMENT_CACHE_ALIAS].set_many(scope.worked_out, MAX_TIMEOUT)


def generation() -> str | None:
    """The request's generation (see above), read at most once per request; None outside an
    anonymous read. Other values kept per content change (core.content_cache) share it."""
    scope = _SCOPE.get()
    return scope.current_generation() if scope is not None else None


def valid_until(moment: datetime | None) -> None:
    """The part being computed holds only until `moment` (None: no bound)."""
    if moment is not None:
        _bound(moment.timestamp())


def cached(name: str, parts, compute: Callable[[], object]):
    """`compute()`'s value, from the cache when this generation already worked it out.

    `parts` names what the value shows besides the generation (ids, revisions, the section):
    anything that makes two values differ within one generation must be in it. The value
    must pickle (strings, numbers, lists and dicts of them).
    """
    scope = _SCOPE.get()
    if scope is None:
        return compute()
    key = scope.key(name, parts)
    if key in scope.worked_out:
        entry = scope.worked_out[key]
    elif key in scope.fetched:
        entry = scope.fetched.pop(key)
    elif key in scope.missing:
        entry = None
    else:
        entry = caches[settings.FRAGMENT_CACHE_ALIAS].get(key)
    now = timezone.now().timestamp()
    if entry is not None and now < entry[1]:
        return _replayed(entry)
    entry = _worked_out(compute)
    if entry[1] > now:
        scope.worked_out[key] = entry
    return entry[0]


def _replayed(entry):
    value, until, tags = entry
    # The kept value's bound also bounds a part it sits in, and the answer still names
    # everything it shows (its xkey header, cachetags).
    _bound(until)
    cachetags.record(*tags)
    return value


def _worked_out(compute: Callable[[], object]) -> tuple:
    """(value, until when it holds, the cache tags of what it shows)."""
    computation = _Computation()
    token = _COMPUTING.set((*_COMPUTING.get(), computation))
    try:
        with cachetags.collect() as tags:
            value = compute()
    finally:
        _COMPUTING.reset(token)
    # The part's bound also bounds a part it sits in.
    _bound(computation.until)
    return value, computation.until, sorted(tags)


class _Remembered:
    """The values `remembered()` keeps in this process, for one generation."""

    # Enough for every address of a large site; past it (a crawler asking for made-up
    # addresses), the values of the generation start afresh.
    MAX_ENTRIES = 20_000

    def __init__(self):
        # (generation, its values), replaced as one: a thread of the development server that
        # still holds the old pair finishes with it undisturbed and never sees the values of
        # one generation under the name of another.
        self.current = (None, {})

    def for_generation(self, generation: str) -> dict:
        remembered_for, values = self.current
        if remembered_for != generation or len(values) >= self.MAX_ENTRIES:
            values = {}
            self.current = (generation, values)
        return values


_REMEMBERED = _Remembered()


def remembered(name: str, parts, compute: Callable[[], object]):
    """`compute()`'s value, kept in this process's memory for the rest of the generation.

    For what nearly every request asks the database for although it changes only with
    content: the site of a host, where an address leads, a page's view restrictions. No
    round trip and no pickling, so the value may be model instances; every later request of
    the process shares them, so callers only read them. Keyed, bounded and scoped as
    `cached()`; outside an anonymous read it simply computes.
    """
    scope = _SCOPE.get()
    if scope is None:
        return compute()
    values = _REMEMBERED.for_generation(scope.current_generation())
    key = (name, translation.get_language(), scope.host, *parts)
    entry = values.get(key)
    now = timezone.now().timestamp()
    if entry is not None and now < entry[1]:
        return _replayed(entry)
    entry = _worked_out(compute)
    if entry[1] > now:
        values[key] = entry
    return entry[0]


def all_kept(name: str, parts_list) -> bool:
    """Whether every one of these parts is kept and still holds, fetched in one round trip;
    `cached()` then serves them without asking again. A list that gets True need not load what
    only working its items out would need."""
    scope = _SCOPE.get()
    if scope is None or not parts_list:
        return False
    keys = [scope.key(name, parts) for parts in parts_list]
    entries = caches[settings.FRAGMENT_CACHE_ALIAS].get_many(keys)
    now = timezone.now().timestamp()
    scope.fetched.update(entries)
    scope.missing.update(key for key in keys if key not in entries)
    return all(key in entries and now < entries[key][1] for key in keys)


def _bound(until: float) -> None:
    for computation in _COMPUTING.get():
        computation.until = min(computation.until, until)


@cache
def _code_fingerprint() -> str:
    """Changes with every deployment of other code, templates or translations. Read once per
    process."""
    base = Path(settings.BASE_DIR)
    packages = dict.fromkeys(base / app.split(".")[0] for app in settings.INSTALLED_APPS)
    return fingerprint_of([folder for folder in packages if folder.is_dir()] + [base / "locale"])


def fingerprint_of(folders) -> str:
    """The names, sizes and modification times of the Python, template and catalog files in
    the folders, in one short hash."""
    entries = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.suffix in (".py", ".html", ".mo"):
                stat = path.stat()
                entries.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(entries)).encode()).hexdigest()[:12]
