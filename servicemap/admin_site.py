"""The admin site: Django's, with two-factor sign-in when a deployment switches it on.

django-otp's admin site asks for a one-time code at sign-in and lets in only people who gave one.
Whether it does is read from settings on each request (ADMIN_TWO_FACTOR), so one site class serves
both kinds of deployment and the tests can try both.
"""

from csp.decorators import csp_update
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from servicemap.content_security import admin_policy_additions


class ServiceFinderAdminSite(OTPAdminSite):
    site_header = "Service finder administration"
    site_title = "Service finder admin"

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    @property
    def login_form(self) -> type[AdminAuthenticationForm]:
        if settings.ADMIN_TWO_FACTOR:
            return OTPAdminAuthenticationForm
        return AdminAuthenticationForm

    @property
    def login_template(self) -> str | None:
        return OTPAdminSite.login_template if settings.ADMIN_TWO_FACTOR else None

    def admin_view(self, view, cacheable=False):
        # The few inline attributes of the libraries' admin templates, by hash, on admin pages.
        return csp_update(admin_policy_additions())(super().admin_view(view, cacheable))

    def has_permission(self, request: HttpRequest) -> bool:
        if settings.ADMIN_TWO_FACTOR:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)
