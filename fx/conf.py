"""The fx settings, read at call time (tests override them) with safe fallbacks."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from fx.providers import PROVIDERS

DEFAULT_SOURCES = ["cbr", "nbk", "nbkr", "cbu", "nbt", "cbt"]


def sources() -> list[str]:
    """Enabled sources in fetch order; CBR first because the others are checked against it."""
    names = list(getattr(settings, "STEPPE_FX_SOURCES", DEFAULT_SOURCES))
    unknown = [name for name in names if name not in PROVIDERS]
    if unknown:
        raise ImproperlyConfigured(f"STEPPE_FX_SOURCES has unknown sources: {unknown}")
    return sorted(names, key=lambda name: name != "cbr")


def base_urls() -> dict[str, str]:
    """Per-source base URL overrides: a dict, or JSON text from the environment."""
    raw = getattr(settings, "STEPPE_FX_BASE_URLS", "") or {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ImproperlyConfigured(f"STEPPE_FX_BASE_URLS is not valid JSON: {exc}") from exc
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise ImproperlyConfigured('STEPPE_FX_BASE_URLS must be a JSON object like {"nbk": "http://host"}')
    return raw


def timeout() -> float:
    return float(getattr(settings, "STEPPE_FX_TIMEOUT", 10))


def _decimal(name: str, default: str) -> Decimal:
    raw = getattr(settings, name, default)
    try:
        value = Decimal(str(raw))
    except InvalidOperation as exc:
        raise ImproperlyConfigured(f"{name} must be a number, got {raw!r}") from exc
    if not value.is_finite() or value <= 0:
        raise ImproperlyConfigured(f"{name} must be a positive number, got {raw!r}")
    return value


def max_jump_pct() -> Decimal:
    """A day-to-day move larger than this (in %) needs the CBR cross-check to agree."""
    return _decimal("STEPPE_FX_MAX_JUMP_PCT", "5")


def cross_tolerance_pct() -> Decimal:
    """How far (in %) a rate may be from the CBR cross rate and still count as confirmed."""
    return _decimal("STEPPE_FX_CROSS_TOLERANCE_PCT", "1")
