"""What the WordPress importer remembers: where each imported object came from.

One row per WordPress object and site, so a second run of ``import_wordpress`` finds what it
made before and updates it in place instead of creating a duplicate.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObject(models.Model):
    """A steppe object (page, image, author, section, tag) made from a WordPress object.

    ``wp_id`` is the WordPress post/attachment id as text; objects that WordPress identifies
    otherwise use a stable key instead: an author's login, a term's ``taxonomy:slug``, an
    item without an id its ``guid:…``, an image found only by its file ``file:…``.
    ``checksum`` covers everything the steppe object was made from, so an unchanged
    WordPress object is left alone (and edits made in steppe since survive a re-run).
    """

    class Kind(models.TextChoices):
        POST = "post", _("post")
        PAGE = "page", _("page")
        ATTACHMENT = "attachment", _("attachment")
        AUTHOR = "author", _("author")
        TERM = "term", _("term")

    site_url = models.CharField(_("WordPress site"), max_length=255)
    wp_type = models.CharField(_("WordPress type"), max_length=20, choices=Kind.choices)
    wp_id = models.CharField(_("WordPress id or key"), max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    checksum = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress object")
        constraints = [
            models.UniqueConstraint(fields=["site_url", "wp_type", "wp_id"], name="wordpress_unique_origin")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="wordpress_target")]

    def __str__(self) -> str:
        return f"{self.site_url} {self.wp_type} {self.wp_id}"
