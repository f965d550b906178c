"""The project's admin wiring: the shared directories of the core and the page apps
(core.directory) under one menu item, "Verzeichnisse", and the list of failed sign-ins."""

from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core import directory

from .signin.lockouts import AdministratorsMayViewAndLift, SignInAttemptViewSet


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Verzeichnisse"
    menu_icon = "folder-inverse"
    menu_order = 300
    items = directory.viewsets()


register_snippet(DirectoryGroup)


# Failed sign-ins and lockouts (cms.signin), for administrators only.
register_permission_policy(AccessAttempt, AdministratorsMayViewAndLift(AccessAttempt))


@hooks.register("register_admin_viewset")
def register_signin_attempts():
    return SignInAttemptViewSet("signin_attempts")
