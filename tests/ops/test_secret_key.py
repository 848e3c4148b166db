"""The demo secret key: made once, whole, however many server workers start at the same moment."""

from __future__ import annotations

import threading

import steppe.settings as settings_module


def test_processes_starting_together_on_a_fresh_var_dir_share_one_whole_key(tmp_path, monkeypatch):
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    monkeypatch.setattr(settings_module, "PRODUCTION", False)
    for round_ in range(40):  # a fresh folder each round: the race is at creation
        var = tmp_path / f"var{round_}"
        monkeypatch.setattr(settings_module, "VAR_DIR", var)
        start = threading.Barrier(12)
        keys: list[str] = []

        def read_key(start: threading.Barrier, keys: list[str]) -> None:
            start.wait()
            keys.append(settings_module._secret_key())

        threads = [threading.Thread(target=read_key, args=(start, keys)) for _ in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(keys) == 12 and len(set(keys)) == 1, set(keys)
        assert len(keys[0]) >= 50 and keys[0] == (var / "secret_key").read_text().strip()
        assert sorted(p.name for p in var.iterdir()) == ["secret_key"]  # no drafts left behind
        assert (var / "secret_key").stat().st_mode & 0o077 == 0
