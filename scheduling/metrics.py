"""When each scheduled job last fired, as a Prometheus gauge read when /metrics is scraped."""

from __future__ import annotations

from ops.metrics import labels, number


def last_fire_gauges() -> list[str]:
    from scheduling.models import last_fires

    lines = [
        "# HELP steppe_scheduler_last_fire_timestamp_seconds When each scheduled job was last enqueued.",
        "# TYPE steppe_scheduler_last_fire_timestamp_seconds gauge",
    ]
    for job, when in sorted(last_fires().items()):
        lines.append(
            f"steppe_scheduler_last_fire_timestamp_seconds{labels(job=job)} {number(round(when.timestamp()))}"
        )
    return lines
