"""An S3 API server on 127.0.0.1 (moto's server mode) for the storage and multi-node tests."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from tests.deploy.helpers import free_port

ACCESS_KEY = "testing-key"
SECRET_KEY = "testing-secret"
REGION = "us-east-1"


@dataclass
class S3Server:
    endpoint: str
    bucket: str

    def env(self) -> dict[str, str]:
        """The environment variables that point steppe at this bucket."""
        return {
            "STEPPE_S3_BUCKET": self.bucket,
            "STEPPE_S3_ENDPOINT_URL": self.endpoint,
            "STEPPE_S3_REGION": REGION,
            "STEPPE_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "STEPPE_S3_SECRET_ACCESS_KEY": SECRET_KEY,
            "STEPPE_S3_ADDRESSING_STYLE": "path",
        }

    def storage_options(self) -> dict[str, object]:
        return {
            "bucket_name": self.bucket,
            "endpoint_url": self.endpoint,
            "region_name": REGION,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "location": "media",
            "addressing_style": "path",
            "querystring_auth": False,
            "file_overwrite": False,
        }

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )


def public_read_policy(bucket: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


@contextlib.contextmanager
def s3_server(bucket: str = "steppe-media") -> Iterator[S3Server]:
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        s3 = S3Server(endpoint=f"http://127.0.0.1:{port}", bucket=bucket)
        client = s3.client()
        client.create_bucket(Bucket=bucket)
        # Media are public: the bucket policy docs/deploy.md gives, anyone may read.
        client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(public_read_policy(bucket)))
        yield s3
    finally:
        server.stop()
