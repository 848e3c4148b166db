"""docs/settings.md lists every environment variable the app reads."""

import re
from pathlib import Path

BASE = Path(__file__).resolve().parents[2]
READS = re.compile(
    r"""(?:os\.environ\.get|os\.environ\[|os\.getenv|env_bool|env_list)\(?\[?\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def variables_read() -> set[str]:
    found = set()
    for path in BASE.rglob("*.py"):
        parts = path.relative_to(BASE).parts
        if parts[0] in {".venv", "tests", "bench", "var"} or "migrations" in parts:
            continue
        found |= set(READS.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_environment_variable_is_documented():
    documented = set(
        re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", (BASE / "docs" / "settings.md").read_text(), re.M)
    )
    found = variables_read()
    assert {"DATABASE_URL", "STEPPE_S3_BUCKET", "STEPPE_METRICS_TOKEN"} <= found
    missing = sorted(found - documented - {"DJANGO_SETTINGS_MODULE"})
    assert not missing, f"add these to docs/settings.md: {missing}"
