"""Media on S3-compatible storage: uploads, renditions and their URLs against a real S3 API server."""

import io
import json

import httpx
import pytest
from PIL import Image as PILImage

from tests.deploy.s3 import s3_server


@pytest.fixture(scope="module")
def s3():
    with s3_server() as server:
        yield server


@pytest.fixture
def s3_media(settings, s3):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3.storage_options()},
    }
    return s3


@pytest.mark.django_db
def test_image_and_renditions_live_in_the_bucket(s3_media):
    from tests.factories import make_image

    image = make_image("On S3", size=(1600, 900))
    assert image.width == 1600 and image.height == 900
    rendition = image.get_rendition("fill-480x270-c100")
    webp = image.get_rendition("width-800|format-webp")

    keys = {item["Key"] for item in s3_media.client().list_objects_v2(Bucket=s3_media.bucket)["Contents"]}
    assert image.file.name in {key.removeprefix("media/") for key in keys}
    assert f"media/{rendition.file.name}" in keys and f"media/{webp.file.name}" in keys

    for url, size, kind in (
        (image.file.url, (1600, 900), "JPEG"),
        (rendition.url, (480, 270), "JPEG"),
        (webp.url, (800, 450), "WEBP"),
    ):
        assert url.startswith(f"{s3_media.endpoint}/{s3_media.bucket}/media/"), url
        assert "Signature" not in url  # public URLs a CDN can cache
        response = httpx.get(url, timeout=10)
        assert response.status_code == 200, url
        with PILImage.open(io.BytesIO(response.content)) as picture:
            assert (picture.size, picture.format) == (size, kind)


@pytest.mark.django_db
def test_article_page_shows_the_lead_image_from_the_bucket(s3_media, client, newsroom):
    from tests.factories import make_image

    article = newsroom.add_article("Lead image on S3", image=make_image("Lead on S3"))
    html = client.get(article.url).content.decode()
    assert f"{s3_media.endpoint}/{s3_media.bucket}/media/images/" in html


@pytest.mark.django_db
def test_readyz_checks_the_bucket(s3_media, client, settings):
    assert client.get("/readyz").status_code == 200
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**s3_media.storage_options(), "bucket_name": "no-such-bucket"},
        },
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failing"] == ["storage"] and body["checks"]["storage"].startswith("error: ")
    assert (
        "no-such-bucket" not in response.content.decode()
        and "testing-secret" not in response.content.decode()
    )


def test_settings_switch_to_s3_from_the_environment(tmp_path):
    """STEPPE_S3_* in the environment: S3 storage, and the bucket's host allowed for images in the CSP."""
    import subprocess
    import sys

    from tests.deploy.helpers import BASE_DIR

    env = {
        "PATH": "/usr/bin:/bin",
        "STEPPE_VAR_DIR": str(tmp_path),
        "STEPPE_S3_BUCKET": "media-bucket",
        "STEPPE_S3_ENDPOINT_URL": "https://s3.example.net",
        "DATABASE_REPLICA_URL": "postgres://reader@replica.internal:5432/steppe",
    }
    code = (
        "import json; from steppe import settings as s; "
        "print(json.dumps([s.STORAGES['default']['BACKEND'], s.STORAGES['default']['OPTIONS']['bucket_name'], "
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], s.DATABASE_ROUTERS, s.DATABASES['replica']['HOST']]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    backend, bucket, img_src, routers, replica_host = json.loads(out.stdout)
    assert backend == "storages.backends.s3.S3Storage" and bucket == "media-bucket"
    assert "https://s3.example.net" in img_src
    assert routers == ["steppe.dbrouter.PrimaryReplicaRouter"] and replica_host == "replica.internal"
