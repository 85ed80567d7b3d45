"""The roles people have on this site, as Django groups kept in step with this file.

- caseworker: signed-in staff of other services who use the finder on a client's behalf.
- editor: keeps services and their locations up to date in admin; cannot delete anything, edit
  boundaries or manage users. Superusers can do everything.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission

CASEWORKER = "caseworker"
EDITOR = "editor"

# (app label, model, actions)
EDITOR_PERMISSIONS = [
    ("services", "organisation", ("add", "change", "view")),
    ("services", "service", ("add", "change", "view")),
    ("services", "location", ("add", "change", "view")),
    ("services", "contactroute", ("add", "change", "view")),
    ("services", "servicesource", ("add", "change", "view")),
    ("services", "servicetoreview", ("change", "view")),
    ("services", "servicetocontact", ("change", "view")),
    ("services", "suggestion", ("change", "view")),
    ("services", "offer", ("view",)),
    ("services", "accessroute", ("view",)),
    ("geography", "councilarea", ("view",)),
    ("geography", "areanote", ("add", "change", "view")),
    ("helplines", "helpline", ("add", "change", "view")),
]


def is_caseworker(user) -> bool:
    if not user.is_authenticated or not user.is_active or needs_second_factor(user):
        return False
    return user.is_superuser or user.groups.filter(name=CASEWORKER).exists()


def needs_second_factor(user) -> bool:
    """An account that can use admin gives its second factor (ADMIN_TWO_FACTOR) before using the
    caseworker pages too: its password alone must open nothing. ``is_verified`` is django-otp's,
    on the user of a request."""
    admin_account = user.is_staff or user.is_superuser
    verified = getattr(user, "is_verified", lambda: False)()
    return settings.ADMIN_TWO_FACTOR and admin_account and not verified


def sync_roles(using: str = "default", **kwargs) -> None:
    """Create the groups and give them exactly their permissions (after every migrate)."""
    Group.objects.using(using).get_or_create(name=CASEWORKER)
    editor, _ = Group.objects.using(using).get_or_create(name=EDITOR)
    wanted = []
    for app_label, model, actions in EDITOR_PERMISSIONS:
        for action in actions:
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=f"{action}_{model}")
                .first()
            )
            if permission is not None:
                wanted.append(permission)
    editor.permissions.set(wanted)
