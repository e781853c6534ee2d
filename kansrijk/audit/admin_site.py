"""The Django admin as Kansrijk runs it: branded, in Dutch, and every change in it audited.

Django's admin records its changes in its own table (`django_admin_log`), which the privacy
officer does not see and which anyone with database access can edit. `KansrijkAdminSite` gives
every ModelAdmin registered with it, ours and the libraries' (django-otp, axes, auth), the
`AuditedAdminMixin`, so that each add, change and delete also writes a Kansrijk audit row in the
same transaction. One place: a new registration cannot forget it.

The rows name the object and the fields changed; the values only of the fields in
`VALUE_FIELDS` (codes, ids and flags). Never a password, a hash or a key.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .events import Event
from .services import audit_record, audit_values

# Fields whose old and new values go into the row: who may do what (role, region, flags).
# Everything else is named only.
VALUE_FIELDS = ("role", "region", "organisation", "is_active", "is_staff", "is_superuser")

_CHANGES = "_kansrijk_admin_changes"


class AuditedAdminMixin:
    """Writes an audit row for every add, change and delete the admin makes."""

    def construct_change_message(self, request, form, formsets, add=False):
        # Django builds the admin log's message from the form just before it logs; this is where
        # the changed fields and their old values are still known.
        changed = [name for name in form.changed_data if name in form.fields]
        old = {name: _plain(form.initial.get(name)) for name in changed if name in VALUE_FIELDS}
        new = {name: _plain(form.cleaned_data.get(name)) for name in changed if name in VALUE_FIELDS}
        inlines = sorted(
            {
                formset.model._meta.model_name
                for formset in formsets or ()
                if formset.has_changed() or formset.deleted_forms
            }
        )
        setattr(request, _CHANGES, {"fields": changed, "inlines": inlines, "old": old, "new": new})
        return super().construct_change_message(request, form, formsets, add)  # type: ignore[misc]

    def log_addition(self, request, obj, message):
        changes = _take_changes(request)
        audit_record(
            actor=request.user,
            event=Event.ADMIN_OBJECT_ADDED,
            subject=obj,
            new=audit_values(fields=changes["fields"], **changes["new"]),
        )
        return super().log_addition(request, obj, message)  # type: ignore[misc]

    def log_change(self, request, obj, message):
        changes = _take_changes(request)
        new: dict[str, Any] = {"fields": changes["fields"], **changes["new"]}
        if changes["inlines"]:
            new["inlines"] = changes["inlines"]
        audit_record(
            actor=request.user,
            event=Event.ADMIN_OBJECT_CHANGED,
            subject=obj,
            old=audit_values(**changes["old"]) or None,
            new=audit_values(**new),
        )
        return super().log_change(request, obj, message)  # type: ignore[misc]

    def log_deletions(self, request, queryset):
        # Called before the deletion (one object from the delete page, several from the action).
        for obj in queryset:
            audit_record(
                actor=request.user,
                event=Event.ADMIN_OBJECT_DELETED,
                subject=obj,
                old=audit_values(**_values_of(obj)) or None,
            )
        return super().log_deletions(request, queryset)  # type: ignore[misc]


def _take_changes(request) -> dict[str, Any]:
    changes = getattr(request, _CHANGES, None) or {"fields": [], "inlines": [], "old": {}, "new": {}}
    if hasattr(request, _CHANGES):
        delattr(request, _CHANGES)
    return changes


def _values_of(obj: models.Model) -> dict[str, Any]:
    return {
        field.name: field.value_from_object(obj)
        for field in obj._meta.concrete_fields
        if field.name in VALUE_FIELDS
    }


def _plain(value: Any) -> Any:
    """Ids for objects, as the form's initial values have them."""
    if isinstance(value, models.Model):
        return value.pk
    return value


class KansrijkAdminSite(admin.AdminSite):
    site_header = _("Kansrijk administration")
    site_title = _("Kansrijk administration")
    index_title = _("Accounts and reference lists")

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedAdminMixin):
            admin_class = type(admin_class.__name__, (AuditedAdminMixin, admin_class), {})
        return super().register(model_or_iterable, admin_class, **options)
