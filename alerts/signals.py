"""What an alert was before a save, for those who announce its change (delivery, webhooks)."""

from django.db.models.signals import pre_save

from .models import Alert


def _note_live_state(sender, instance, **kwargs):
    # The database row holds the live alert until a publish saves over it. `live_before` is
    # the scope it had while live ({"page_id": ...}, page_id None for the whole site), or
    # None when it was not live: so a publish can tell "published" from "updated", and a
    # moved scope can be purged where the alert was shown before.
    live = Alert.objects.filter(pk=instance.pk, live=True) if instance.pk else Alert.objects.none()
    instance.live_before = live.values("page_id").first()


def connect() -> None:
    pre_save.connect(_note_live_state, sender=Alert, dispatch_uid="alerts_note_live_state")
