"""The project's admin wiring: the shared directories of the core and the page apps
(core.directory) under one menu item, "Verzeichnisse"."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core import directory


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Verzeichnisse"
    menu_icon = "folder-inverse"
    menu_order = 300
    items = directory.viewsets()


register_snippet(DirectoryGroup)
