"""The project's admin wiring: the shared directories of the core and the page apps
(core.directory) under one menu item, "Verzeichnisse", the list of failed sign-ins and the
pages of two-factor sign-in (cms.signin)."""

from axes.models import AccessAttempt
from django.urls import path, reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core import directory

from .signin import two_factor_views
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


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("zwei-faktor/", two_factor_views.ManageView.as_view(), name="two_factor_manage"),
        path("zwei-faktor/einrichten/", two_factor_views.setup, name="two_factor_setup"),
        path("zwei-faktor/pruefen/", two_factor_views.verify, name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_manage"),
        "label": "Zwei-Faktor-Anmeldung",
        "help_text": "Anmelden mit Passwort und einem Code aus einer App auf Ihrem Telefon.",
    }
