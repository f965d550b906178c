"""The scheduler service: go-live and expiry dates take effect within a minute.

Wagtail's `publish_scheduled` covers pages and every snippet with a draft state, so the
alerts (alerts.Alert) appear and disappear on time through the same pass.

Runs Wagtail's `publish_scheduled` every INTERVAL seconds (default 60), at the start of
each interval, until stopped with SIGTERM or SIGINT. `--once` runs one pass and exits,
for cron-style setups and for the tests.

Once an hour (and on every `--once` pass) it also keeps the logs from growing for ever:
it deletes the worker's finished task results older than TASK_RESULTS_KEEP_DAYS and
settled webhook deliveries older than WEBHOOK_DELIVERIES_KEEP_DAYS.
"""

import signal
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend

from webhooks.models import WebhookDelivery

HOUSEKEEPING_EVERY_SECONDS = 60 * 60


class Command(BaseCommand):
    help = "Veröffentlicht und beendet zeitgesteuerte Seiten und Hinweise, standardmäßig jede Minute."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between passes (default 60)")
        parser.add_argument("--once", action="store_true", help="run one pass and exit")

    def handle(self, *args, interval, once, **options):
        if interval < 1:
            raise ValueError("--interval must be at least 1 second")
        self.stopping = False
        self.last_housekeeping = None
        if not once:
            signal.signal(signal.SIGTERM, self._stop)
            signal.signal(signal.SIGINT, self._stop)
        while True:
            started = time.monotonic()
            self._pass()
            if once or self.stopping:
                return
            # A long-running process must not keep a connection the database has dropped.
            close_old_connections()
            # Sleep in short steps so a stop signal ends the service within a second.
            while not self.stopping and time.monotonic() - started < interval:
                time.sleep(min(1.0, interval - (time.monotonic() - started)))
            if self.stopping:
                return

    def _pass(self):
        call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
        last = self.last_housekeeping
        if last is None or time.monotonic() - last >= HOUSEKEEPING_EVERY_SECONDS:
            self._housekeeping()

    def _housekeeping(self):
        self.last_housekeeping = time.monotonic()
        # Only the database backend keeps task results; the immediate one keeps none.
        if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
            keep_days = str(settings.TASK_RESULTS_KEEP_DAYS)
            call_command(
                "prune_db_task_results", "--min-age-days", keep_days, stdout=self.stdout, stderr=self.stderr
            )
        deleted = WebhookDelivery.objects.prune(settings.WEBHOOK_DELIVERIES_KEEP_DAYS)
        if deleted:
            self.stdout.write(f"Deleted {deleted} settled webhook deliveries.")

    def _stop(self, signum, frame):
        self.stopping = True
