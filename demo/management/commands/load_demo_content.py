from django.core.management.base import BaseCommand

from ...loader import DemoContentLoader


class Command(BaseCommand):
    help = (
        "Build the demo site: start page, sections, news, events, projects, snippets and generated "
        "images. Only what is missing is created, so running it again changes nothing."
    )

    def handle(self, *args, **options):
        created = DemoContentLoader().load()
        if not created:
            self.stdout.write("Demo content is already there; nothing changed.")
            return
        summary = ", ".join(f"{count} {label}" for label, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))
