// Wagtail's calendars (jQuery datetimepicker) read a single format and, when a field loses
// focus, replace anything they cannot read with the current date and time. Leave what the
// editor typed alone instead: the server reads German and ISO dates and answers anything
// else with an error on the field (core/editorial/date_input.py).
jQuery.fn.datetimepicker.defaults.validateOnBlur = false;
