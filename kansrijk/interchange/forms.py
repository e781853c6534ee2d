from __future__ import annotations

from pathlib import Path

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .constants import MAX_UPLOAD_BYTES
from .parser import SUPPORTED_EXTENSIONS, FileError
from .uploads import has_rows


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Interchange file"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = ""
        self.fields["file"].help_text = _(
            "A .csv or .xlsx file in the interchange format, at most %(size)s."
        ) % {"size": filesizeformat(MAX_UPLOAD_BYTES)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        kind = Path(upload.name or "").suffix.lower()
        if kind not in SUPPORTED_EXTENSIONS:
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."), code="extension")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s.") % {"size": filesizeformat(MAX_UPLOAD_BYTES)},
                code="size",
            )
        content = upload.read()
        self.kind = kind.lstrip(".")
        try:
            rows = has_rows(kind=self.kind, content=content)
        except FileError as exc:
            raise forms.ValidationError(str(exc), code="unreadable") from None
        if not rows:
            raise forms.ValidationError(_("The file has no rows below the header."), code="no_rows")
        return content
