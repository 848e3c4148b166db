"""Media storage for a dry run: files are "saved" in memory and vanish with it.

Pointing MEDIA_ROOT at a temporary folder only reached a FileSystemStorage; with media on S3 a dry
run uploaded every image and left it in the bucket. Here every media storage, whatever its
backend, is wrapped so that writes and deletes stay in memory while files already stored can
still be read (an existing image's size, an old file to compare with).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.conf import STATICFILES_STORAGE_ALIAS, settings
from django.core.files.storage import InMemoryStorage, Storage, default_storage, storages
from django.db import models
from django.test.utils import override_settings


class DryRunStorage(InMemoryStorage):
    """Saves and deletes in memory only; names not saved here are read from the real storage."""

    def __init__(self, real: Storage | dict[str, Any]) -> None:
        super().__init__()
        self.real = storages.create_storage(real) if isinstance(real, dict) else real

    def _saved_here(self, name: str) -> bool:
        return super().exists(name)

    def exists(self, name: str) -> bool:
        # Names taken in the real storage stay taken: the dry run picks the names a real run would.
        return self._saved_here(name) or self.real.exists(name)

    def _open(self, name: str, mode: str = "rb"):
        if self._saved_here(name) or any(flag in mode for flag in "wa+"):
            return super()._open(name, mode)
        return self.real.open(name, mode)

    def delete(self, name: str) -> None:
        if self._saved_here(name):
            super().delete(name)

    def size(self, name: str) -> int:
        return super().size(name) if self._saved_here(name) else self.real.size(name)

    def url(self, name: str) -> str:
        return self.real.url(name)

    def get_modified_time(self, name: str):
        if self._saved_here(name):
            return super().get_modified_time(name)
        return self.real.get_modified_time(name)


@contextlib.contextmanager
def media_kept_in_memory() -> Iterator[None]:
    """Within the block no media file is written, replaced or deleted anywhere."""
    wrapped = {
        alias: {"BACKEND": f"{__name__}.DryRunStorage", "OPTIONS": {"real": config}}
        for alias, config in settings.STORAGES.items()
        if alias != STATICFILES_STORAGE_ALIAS
    }
    with override_settings(STORAGES={**settings.STORAGES, **wrapped}):
        # Fields using the default storage follow the setting; a field given a storage instance of
        # its own (WAGTAILIMAGES_RENDITION_STORAGE as an alias, say) holds it and is wrapped here.
        own = [
            (field, field.storage)
            for model in apps.get_models()
            for field in model._meta.concrete_fields
            if isinstance(field, models.FileField) and field.storage is not default_storage
        ]
        for field, storage in own:
            field.storage = DryRunStorage(storage)
        try:
            yield
        finally:
            for field, storage in own:
                field.storage = storage
