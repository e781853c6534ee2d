"""Stale writes refused: a form that changes a record carries the version it was read at.

A model that forms change is `Versioned`: its `version` goes up by one with every change, and
`changed_by` says who made the last one. The form carries the version it showed (the hidden
field `version`, a `VersionField`). The service, holding the row lock it takes anyway
(select_for_update), compares before it changes anything (`version_check`): when somebody changed
the record in the meantime it raises `StaleVersion`, a DomainError whose message says who
changed it and what it is now, and nothing is written. Every change, with a form or without,
moves the version on (`version_next`), in the same save.

A POST without a version (a page rendered before versions existed, a caller without a form) is
applied without the check, as a POST without a one-time token is (core/once.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .errors import DomainError

# The name of the hidden field, after the form's prefix.
FIELD = "version"


class Versioned(models.Model):
    """A record that forms change: its version and who made the last change."""

    # Both defaults: `default` for objects made in Python, `db_default` for rows inserted past
    # the ORM (the import, the benchmark data set), which leave the column to the database.
    version = models.PositiveIntegerField(gettext_lazy("version"), default=1, db_default=1, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=gettext_lazy("last changed by"),
    )

    class Meta:
        abstract = True


class StaleVersion(DomainError):
    """The record changed after the form was read; `current` is its version now."""

    def __init__(self, message: str | Promise, *, current: int):
        super().__init__(message, code="stale")
        self.current = current


def version_check(record: Versioned, read: int | None, stale: Callable[[Versioned], str]) -> None:
    """Refuse a change based on version `read` of `record` when it has another version now.

    `record` has just been read under a row lock, so nobody can change it between this check
    and the service's save. `stale(record)` is the message: who changed it, and what it is now.
    """
    if read is not None and read != record.version:
        raise StaleVersion(stale(record), current=record.version)


def version_next(record: Versioned, by: Any) -> list[str]:
    """Move `record` to its next version, changed by `by`; the fields to save with the change."""
    record.version += 1
    record.changed_by = by
    return ["version", "changed_by"]


def changed_by_name(record: Versioned) -> str:
    """Who made the last change, as the message of a refusal names them."""
    user = record.changed_by
    if user is None:
        return _("someone else")
    return user.get_full_name() or user.get_username()


class VersionField(forms.IntegerField):
    """The hidden field with the version the form was read at; optional, see the module."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 1)
        super().__init__(**kwargs)


def version_show_current(form: forms.BaseForm, current: int) -> None:
    """After a refusal: the form, shown again with what was typed, now carries the current
    version, so that sending it again (having seen the new state) is a deliberate choice."""
    if FIELD in form.fields:
        data = QueryDict(mutable=True)
        data.update(form.data)
        data[form.add_prefix(FIELD)] = str(current)
        form.data = data
