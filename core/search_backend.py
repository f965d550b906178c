"""Wagtail's database search backend, stemming each page in its own language.

PostgreSQL's full-text search stems with one text search configuration; Wagtail's backend
takes it from SEARCH_CONFIG ("german") for every object. Here an object with a locale is
indexed with its language's configuration (LANGUAGE_CONFIGS: "en" -> "english"), and a
search runs with the configuration of the active language, so "cities" on /en/suche/ finds
"city". Other databases (the SQLite development default) keep Wagtail's own backend.
"""

import copy
from collections import defaultdict

from django.db import connection
from django.utils.translation import get_language
from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    if connection.vendor != "postgresql":
        return database_backend(params)
    from modelsearch.backends.database.postgres import postgres

    class LanguageIndex(postgres.PostgresIndex):
        def add_items(self, model, objs):
            groups = defaultdict(list)
            for obj in objs:
                groups[self.backend.config_for(getattr(obj, "locale", None))].append(obj)
            backend = self.backend
            for config, group in groups.items():
                self.backend = copy.copy(backend)
                self.backend.config = config
                try:
                    super().add_items(model, group)
                finally:
                    self.backend = backend

    class LanguageQueryCompiler(postgres.PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.languages.get(get_language(), backend.config)

    class LanguageSearchBackend(postgres.PostgresSearchBackend):
        index_class = LanguageIndex
        query_compiler_class = LanguageQueryCompiler

        def __init__(self, params):
            super().__init__(params)
            self.languages = dict(params.get("LANGUAGE_CONFIGS", {}))

        def config_for(self, locale):
            if locale is None:
                return self.config
            return self.languages.get(locale.language_code, self.config)

    return LanguageSearchBackend(params)
