"""The admin's "Translate" action for pages, also when the page's section is not translated yet.

wagtail.contrib.simple_translation refuses (a server error) to translate an article whose section
has no translation in that language. Here the missing parents are copied first, as drafts, so the
editor translates and publishes them too; until then nothing new is shown to readers.
"""

from __future__ import annotations

from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.contrib.simple_translation import views


class SubmitPageTranslationView(views.SubmitPageTranslationView):
    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid():
            parent = self.object.get_parent().specific
            for locale in form.cleaned_data["locales"]:
                if parent.depth > 1 and not parent.has_translation(locale):
                    CopyPageForTranslationAction(
                        page=parent, locale=locale, copy_parents=True, user=request.user
                    ).execute(skip_permission_checks=True)
        return super().post(request, **kwargs)
