from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import WebhookDelivery
from .views import DeliveryLogPermissionPolicy, WebhookDeliveryViewSet, WebhookEndpointViewSet

# Registered before the view set, which would otherwise install the default policy.
register_permission_policy(WebhookDelivery, DeliveryLogPermissionPolicy(WebhookDelivery))


@hooks.register("register_admin_viewset")
def register_webhook_endpoints():
    return WebhookEndpointViewSet()


@hooks.register("register_admin_viewset")
def register_webhook_delivery_log():
    return WebhookDeliveryViewSet()
