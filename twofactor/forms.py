from django import forms
from django.utils.translation import gettext_lazy as _

from twofactor.devices import looks_like_backup_code, normalise_backup_code


class CodeForm(forms.Form):
    """A 6-digit code from the authenticator app; spaces (as apps show them) are ignored."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "size": 10}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not code.isascii() or not code.isdigit() or not 6 <= len(code) <= 8:
            raise forms.ValidationError(_("Enter the 6-digit code your app shows."))
        return code


class CodeOrBackupForm(CodeForm):
    """The login and turn-off steps also take a backup code (8 letters and digits)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code from your authenticator app, or a backup code")
        self.fields["code"].widget.attrs["inputmode"] = "text"

    def clean_code(self) -> str:
        backup = normalise_backup_code(self.cleaned_data["code"])
        if looks_like_backup_code(backup):
            return backup
        try:
            return super().clean_code()
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Enter the 6-digit code your app shows, or one of your backup codes.")
            ) from None
