import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin"


class Command(BaseCommand):
    help = "Create the development admin account (development settings only) and print its credentials."

    def handle(self, *args, **options):
        # A known password is a convenience for a laptop and a hole anywhere else.
        if not settings.DEBUG or os.environ.get("DJANGO_SETTINGS_MODULE") != "cms.settings.dev":
            raise CommandError("ensure_dev_admin only runs with the development settings (cms.settings.dev).")

        user_model = get_user_model()
        if user_model.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"Development admin exists: log in at /admin/ as “{USERNAME}”.")
            return
        user_model.objects.create_superuser(
            username=USERNAME,
            email="admin@localhost",
            password=PASSWORD,
            first_name="Demo",
            last_name="Administration",
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Development admin created: log in at /admin/ as “{USERNAME}” with password “{PASSWORD}”."
            )
        )
