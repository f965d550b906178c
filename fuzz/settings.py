"""Production settings plus the demo app, for loading the demo content the fuzz run serves.

Only `migrate` and `load_demo_content` run with these; the server under test runs on
`cms.settings.production` alone, as a deployment does.
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
