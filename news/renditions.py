"""Image rendition specs used by the templates, in one place so prefetching and rendering agree."""

LEAD_RENDITIONS = ("width-480", "width-800", "width-1200")
CARD_RENDITION = "fill-480x270-c100"
BODY_RENDITIONS = ("width-800",)
