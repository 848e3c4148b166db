"""Editors' ticker settings take effect on the next page: rebuild the snapshot, expire cached pages."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from fx.models import TickerSettings


@receiver(post_save, sender=TickerSettings, dispatch_uid="fx-ticker-settings-saved")
def ticker_settings_saved(sender, instance: TickerSettings, raw: bool = False, **kwargs) -> None:
    if raw:  # loaded from a backup or fixture: its ticker snapshot comes with it
        return
    from fx.sync import publish_changes

    publish_changes()
