import time

from django.core.management.base import BaseCommand

from readership.counter import flush
from readership.queries import renew_all


class Command(BaseCommand):
    help = "Write the page views buffered in the cache to the database (run every minute or so)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue the flush for the task worker.")
        parser.add_argument("--loop", type=float, metavar="SECONDS", help="Keep flushing at this interval.")

    def handle(self, *args, enqueue=False, loop=None, **options):
        if enqueue:
            from readership.tasks import flush_views

            result = flush_views.enqueue()
            self.stdout.write(f"Queued flush_views task {result.id}.")
            return
        while True:
            written = flush()
            renew_all()  # as the flush_views task does: a changed most-read list reaches cached pages
            if options["verbosity"] > 0:
                self.stdout.write(f"Flushed {written} views.")
            if not loop:
                return
            time.sleep(loop)
