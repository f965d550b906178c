"""Settings checks: a preview address without a place for the token, or a lifetime that is
not positive, would hand editors links that can never work."""

from django.conf import settings
from django.core.checks import Error, register

from .models import TOKEN_PLACEHOLDER


@register()
def check_preview_settings(app_configs, **kwargs):
    errors = []
    url = settings.HEADLESS_PREVIEW_URL
    if url and (TOKEN_PLACEHOLDER not in url or not url.startswith(("http://", "https://"))):
        errors.append(
            Error(
                f"HEADLESS_PREVIEW_URL must be an http(s) address containing {TOKEN_PLACEHOLDER}.",
                hint="e.g. http://localhost:8001/?preview={token}",
                id="preview.E001",
            )
        )
    if settings.HEADLESS_PREVIEW_MAX_AGE <= 0:
        errors.append(
            Error("HEADLESS_PREVIEW_MAX_AGE must be a positive number of seconds.", id="preview.E002")
        )
    return errors
