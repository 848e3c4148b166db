"""The embargo in the article's edit form: the go-live check and the notice at the top.

Imported by news.models (ArticlePage's form and panels), so nothing here imports the models.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel

from news.embargo import go_live_refusal, holds, local_time


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        embargo, go_live = cleaned.get("embargo"), cleaned.get("go_live_at")
        # A schedule earlier than the embargo is refused rather than moved: the editor decides.
        if embargo and go_live and embargo > timezone.now() and go_live < embargo:
            self.add_error("embargo", go_live_refusal(go_live, embargo))
        return cleaned


class EmbargoStatusPanel(Panel):
    """A notice at the top of the Content tab while the article's embargo holds."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Embargo"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "news/admin/embargo_status_panel.html"

        def is_shown(self) -> bool:
            return self.instance is not None and holds(self.instance)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["until"] = local_time(self.instance.embargo)
            return context
