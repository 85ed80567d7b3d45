from django.db import migrations, models


def describe_undescribed(apps, schema_editor):
    """Organisations saved while a description was optional get one from the services they run,
    so the Open Referral feed never gives the standard's required field empty."""
    Organisation = apps.get_model("services", "Organisation")
    for organisation in Organisation.objects.filter(description=""):
        names = sorted(organisation.services.values_list("name", flat=True))
        if not names:
            continue
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        organisation.description = f"The organisation behind {joined}."
        organisation.save(update_fields=["description"])


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0005_catalogue_version"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalorganisation",
            name="description",
            field=models.TextField(help_text="What the organisation is, in a sentence or two."),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="description",
            field=models.TextField(help_text="What the organisation is, in a sentence or two."),
        ),
        migrations.RunPython(describe_undescribed, migrations.RunPython.noop),
    ]
