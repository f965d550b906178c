"""Alerts become translatable (wagtail-localize): an English alert is the translation of a German one.

Existing rows become German originals: each gets the default locale (German) and a
translation key of its own, before both fields become required."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def make_german_originals(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for model_name in ["alert"]:
        model = apps.get_model("alerts", model_name)
        for row in model.objects.filter(locale__isnull=True):
            row.locale = locale
            row.translation_key = uuid.uuid4()
            row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0002_infoscreen"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="alert",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="alert",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(make_german_originals, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="alert",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="alert",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(name="alert", unique_together={("translation_key", "locale")}),
    ]
