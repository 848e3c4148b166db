"""Image rendition specs used by the templates, in one place so prefetching and rendering agree."""

# Lead image on the article page (srcset), and the crops search engines and social cards want:
# 16:9, 4:3 and 1:1 at 1200 px for JSON-LD, 1.91:1 for Open Graph.
LEAD_RENDITIONS = (
    "width-480",
    "width-800",
    "width-1200",
    # The same widths as WebP, offered first by the article's <picture> (JPEG stays the fallback).
    "width-480|format-webp",
    "width-800|format-webp",
    "width-1200|format-webp",
    "fill-1200x675-c100",
    "fill-1200x900-c100",
    "fill-1200x1200-c100",
    "fill-1200x630-c100",
)
STRUCTURED_DATA_RENDITIONS = ("fill-1200x675-c100", "fill-1200x900-c100", "fill-1200x1200-c100")
SOCIAL_RENDITION = "fill-1200x630-c100"
CARD_RENDITION = "fill-480x270-c100"
BODY_RENDITIONS = ("width-800",)
FEED_RENDITION = "width-1200"
