import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_the_dev_admin_is_never_created_outside_the_development_settings(db, django_user_model):
    with pytest.raises(CommandError, match="only runs with the development settings"):
        call_command("ensure_dev_admin")
    assert not django_user_model.objects.exists()
