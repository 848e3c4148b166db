"""The site chrome (navigation, footer links) shared by every page of one language."""

from news.cache import cached_fragment


def chrome_for_locale(locale_id: int | None) -> dict:
    """Navigation and footer as plain data: one cached build per language and content version."""
    from news.models import HomePage, SectionPage, StandardPage

    def build() -> dict:
        homes = HomePage.objects.live().order_by("path")
        home = (homes.filter(locale_id=locale_id).first() if locale_id else None) or homes.first()
        if home is None:
            return {"home": None, "countries": [], "topics": [], "pages": []}
        sections = list(SectionPage.objects.live().child_of(home).in_menu().order_by("path"))
        pages = StandardPage.objects.live().child_of(home).order_by("path")
        return {
            "home": {"title": home.title, "url": home.url, "locale_id": home.locale_id},
            "countries": [{"title": s.title, "url": s.url} for s in sections if s.country],
            "topics": [{"title": s.title, "url": s.url} for s in sections if not s.country],
            "pages": [{"title": p.title, "url": p.url} for p in pages],
        }

    return cached_fragment("chrome", build, locale_id)
