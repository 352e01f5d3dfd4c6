from __future__ import annotations

from django.core.management.base import BaseCommand

from factcheck import jobs


class Command(BaseCommand):
    help = (
        "Hand the jobs whose worker died to the queue again (done items are kept). Run it when "
        "starting workers; the job page also does it when a job has gone silent."
    )

    def handle(self, *args, **options) -> None:
        for job in jobs.resume_stale():
            self.stdout.write(f"Resumed job {job.pk}: {job.title} (attempt {job.attempts})")
