"""The admin's sign-in form (WAGTAILADMIN_USER_LOGIN_FORM): Wagtail's, whose password field has
no label of its own, so the form showed the English field name "Password"."""

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Passwort"
