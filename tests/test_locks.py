"""The two lock files cannot drift apart: the runtime lock is the dev lock minus the dev tools."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A requirement with its hashes: "name==version \\\n    --hash=sha256:... \\\n ..."
_ENTRY = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)((?:\s*\\\s*\n\s+--hash=sha256:[0-9a-f]{64})+)", re.MULTILINE)


def pins(name: str) -> dict[str, tuple[str, frozenset[str]]]:
    text = (ROOT / name).read_text()
    found = {
        m.group(1).lower().replace("_", "-"): (
            m.group(2),
            frozenset(re.findall(r"sha256:([0-9a-f]{64})", m.group(3))),
        )
        for m in _ENTRY.finditer(text)
    }
    assert found, f"{name}: no pinned requirements found"
    return found


def test_runtime_lock_is_the_dev_lock_without_the_dev_tools():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    differing = {name: (pin, dev.get(name)) for name, pin in runtime.items() if dev.get(name) != pin}
    assert differing == {}, "regenerate requirements.lock with -c requirements-dev.lock (see its header)"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    direct = {
        re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower().replace("_", "-")
        for spec in project["dependencies"]
    }
    dev_only = {re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower().replace("_", "-")
                for spec in project["optional-dependencies"]["dev"]}  # fmt: skip
    assert direct <= set(runtime), direct - set(runtime)
    # The test tools stay out of what production installs.
    assert not dev_only & set(runtime), dev_only & set(runtime)
    assert dev_only <= set(dev)
