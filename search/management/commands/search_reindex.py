"""Rebuild the Elasticsearch products index without downtime.

    manage.py search_reindex [--batch-size 500] [--keep-old]

Builds a new concrete index `<SEARCH_INDEX_NAME>-<UTC timestamp>`, indexes every live, public
product into it, then points the alias at it in one atomic step and deletes the old index.
Searches keep being answered by the old index until the swap. See search/indexing.py.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.engines.base import EngineUnavailable
from search.indexing import DEFAULT_BATCH_SIZE, rebuild_index


class Command(BaseCommand):
    help = "Build a new Elasticsearch products index and swap the alias to it atomically."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Products per database batch and bulk request (default {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--keep-old",
            action="store_true",
            help="Keep the indices the alias pointed to before (for a quick rollback).",
        )

    def handle(self, *args, batch_size, keep_old, verbosity, **options):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError(
                "ELASTICSEARCH_URL is not set: the database engine needs no reindex "
                "(run `manage.py update_index` for Wagtail's own search index)."
            )
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")

        def progress(iterable, total):
            return tqdm(
                iterable,
                total=total,
                unit=" produk",
                desc="Indexing",
                file=self.stderr._out,
                disable=verbosity < 1,
            )

        try:
            result = rebuild_index(batch_size=batch_size, keep_old=keep_old, progress=progress)
        except EngineUnavailable as error:
            raise CommandError(
                f"Elasticsearch at {settings.ELASTICSEARCH_URL} is unreachable or refused the "
                f"reindex: {' '.join(str(error).split())}"
            ) from error
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indexed {result['count']} products into {result['index']}; "
                    f"alias {result['alias']} now points to it."
                )
            )
            if result["old_indices"]:
                kept = sorted(set(result["old_indices"]) - set(result["deleted"]))
                if result["deleted"]:
                    self.stdout.write(f"Deleted old indices: {', '.join(result['deleted'])}")
                if kept:
                    self.stdout.write(f"Kept old indices: {', '.join(kept)}")
