"""Queryset writes that skip save(): update(), bulk_update() and bulk_create().

Django sends no signal for them, so on their own nothing would check the rows they write, keep
them in the history admins read and restore from, or tell the finder's catalogue, and a service
unpublished that way would stay in the search. The querysets of the models the finder shows do all
three here, in the same transaction as the write; a row that breaks a rule rolls the write back.
Django's bulk_update() writes each batch with update(), so it is covered too (a test holds it to
that). ``save_each()`` is the same write row by row through save(), for an edit whose history
should say why it was made.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_save

from services.catalogue_version import mark_catalogue_stale


class BulkWritesQuerySet(models.QuerySet):
    def update(self, **values) -> int:
        with transaction.atomic(using=self.db):
            keys = list(self.values_list("pk", flat=True))
            count = super().update(**values)
            self._saved_again(keys)
        return count

    def bulk_create(self, objs, *args, **kwargs) -> list:
        objs = list(objs)
        # A row not yet written has no many-to-many relations to check: only its own fields.
        self._raise_problems(objs, created=True)
        with transaction.atomic(using=self.db):
            created = super().bulk_create(objs, *args, **kwargs)
            # Its first version would be the same if each row were saved (there are no relations
            # yet to record), so the versions are written in one statement too.
            history = self._history()
            if history is not None:
                history.bulk_history_create([obj for obj in created if obj.pk is not None])
            mark_catalogue_stale(self.db)
        return created

    def save_each(self, reason: str, **values) -> int:
        """Give each row here these values and save it, as an admin's edit is: every row checked
        with its new values first (the lot refused if one breaks a rule), then each save kept in
        its history with the reason and the user of the request, and the catalogue told."""
        with transaction.atomic(using=self.db):
            rows = list(self)
            for row in rows:
                for name, value in values.items():
                    setattr(row, name, value)
            self._raise_problems(rows, created=False)
            for row in rows:
                row._change_reason = reason
                row.save(using=self.db)
        return len(rows)

    def check_rules(self) -> None:
        """Raise ValidationError naming every row here that breaks its model's rules."""
        self._raise_problems(self, created=False)

    def problems_with(self, row: models.Model, created: bool) -> dict[str, list[str]]:
        """What is wrong with a written row, by field. The database's own checks (foreign keys,
        uniqueness, the models' constraints) are left to the database, which makes them in the
        same write; these are the rules it cannot hold."""
        related = [field.name for field in row._meta.concrete_fields if field.is_relation]
        try:
            row.full_clean(exclude=related, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            return error.message_dict
        return {}

    def _saved_again(self, keys: list) -> None:
        """The written rows, checked, then announced as saved: their history and the catalogue
        hear of them as of any save."""
        model = self.model._meta.concrete_model
        rows = list(model._base_manager.using(self.db).filter(pk__in=keys))
        self._raise_problems(rows, created=False)
        for row in rows:
            post_save.send(
                sender=model,
                instance=row,
                created=False,
                update_fields=None,
                raw=False,
                using=self.db,
            )

    def _raise_problems(self, rows: Iterable[models.Model], created: bool) -> None:
        messages = [
            f"{row._meta.verbose_name} {str(row)!r}: {field}: {message}"
            for row in rows
            for field, field_messages in self.problems_with(row, created).items()
            for message in field_messages
        ]
        if messages:
            raise ValidationError(messages)

    def _history(self):
        model = self.model._meta.concrete_model
        manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
        return getattr(model, manager_name) if manager_name else None
