"""Steps of the multi-node test that run as their own process in a node's environment:
`python -m tests.deploy.editor prepare` (migrate, a small newsroom, an editor), `… collectstatic`
and `python -m tests.deploy.editor publish IMAGE_TITLE` (an article with that image, published)."""

from __future__ import annotations

import json
import os
import sys


def prepare() -> dict:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from tests.factories import create_newsroom

    create_newsroom()
    password = "editor-" + os.urandom(8).hex()
    get_user_model().objects.create_superuser("editor", "editor@example.org", password)
    return {"username": "editor", "password": password}


def collectstatic() -> dict:
    from django.core.management import call_command

    call_command("collectstatic", verbosity=0, interactive=False)
    return {}


def publish(image_title: str) -> dict:
    from news.models import NewsImage, SectionPage
    from tests.factories import create_article

    image = NewsImage.objects.get(title=image_title)
    section = SectionPage.objects.get(slug="politics")
    article = create_article(section, "Two nodes, one newsroom", image=image)
    return {"url": article.url, "image_file": image.file.name}


if __name__ == "__main__":
    import django

    django.setup()
    step, *args = sys.argv[1:]
    result = {"prepare": prepare, "collectstatic": collectstatic, "publish": publish}[step](*args)
    print("RESULT=" + json.dumps(result))
