"""Admin hooks of the news app."""

from django.urls import path
from wagtail import hooks

from news import embargo_hooks  # noqa: F401  (registers the embargo's refusals: publish, bulk publish)
from news.translation_admin import SubmitPageTranslationView


@hooks.register("register_admin_urls")
def translation_urls():
    # Registered before wagtail.contrib.simple_translation's own (news comes first in
    # INSTALLED_APPS), so the same URL reaches the view that also copies missing parents.
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            SubmitPageTranslationView.as_view(),
            name="news_submit_page_translation",
        )
    ]


LANGUAGE_FEATURES = {code: f"lang-{code}" for code in ("en", "ru", "kk", "ky", "uz", "tg", "tk")}


def _register_language_feature(features, code: str, name: str) -> None:
    """An inline style that marks a quoted passage's language: <span lang="ru">…</span>.

    Screen readers switch voice on it, and the Uzbek script switch leaves such a passage as written.
    """
    from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
    from wagtail.admin.rich_text.editors.draftail.features import InlineStyleFeature

    style = f"LANG_{code.upper()}"
    features.register_editor_plugin(
        "draftail",
        name,
        InlineStyleFeature(
            {"type": style, "label": code.upper(), "description": f"Passage in language {code}"}
        ),
    )
    features.register_converter_rule(
        "contentstate",
        name,
        {
            "from_database_format": {f'span[lang="{code}"]': InlineStyleElementHandler(style)},
            "to_database_format": {"style_map": {style: {"element": "span", "props": {"lang": code}}}},
        },
    )


@hooks.register("register_rich_text_features")
def language_features(features):
    for code, name in LANGUAGE_FEATURES.items():
        _register_language_feature(features, code, name)
