"""Admin panels the catalog needs beyond Wagtail's own."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model


class PermissionedInlinePanel(InlinePanel):
    """An InlinePanel that honours FieldPanel(..., permission=...) on its child panels.

    Wagtail's InlinePanel drops its children's `field_permissions`: a field hidden from a user
    is still in the child form, so it is accepted when posted anyway (and a checkbox the user
    never saw is reset to False on save). Here the child forms get the user (`for_user`) and
    leave such fields out for users without the permission, so the stored value is kept.
    The child model's `base_form_class`, when it has one, is the child forms' base class.
    """

    def get_form_options(self):
        options = super().get_form_options()
        field_permissions = self.child_edit_handler.get_form_options().get("field_permissions")
        if field_permissions:
            formset_options = options["formsets"][self.relation_name]
            formset_options["form"] = get_form_for_model(
                self.db_field.related_model,
                form_class=getattr(
                    self.db_field.related_model,
                    "base_form_class",
                    formset_options.get("form", WagtailAdminModelForm),
                ),
                fields=formset_options["fields"],
                field_permissions=field_permissions,
            )
            formset_options["inherit_kwargs"] = ["for_user"]
        return options
