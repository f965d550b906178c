"""The admin's list of failed sign-ins ("Fehlgeschlagene Anmeldungen", under Einstellungen):
for each user name and client address the wrong passwords counted and whether they are locked
out, and until when. An administrator lifts a lockout by removing its entry, e.g. after the
person has called. Only administrators (superusers) see it; nothing here can be added or edited.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import PageViewRestriction
from wagtail.permission_policies import ModelPermissionPolicy

from .lockout import pair_attempts
from .page_passwords import PSEUDO_USERNAME_PREFIX


class AdministratorsMayViewAndLift(ModelPermissionPolicy):
    """Superusers may list attempts and remove them; nobody adds or edits one."""

    ACTIONS = {"view", "delete"}

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in self.ACTIONS

    def users_with_any_permission(self, actions):
        if not self.ACTIONS & set(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


def describe_username(attempt: AccessAttempt) -> str:
    """The user name, or for a page's password form the page it protects."""
    if not attempt.username or not attempt.username.startswith(PSEUDO_USERNAME_PREFIX):
        return attempt.username or ""
    restriction_id = attempt.username.removeprefix(PSEUDO_USERNAME_PREFIX)
    restriction = PageViewRestriction.objects.filter(pk=restriction_id).select_related("page").first()
    page = restriction.page.title if restriction else "gelöschte Freigabe"
    return f"Seitenpasswort von „{page}“"


def lockout_state(attempt: AccessAttempt) -> str:
    failures, ends = pair_attempts(attempt.username, attempt.ip_address)
    if failures < settings.AXES_FAILURE_LIMIT:
        return "nicht gesperrt"
    if ends <= timezone.now():
        return "Sperre abgelaufen"
    return f"gesperrt bis {date_format(ends, 'd.m.Y H:i')} Uhr"


class AttemptColumn(ButtonsColumnMixin, TitleColumn):
    """The user name (or protected page), with the row's action beside it."""

    def __init__(self, view):
        super().__init__(
            "username", label="Anmeldung für", accessor=describe_username, get_url=lambda attempt: None
        )
        self.view = view

    def get_buttons(self, instance, parent_context):
        return self.view.get_list_buttons(instance)


class AttemptIndexView(generic.IndexView):
    page_title = "Fehlgeschlagene Anmeldungen"

    @cached_property
    def columns(self):
        return [AttemptColumn(self), *self.list_display]

    def get_list_more_buttons(self, instance):
        if url := self.get_delete_url(instance):
            return [MenuItem("Fehlversuche zurücksetzen", url=url, icon_name="undo", priority=10)]
        return []


class LiftLockoutView(generic.DeleteView):
    page_title = "Fehlversuche zurücksetzen"
    success_message = "Die Fehlversuche von %(object)s sind zurückgesetzt; eine Sperre ist aufgehoben."

    @property
    def confirmation_message(self):
        return (
            f"Die {self.object.failures_since_start} Fehlversuche von {describe_username(self.object)} "
            f"(Adresse {self.object.ip_address}) zurücksetzen? Eine Sperre endet damit sofort."
        )

    def get_page_subtitle(self):
        return describe_username(self.object)


class SignInAttemptViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "warning"
    menu_label = "Fehlgeschlagene Anmeldungen"
    add_to_settings_menu = True
    url_prefix = "signin-attempts"
    url_namespace = "signin_attempts"
    index_view_class = AttemptIndexView
    delete_view_class = LiftLockoutView
    copy_view_enabled = False
    inspect_view_enabled = False
    # The views that make and change entries are never reachable (AdministratorsMayViewAndLift);
    # ModelViewSet wants a form all the same.
    form_fields = ["username"]
    # After the title column (AttemptIndexView.columns).
    list_display = [
        Column("ip_address", label="Adresse des Geräts"),
        Column("failures_since_start", label="Fehlversuche"),
        DateColumn("attempt_time", label="Letzter Fehlversuch"),
        Column("state", label="Status", accessor=lockout_state),
    ]
    search_fields = ["username"]
    ordering = ["-attempt_time"]
