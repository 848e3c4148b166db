"""Registry of official rate sources, keyed by short name.

Each provider module exposes SOURCE, HOME, NAME, TIMEZONE, CONTENT ("xml"/"json"),
DATED (whether ``url_for`` puts the date in the request), MAX_CARRY_DAYS (how much
older than the requested day a payload may legitimately be), ``url_for(day)`` and
the pure ``parse(payload) -> list[Quote]``.
"""

from __future__ import annotations

from types import ModuleType

from fx.providers import cbr, cbt, cbu, nbk, nbkr, nbt
from fx.providers.base import PayloadError, Quote

PROVIDERS: dict[str, ModuleType] = {module.SOURCE: module for module in (nbk, nbkr, cbu, nbt, cbt, cbr)}

# Which bank is the official source for each ticker currency.
HOME_SOURCES: dict[str, str] = {module.HOME: name for name, module in PROVIDERS.items()}


class UnknownProviderError(KeyError):
    """Raised for a source name that is not in PROVIDERS."""

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return str(self.args[0])


def get_provider(name: str) -> ModuleType:
    """Return the provider module for a short name like "nbk"."""
    try:
        return PROVIDERS[name]
    except KeyError:
        known = ", ".join(sorted(PROVIDERS))
        raise UnknownProviderError(f"unknown FX source {name!r}; known sources: {known}") from None


__all__ = ["HOME_SOURCES", "PROVIDERS", "PayloadError", "Quote", "UnknownProviderError", "get_provider"]
