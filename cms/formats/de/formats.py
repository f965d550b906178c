"""German: Django's own German formats (e.g. SHORT_DATE_FORMAT "07.03.2022", decimal comma),
plus the named formats below. A time of day is followed by "Uhr", as German sites print it."""

# "Montag, 7. März 2022": an event's date.
DATE_WITH_WEEKDAY_FORMAT = "l, j. F Y"
# "Montag, 7. März 2022, 17:00 Uhr": an event's start.
DATETIME_WITH_WEEKDAY_FORMAT = r"l, j. F Y, H:i \U\h\r"
# "19:00 Uhr": an event's end on the day it starts.
TIME_OF_DAY_FORMAT = r"H:i \U\h\r"
