from django.contrib import admin

from .models import PrivacyStatement
from .services import privacy_statement_publish


@admin.register(PrivacyStatement)
class PrivacyStatementAdmin(admin.ModelAdmin):
    """Versions are only added: a published text is never changed or deleted."""

    list_display = ("audience", "version", "title", "in_force_from", "created_at", "created_by")
    list_filter = ("audience",)
    fields = ("audience", "title", "body", "in_force_from")

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None else ()

    def has_change_permission(self, request, obj=None):
        # Viewing an existing version is allowed; saving it is not (readonly fields, no save).
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        statement = privacy_statement_publish(
            audience=obj.audience,
            title=obj.title,
            body=obj.body,
            in_force_from=obj.in_force_from,
            by=request.user,
        )
        obj.pk, obj.version = statement.pk, statement.version
