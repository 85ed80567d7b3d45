"""The roles people have on this site, as Django groups kept in step with this file.

- caseworker: signed-in staff of other services who use the finder on a client's behalf.
- editor: keeps services and their locations up to date in admin; cannot delete anything, edit
  boundaries or manage users. Superusers can do everything.
"""

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
    ("services", "suggestion", ("change", "view")),
    ("services", "offer", ("view",)),
    ("services", "accessroute", ("view",)),
    ("geography", "councilarea", ("view",)),
    ("geography", "areanote", ("add", "change", "view")),
]


def is_caseworker(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=CASEWORKER).exists()


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
