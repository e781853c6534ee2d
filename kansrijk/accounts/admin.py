"""The admin of accounts, for the functional administrator, who cannot turn it against the files.

The functional administrator (staff, not superuser, with the model permissions an operator gave)
manages users and their roles, but:

- changes nothing about their own access: role, region, organisation, municipalities, schools,
  active and staff flags are read-only on their own account;
- grants no superuser flag, groups or raw permissions to anyone (the fields are not on the form),
  and does not change or delete an operator's (superuser's) account;
- sets no password and no second-factor key for anyone: they send an invitation to choose a new
  password and reset the second factor (the user links a new app at the next login);
  the admin's password page and adding or changing a device are refused.

The forms leave the fields out, and `save_model` refuses a change the form should not have let
through, so a crafted POST gets no further. Superusers are the operators' accounts
(docs/security.md) and keep the whole admin. Every change is audited by the admin site
(kansrijk/audit/admin_site.py); the two actions write their own rows as well.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin as OtpStaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin as OtpTOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.core.errors import DomainError

from . import services
from .models import Invitation, User

ROLE_FIELDS = ("role", "region", "organisation", "municipalities", "schools")
# What the functional administrator may never change on their own account.
OWN_LOCKED_FIELDS = frozenset(
    {*ROLE_FIELDS, "is_active", "is_staff", "is_superuser", "groups", "user_permissions"}
)
# What only an operator may set, on anyone.
OPERATOR_FIELDS = frozenset({"is_superuser", "groups", "user_permissions", "password"})


def is_operator(request) -> bool:
    return request.user.is_active and request.user.is_superuser


class UserAddForm(forms.ModelForm):
    """A new account as the functional administrator makes it: no password; the user gets an
    e-mail with a link to choose one."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "region", "organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
        return user


class UserChangeFormForAdministrators(forms.ModelForm):
    """Django's change form without its password field (and the link to set one)."""

    class Meta:
        model = User
        fields = ["username"]  # the fieldsets below decide (ModelAdmin.get_form)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "role", "region", "first_name", "last_name", "organisation", "is_active"]
    list_display_links = ["username"]
    list_select_related = ["region", "organisation"]
    list_filter = ["role", "region", "is_active", "is_staff"]
    autocomplete_fields = ["region", "organisation", "municipalities", "schools"]
    actions = ["send_password_invitation", "reset_second_factor"]
    fieldsets = [
        *(DjangoUserAdmin.fieldsets or ()),  # declared optional on ModelAdmin; UserAdmin sets it
        (_("Role in Kansrijk"), {"fields": ROLE_FIELDS}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Role in Kansrijk"), {"fields": ["role", "region", "organisation"]}),
    ]

    # --- what the form offers -------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        if is_operator(request):
            return super().get_fieldsets(request, obj)
        if obj is None:
            return [
                (None, {"fields": ["username", "first_name", "last_name", "email"]}),
                (_("Role in Kansrijk"), {"fields": ["role", "region", "organisation"]}),
            ]
        return [
            (None, {"fields": ["username"]}),
            (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
            (_("Role in Kansrijk"), {"fields": ROLE_FIELDS}),
            (_("Account status"), {"fields": ["is_active", "is_staff"]}),
            (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if is_operator(request):
            return super().get_readonly_fields(request, obj)
        readonly = ["last_login", "date_joined"]
        if obj is not None and obj.pk == request.user.pk:
            readonly += [*ROLE_FIELDS, "is_active", "is_staff"]
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        if not is_operator(request):
            kwargs["form"] = UserAddForm if obj is None else UserChangeFormForAdministrators
        return super().get_form(request, obj, change=change, **kwargs)

    # --- who may change whom --------------------------------------------------------------

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not is_operator(request):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and not is_operator(request) and (obj.is_superuser or obj.pk == request.user.pk):
            return False
        return super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        # Nobody but an operator sets a password in the admin: the functional administrator
        # sends an invitation to choose one (the action below); one's own is changed on the
        # account page, with the current password.
        if not is_operator(request):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    def save_model(self, request, obj, form, change):
        if not is_operator(request):
            self._refuse_what_the_form_should_not_have_let_through(request, obj, form, change)
        super().save_model(request, obj, form, change)
        if not change and not is_operator(request):
            self._send_password_invitation(request, obj)

    def _refuse_what_the_form_should_not_have_let_through(self, request, obj, form, change) -> None:
        offered = set(form.fields)
        own = change and obj.pk == request.user.pk
        if offered & OPERATOR_FIELDS or (own and offered & OWN_LOCKED_FIELDS):
            raise PermissionDenied
        if not change:
            if obj.is_superuser or obj.has_usable_password():
                raise PermissionDenied
            return
        before = User.objects.get(pk=obj.pk)
        if before.is_superuser or obj.is_superuser or obj.password != before.password:
            raise PermissionDenied
        if own and any(
            getattr(obj, name) != getattr(before, name)
            for name in ("role", "region_id", "organisation_id", "is_active", "is_staff")
        ):
            raise PermissionDenied

    # --- the two actions ------------------------------------------------------------------

    @admin.action(description=_("Send an invitation to choose a new password"), permissions=["change"])
    def send_password_invitation(self, request, queryset):
        for user in queryset:
            self._send_password_invitation(request, user)

    @admin.action(
        description=_("Reset the second factor (the user links a new app at the next login)"),
        permissions=["change"],
    )
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            try:
                services.second_factor_reset(user=user, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{user.get_username()}: {error.message}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("%(user)s links a new authenticator app at the next login.")
                    % {"user": user.get_username()},
                )

    def _send_password_invitation(self, request, user) -> None:
        try:
            services.password_reset_send(user=user, by=request.user)
        except DomainError as error:
            self.message_user(request, f"{user.get_username()}: {error.message}", messages.ERROR)
        else:
            days = services.PASSWORD_RESET_DAYS
            self.message_user(
                request,
                ngettext(
                    "%(user)s gets an e-mail with a link to choose a password, valid for %(days)d day.",
                    "%(user)s gets an e-mail with a link to choose a password, valid for %(days)d days.",
                    days,
                )
                % {"user": user.get_username(), "days": days},
            )


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


# --- second-factor devices and groups: only operators add or change them ---------------------


class _OperatorsOnlyAddOrChange:
    """Seeing and deleting a device (a reset) stays; adding one, or changing its key, user or
    confirmation, would let the functional administrator log in as someone else."""

    def has_add_permission(self, request, *args) -> bool:
        return is_operator(request) and super().has_add_permission(request, *args)  # type: ignore[misc]

    def has_change_permission(self, request, obj=None) -> bool:
        return is_operator(request) and super().has_change_permission(request, obj)  # type: ignore[misc]


class TOTPDeviceAdmin(_OperatorsOnlyAddOrChange, OtpTOTPDeviceAdmin):
    pass


class StaticDeviceAdmin(_OperatorsOnlyAddOrChange, OtpStaticDeviceAdmin):
    # The codes are hashed `RecoveryCode` rows, made only on the user's own pages. django-otp's
    # inline of plain `StaticToken`s would offer to type codes that nothing checks any more.
    inlines = ()


class GroupAdmin(DjangoGroupAdmin):
    """Groups are sets of permissions: an operator's business only."""

    def has_module_permission(self, request) -> bool:
        return is_operator(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_operator(request)

    def has_add_permission(self, request) -> bool:
        return is_operator(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return is_operator(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return is_operator(request)


for _model, _model_admin in (
    (TOTPDevice, TOTPDeviceAdmin),
    (StaticDevice, StaticDeviceAdmin),
    (Group, GroupAdmin),
):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _model_admin)
