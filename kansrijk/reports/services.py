"""Writes for the reports: publishing a factsheet."""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.dates import SchoolYear
from kansrijk.core.errors import DomainError

from .factsheet import factsheet_document
from .models import PublishedEdition
from .render import PUBLISHED_LANGUAGE, factsheet_pdf
from .scope import Scope
from .selectors import relationship_manager_for


def edition_publish(*, period: SchoolYear, scope: Scope, by) -> PublishedEdition:
    """Freeze today's factsheet of `period` and `scope`: its exact figures and its PDF.

    Whether `by` may publish this scope is the caller's access check (access.can_publish).
    The edition keeps the figures as JSON and the PDF as bytes; nothing later recomputes them.
    """
    now = timezone.now()
    if timezone.localdate(now) <= period.last_day:
        # An edition is the year's account to the funders: a running year's figures still move.
        raise DomainError(
            _("A school year can be published once it has ended: %(period)s ends on %(date)s.")
            % {"period": str(period), "date": period.last_day.strftime("%d-%m-%Y")},
            code="year_not_ended",
        )
    publisher = by.get_full_name() or by.get_username()
    with override(PUBLISHED_LANGUAGE):
        document = factsheet_document(period=period, scope=scope, language=PUBLISHED_LANGUAGE)
        stamp = _("Published on %(date)s by %(name)s") % {
            "date": timezone.localtime(now).strftime("%d-%m-%Y"),
            "name": publisher,
        }
        pdf = factsheet_pdf(
            document=document, scope=scope, contact=relationship_manager_for(scope=scope), stamp=stamp
        )
    with transaction.atomic():
        edition = PublishedEdition.objects.create(
            period=str(period),
            scope_kind=scope.kind,
            region_id=scope.pk if scope.kind == "region" else None,
            municipality_id=scope.pk if scope.kind == "municipality" else None,
            school_id=scope.pk if scope.kind == "school" else None,
            scope_label=scope.label or scope.name,
            figures=document,
            pdf=pdf,
            pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            published_at=now,
            published_by=by,
            published_by_name=publisher,
        )
        audit_record(
            actor=by,
            event=Event.FACTSHEET_PUBLISHED,
            subject=edition,
            new={"period": str(period), "scope": scope.as_json(), "pdf_sha256": edition.pdf_sha256},
        )
    return edition
