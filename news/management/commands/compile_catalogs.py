from django.core.management.base import BaseCommand

from news.catalogs import catalog_files, compile_all, problems


class Command(BaseCommand):
    help = "Compile every gettext catalog (.po -> .mo) with Babel; no msgfmt needed."

    def handle(self, *args, **options):
        written = compile_all()
        for path in written:
            self.stdout.write(f"wrote {path}")
        for po_path in catalog_files():
            for problem in problems(po_path):
                self.stderr.write(problem)
        self.stdout.write(f"{len(written)} catalog(s) compiled, {len(catalog_files())} up to date.")
