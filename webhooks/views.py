"""Admin views under "Einstellungen": the endpoints, and the read-only delivery log."""

import datetime
import json

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .forms import WebhookEndpointForm
from .models import Event, WebhookDelivery, WebhookEndpoint, page_type_choices


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = "webhooks"
    menu_label = "Webhooks"
    icon = "link-external"
    add_to_settings_menu = True
    # A copy would share the original's secret with a second receiver.
    copy_view_enabled = False
    list_display = [
        "name",
        "url",
        Column("active", label="Aktiv", accessor=lambda endpoint: "ja" if endpoint.active else "nein"),
        Column("events", label="Ereignisse", accessor=lambda endpoint: events_label(endpoint.events)),
        Column(
            "page_types", label="Seitentypen", accessor=lambda endpoint: page_types_label(endpoint.page_types)
        ),
    ]

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm


def events_label(events: list[str]) -> str:
    return ", ".join(Event(event).label for event in events)


def page_types_label(page_types: list[str]) -> str:
    if not page_types:
        return "alle"
    names = dict(page_type_choices())
    return ", ".join(names.get(page_type, page_type) for page_type in page_types)


class DeliveryLogPermissionPolicy(ModelPermissionPolicy):
    """Only the delivery task writes the log; people may at most look at it, so nobody,
    not even a superuser, adds, edits or deletes entries by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


class WebhookDeliveryInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None:
            return "–"
        # Wagtail's inspect template formats datetimes without moving them to local time.
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value)
        return value

    def get_body_display_value(self):
        # Indented, so an editor can read what the receiver got.
        pretty = json.dumps(json.loads(self.object.body), ensure_ascii=False, indent=2)
        return format_html("<pre>{}</pre>", pretty)


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    name = "webhook-deliveries"
    menu_label = "Webhook-Protokoll"
    icon = "history"
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_class = WebhookDeliveryInspectView
    copy_view_enabled = False
    list_display = [
        "__str__",
        "endpoint",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["endpoint", "status", "event"]
    inspect_view_fields = [
        "endpoint",
        "event",
        "status",
        "page_id",
        "page_title",
        "page_type",
        "attempts",
        "last_status_code",
        "last_error",
        "next_attempt_at",
        "created_at",
        "delivered_at",
        "id",
        "body",
    ]

    # Wagtail builds the add and edit views for every model view set; here they refuse
    # everyone (DeliveryLogPermissionPolicy), so their form has no fields.
    form_fields = []

    def get_index_view_kwargs(self, **kwargs):
        # Every row names its endpoint: one join instead of one query per row.
        queryset = WebhookDelivery.objects.select_related("endpoint")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)

    def get_permissions_to_register(self):
        # Only "view" can be granted to a group; the policy refuses the others anyway.
        return super().get_permissions_to_register().filter(codename="view_webhookdelivery")
