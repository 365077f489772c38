from __future__ import annotations

from django import forms

MAX_UPLOAD_MB = 50  # ten times the export of 500 goals with 20,000 check-ins


class ImportForm(forms.Form):
    file = forms.FileField(
        label="A Cairn export (.json)",
        help_text="The file “Download all my data” gives, from this Cairn or another.",
    )
    confirm = forms.BooleanField(
        label="Add its goals to mine and replace my profile and reminder settings with its own."
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                f"That file is over {MAX_UPLOAD_MB} MB: not a Cairn export."
            )
        return upload
