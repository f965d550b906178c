"""A real S3 endpoint for the tests: moto's standalone server, and a media bucket on it as
the production stack sets one up: anyone reads the public prefixes, only the CMS reads
the rest (restricted documents under private/) and writes."""

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import boto3

BUCKET = "cms-media"
REGION = "eu-central-1"
# moto accepts any credentials; these only have to be present, as boto3 reads them
# from the environment.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "cms-test", "AWS_SECRET_ACCESS_KEY": "cms-test-secret"}
# Where Wagtail writes originals, renditions and public documents; docker-compose.yml's
# minio-init makes the same prefixes downloadable.
PUBLIC_PREFIXES = ("original_images/", "images/", "documents/")


def public_read_policy(bucket: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in PUBLIC_PREFIXES],
                }
            ],
        }
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def moto_server() -> Iterator[str]:
    """Starts moto's S3 server on a free port, yields its endpoint URL, stops it."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint, timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("moto's S3 server did not start")
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


def s3_client(endpoint: str):
    """A client with the test credentials, whatever the environment holds."""
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def create_media_bucket(client, bucket: str = BUCKET) -> None:
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    client.put_bucket_policy(Bucket=bucket, Policy=public_read_policy(bucket))


def refuse(client, action: str, keys: str = "*") -> None:
    """A bucket policy that refuses `action` (e.g. s3:PutObject) on `keys` and allows the rest."""
    policy = json.loads(client.get_bucket_policy(Bucket=BUCKET)["Policy"])
    policy["Statement"].append(
        {"Effect": "Deny", "Principal": "*", "Action": action, "Resource": f"arn:aws:s3:::{BUCKET}/{keys}"}
    )
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(policy))


def bucket_keys(client) -> list[str]:
    """The keys in the media bucket, sorted."""
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def delete_bucket(client, bucket: str = BUCKET) -> None:
    for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
        client.delete_object(Bucket=bucket, Key=item["Key"])
    client.delete_bucket(Bucket=bucket)


def use_bucket(settings, monkeypatch, endpoint: str):
    """Creates a fresh media bucket and points the media storage at it with the settings
    a deployment sets; the credentials come from the environment only. Returns a client."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    client = s3_client(endpoint)
    create_media_bucket(client)
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = endpoint
    settings.AWS_S3_REGION_NAME = REGION
    use_s3_storage(settings)
    return client


def use_s3_storage(settings) -> None:
    """A fresh S3 storage object for the media, which reads the AWS_* settings as they are now."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "media.storage.S3MediaStorage"}}
