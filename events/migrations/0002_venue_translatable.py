"""Venues become translatable (wagtail-localize): names and accessibility notes per language.

Existing rows become German originals: each gets the default locale (German) and a
translation key of its own, before both fields become required."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def make_german_originals(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for model_name in ["venue"]:
        model = apps.get_model("events", model_name)
        for row in model.objects.filter(locale__isnull=True):
            row.locale = locale
            row.translation_key = uuid.uuid4()
            row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="venue",
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
            model_name="venue",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(make_german_originals, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="venue",
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
            model_name="venue",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(name="venue", unique_together={("translation_key", "locale")}),
    ]
