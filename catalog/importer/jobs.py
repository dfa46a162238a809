"""Imports in the background (django-tasks): the admin stores the upload as an ImportJob and
this task runs it, counting rows as they are written so the admin can show a progress bar."""

import logging

from django.core.exceptions import ValidationError
from django.utils import translation
from django_tasks import task

from .core import CatalogImporter
from .images import ImageSource
from .report import ImportFailed

logger = logging.getLogger(__name__)

# The project's worker queue for slow work (outbox/tasks.py, search/tasks.py use the same).
BACKEND = "background"
QUEUE = "outbox"


def report_result(report):
    """What the result page shows, as JSON."""
    return {
        "created": report.created,
        "updated": report.updated,
        "published": report.published,
        "submitted": report.submitted,
        "images": report.images,
        "done": [list(row) for row in report.done],
        "refused": [list(row) for row in report.refused],
        "errors": [[e.row, e.column, e.message] for e in report.errors],
        "new_names": report.new_names,
    }


def run_job(job, language="id"):
    """Run one ImportJob now (the task's body; also callable directly)."""
    from catalog.models import ImportJob

    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])

    def progress(rows):
        job.set_progress(0, len(rows))
        for done, row in enumerate(rows, start=1):
            yield row
            job.set_progress(done, len(rows))

    with translation.override(language):
        try:
            images = ImageSource(bytes(job.images)) if job.images else None
            importer = CatalogImporter(
                job.user,
                create_missing=job.create_missing,
                publish=job.publish,
                images=images,
                skip_invalid=job.skip_invalid,
            )
            report = importer.commit(bytes(job.data), job.filename, progress=progress)
        except ImportFailed as failed:
            job.status, job.result = ImportJob.Status.FAILED, report_result(failed.report)
        except ValidationError as error:
            job.status = ImportJob.Status.FAILED
            job.result = {"errors": [[1, "", "; ".join(error.messages)]]}
        else:
            job.status, job.result = ImportJob.Status.DONE, report_result(report)
    job.data, job.images = b"", None  # the upload is not kept once imported
    job.save(update_fields=["status", "result", "data", "images"])
    return job.status


@task(backend=BACKEND, queue_name=QUEUE)
def run_import(job_pk, language="id"):
    from catalog.models import ImportJob

    job = ImportJob.objects.filter(pk=job_pk, status=ImportJob.Status.PENDING).first()
    if job is None:
        return None
    try:
        return run_job(job, language)
    except Exception:
        logger.exception("Import job %s failed", job_pk)
        ImportJob.objects.filter(pk=job_pk).update(
            status=ImportJob.Status.FAILED, data=b"", images=None
        )
        raise
