"""The image upload form: Wagtail's, with a file field that answers every unreadable file (a
truncated JPEG, a script renamed .jpg) with a form error instead of a crash."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

log = logging.getLogger(__name__)


class SafeImageField(WagtailImageField):
    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
            # Pillow/Willow found a broken or hostile file past Django's quick verify().
            log.info("refused an unreadable image upload: %s", exc)
            raise ValidationError(
                _("This file is not a readable image (it may be damaged or not an image at all)."),
                code="invalid_image",
            ) from None


class NewsImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField) and not isinstance(field, SafeImageField):
            field.__class__ = SafeImageField
