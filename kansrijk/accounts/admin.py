from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Invitation, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "region", "organisation", "is_active"]
    list_select_related = ["region", "organisation"]
    list_filter = ["role", "region", "is_active"]
    autocomplete_fields = ["region", "organisation", "municipalities", "schools"]
    fieldsets = [
        *(DjangoUserAdmin.fieldsets or ()),  # declared optional on ModelAdmin; UserAdmin sets it
        (_("Role in Kansrijk"), {"fields": ["role", "region", "organisation", "municipalities", "schools"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Role in Kansrijk"), {"fields": ["role", "region", "organisation"]}),
    ]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are sent from the invitation page; here they are only looked up."""

    list_display = ["email", "organisation", "created_at", "expires_at", "accepted_at"]
    list_select_related = ["organisation"]
    search_fields = ["email", "organisation__name"]
    readonly_fields = [
        "email",
        "first_name",
        "last_name",
        "organisation",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "user",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
