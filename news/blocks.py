"""StreamField blocks of an article body."""

import nh3
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from news.renditions import BODY_RENDITIONS

# Imported or pasted HTML keeps its structure but loses anything executable.
SANITISED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol",
    "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul",
}  # fmt: skip
SANITISED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "*": {"lang", "dir"},
}


def sanitise_html(html: str) -> str:
    """Strip scripts, styles, event handlers and javascript: URLs; keep the text and structure."""
    return nh3.clean(
        html,
        tags=SANITISED_TAGS,
        attributes=SANITISED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


class SanitisedHTMLBlock(blocks.TextBlock):
    """HTML kept from an import or a paste, sanitised when saved and again when shown."""

    def clean(self, value):
        return sanitise_html(super().clean(value))

    def render_basic(self, value, context=None):
        return mark_safe(sanitise_html(value or ""))

    class Meta:
        icon = "code"
        label = _("HTML (sanitised)")


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """Loads every body image of an article and its renditions in two queries, however many."""

    def bulk_to_python(self, values):
        images = self.model_class.objects.prefetch_renditions(*BODY_RENDITIONS).in_bulk(values)
        return [images.get(value) for value in values]


class CaptionedImageBlock(blocks.StructBlock):
    image = PrefetchingImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=400)
    credit = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Photographer or agency; defaults to the image's credit.")
    )
    alt = blocks.CharBlock(required=False, max_length=300, help_text=_("Defaults to the image's alt text."))

    class Meta:
        icon = "image"
        template = "news/blocks/image.html"


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"


class EmbedLinkBlock(blocks.StructBlock):
    """An external video/post shown as a link card: no third-party script or tracking on load."""

    url = blocks.URLBlock()
    title = blocks.CharBlock(required=False, max_length=300)
    caption = blocks.CharBlock(required=False, max_length=400)

    class Meta:
        icon = "media"
        template = "news/blocks/embed.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2")

    class Meta:
        icon = "title"
        template = "news/blocks/heading.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "blockquote"], icon="pilcrow"
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = PullQuoteBlock()
    embed = EmbedLinkBlock()
    html = SanitisedHTMLBlock()
