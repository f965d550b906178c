"""How the website writes dates and times in each language (settings.FORMAT_MODULE_PATH).

Django reads a format first from the module of the active language here, then from its own
module for that language. Besides a few of Django's names, the modules define named formats
of their own, which templates use as `{{ value|date:"DATE_WITH_WEEKDAY_FORMAT" }}`; every
language module must define all of those, or the name itself would be printed.
"""
