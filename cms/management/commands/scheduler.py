"""The scheduler service: go-live and expiry dates take effect within a minute.

Runs Wagtail's `publish_scheduled` every INTERVAL seconds (default 60), at the start of
each interval, until stopped with SIGTERM or SIGINT. `--once` runs one pass and exits,
for cron-style setups and for the tests.
"""

import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = "Veröffentlicht und beendet zeitgesteuerte Seiten, standardmäßig jede Minute."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between passes (default 60)")
        parser.add_argument("--once", action="store_true", help="run one pass and exit")

    def handle(self, *args, interval, once, **options):
        if interval < 1:
            raise ValueError("--interval must be at least 1 second")
        self.stopping = False
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

    def _stop(self, signum, frame):
        self.stopping = True
