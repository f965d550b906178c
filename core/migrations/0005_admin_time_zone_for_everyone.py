"""The admin no longer offers a time zone of one's own (WAGTAIL_USER_TIME_ZONES holds only
Berlin's), so an editor who chose another one earlier gets the site's again rather than
keeping a zone they can no longer see or change."""

from django.conf import settings
from django.db import migrations


def use_the_sites_time_zone(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    UserProfile.objects.exclude(current_time_zone__in=["", settings.TIME_ZONE]).update(current_time_zone="")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_german_root_names"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(use_the_sites_time_zone, migrations.RunPython.noop)]
