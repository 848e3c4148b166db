"""The feed and sitemap URLs that list an article, for purging external caches."""

from __future__ import annotations

from news.models import ArticlePage
from pagecache.purge import site_root_url


def listing_urls(page: ArticlePage) -> list[str]:
    home = site_root_url(page)
    if not home:
        return []
    origin = home.split("/", 3)
    origin = f"{origin[0]}//{origin[2]}"
    urls = [f"{origin}/news-sitemap.xml"]
    scopes = [""]
    parent = page.get_parent()
    scopes.append(f"section/{parent.slug}/")
    scopes += [f"tag/{tag.slug}/" for tag in page.tags.all()]
    scopes += [f"author/{link.author.slug}/" for link in page.article_authors.select_related("author")]
    for scope in scopes:
        for kind in ("rss", "atom"):
            urls.append(f"{home}feeds/{scope}{kind}.xml")
    return urls
