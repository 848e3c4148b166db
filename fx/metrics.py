"""The FX sources' health as Prometheus gauges, read from the database when /metrics is scraped."""

from __future__ import annotations

from ops.metrics import labels, number


def source_gauges() -> list[str]:
    from fx.models import SourceStatus

    statuses = list(SourceStatus.objects.order_by("source"))
    lines = [
        "# HELP steppe_fx_source_last_success_timestamp_seconds When each exchange-rate source last succeeded (0: never).",
        "# TYPE steppe_fx_source_last_success_timestamp_seconds gauge",
    ]
    for status in statuses:
        stamp = status.last_success_at.timestamp() if status.last_success_at else 0
        lines.append(
            f"steppe_fx_source_last_success_timestamp_seconds{labels(source=status.source)} {number(round(stamp))}"
        )
    lines += [
        "# HELP steppe_fx_source_consecutive_failures Failed fetches since each source's last success.",
        "# TYPE steppe_fx_source_consecutive_failures gauge",
    ]
    for status in statuses:
        lines.append(
            f"steppe_fx_source_consecutive_failures{labels(source=status.source)} {status.consecutive_failures}"
        )
    return lines
