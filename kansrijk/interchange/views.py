"""The web import (docs/interchange.md §3): upload, watch the check, confirm, watch the import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from kansrijk.core.errors import DomainError
from kansrijk.core.steps import take_step

from . import services
from .access import get_import_job_for_user, import_jobs_visible_to, require_importer
from .forms import UploadForm

JOB_ROWS = 50


@login_required
def jobs(request):
    """The upload form and the latest imports."""
    require_importer(request.user)

    def page(form):
        recent = import_jobs_visible_to(request.user)[:JOB_ROWS]
        return render(request, "interchange/jobs.html", {"form": form, "jobs": recent})

    if request.method != "POST":
        return page(UploadForm())
    return take_step(
        request,
        UploadForm(request.POST, request.FILES),
        lambda form: services.import_job_upload(
            by=request.user, kind=form.kind, content=form.cleaned_data["file"]
        ),
        done=lambda job: redirect("interchange:job", job.uuid),
        failed=page,
    )


@login_required
@require_GET
def job(request, uuid):
    job = get_import_job_for_user(request.user, uuid)
    return render(request, "interchange/job.html", {"job": job})


@login_required
@require_GET
def job_progress(request, uuid):
    """The job's status block, which the page asks for every second while the job runs."""
    job = get_import_job_for_user(request.user, uuid)
    return render(request, "interchange/_job_status.html", {"job": job})


@login_required
@require_POST
def job_confirm(request, uuid):
    job = get_import_job_for_user(request.user, uuid)
    try:
        services.import_job_confirm(job=job, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("interchange:job", job.uuid)
