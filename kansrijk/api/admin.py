from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Keys are made here and shown once, in the message after saving; revoked with the action."""

    list_display = ["name", "organisation", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_select_related = ["organisation"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "organisation__name", "prefix"]
    autocomplete_fields = ["organisation"]
    actions = ["revoke"]
    readonly_fields = ["prefix", "created_by", "created_at", "last_used_at", "revoked_at"]

    def get_fields(self, request, obj=None):
        return ["organisation", "name"] if obj is None else ["organisation", "name", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        # A key belongs to its organisation for good: moving it would hand over its referrals.
        return [] if obj is None else ["organisation", *self.readonly_fields]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        if change:
            obj.save(update_fields=["name"])
            return
        token, key = services.api_token_create(
            organisation=form.cleaned_data["organisation"], name=form.cleaned_data["name"], by=request.user
        )
        obj.pk = token.pk
        obj.refresh_from_db()
        messages.warning(
            request,
            _("New API key: %(key)s. Copy it now: it is stored as a hash only and is never shown again.")
            % {"key": key},
        )

    @admin.action(description=_("Revoke the selected API keys"))
    def revoke(self, request, queryset):
        for token in queryset:
            services.api_token_revoke(token=token, by=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)d API key has been revoked.", "%(count)d API keys have been revoked.", count)
            % {"count": count},
        )
