from django.apps import AppConfig


class TakedownConfig(AppConfig):
    name = "takedown"
    verbose_name = "Takedowns"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.admin.forms import WagtailAdminPageForm
        from wagtail.models import Page, get_page_models

        from takedown import signals  # noqa: F401
        from takedown.forms import TakedownPathCheck

        # Every page type's admin form refuses a taken-down address (create, edit, rename), the
        # types of other apps too. Wagtail itself sets Page.base_form_class in wagtail.admin's
        # ready(), after this app's, so each page model gets the check on its own class.
        checked = type(
            "TakedownCheckedPageForm", (TakedownPathCheck, WagtailAdminPageForm), {"__module__": __name__}
        )
        for model in get_page_models():
            if model is Page:
                continue
            base = getattr(model, "base_form_class", None)
            if base is None or base is WagtailAdminPageForm:
                model.base_form_class = checked
            elif not issubclass(base, TakedownPathCheck):
                model.base_form_class = type(
                    base.__name__, (TakedownPathCheck, base), {"__module__": base.__module__}
                )
