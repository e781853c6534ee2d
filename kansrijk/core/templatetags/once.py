"""`{% submission_token %}`: the one-time token of a form that writes (core/once.py)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from kansrijk.core.once import FORM_FIELD, new_form_token

register = template.Library()


@register.simple_tag
def submission_token() -> SafeString:
    """A hidden field with a new token: every rendering of a form is a submission of its own."""
    return format_html('<input type="hidden" name="{}" value="{}">', FORM_FIELD, new_form_token())
