"""English, in the international (British) convention rather than Django's American one:
day before month ("7 March 2022"), the 24-hour clock ("17:00"), weeks starting on Monday.
Numbers keep Django's English decimal point ("1.2 MB")."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
# "7 Mar 2022": news dates, milestones and project periods (German: "07.03.2022").
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1

# "Monday, 7 March 2022": an event's date.
DATE_WITH_WEEKDAY_FORMAT = "l, j F Y"
# "Monday, 7 March 2022, 17:00": an event's start.
DATETIME_WITH_WEEKDAY_FORMAT = "l, j F Y, H:i"
# "19:00": an event's end on the day it starts.
TIME_OF_DAY_FORMAT = "H:i"
