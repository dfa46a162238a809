"""The units products are sold by, as the admin offers them and the importer reads them."""

from django import forms


class UnitSelect(forms.Select):
    """A drop-down of the curators' units (catalog.Unit), read when the form is shown, so a
    unit added today is offered without a restart."""

    def get_context(self, name, value, attrs):
        from catalog.models import Unit

        self.choices = Unit.choices()
        if value and value not in dict(self.choices):
            self.choices.append((value, value))  # an old code stays visible, never lost
        return super().get_context(name, value, attrs)
