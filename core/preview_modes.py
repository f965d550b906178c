"""Preview modes beyond the website, offered on every page (`BasePage.preview_modes`).

An app that can show a draft elsewhere registers its mode when it is ready, e.g. the app
preview ("App-Vorschau", preview.apps); the core then offers it in the admin's preview and
hands previews in that mode to the app's view, without knowing the app.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

Serve = Callable[[object, HttpRequest], HttpResponse]

_modes: dict[str, tuple[str, Serve]] = {}


def register(mode: str, label: str, serve: Serve) -> None:
    """Offers `mode` as `label`; `serve(page, request)` answers its previews."""
    _modes[mode] = (label, serve)


def choices() -> list[tuple[str, str]]:
    return [(mode, label) for mode, (label, _serve) in _modes.items()]


def server_for(mode: str) -> Serve | None:
    label_and_serve = _modes.get(mode)
    return label_and_serve[1] if label_and_serve else None
