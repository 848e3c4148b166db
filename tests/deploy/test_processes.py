"""One file names the newsroom's processes (deploy/supervisord.conf, what `make run` runs); the
systemd units in deploy/systemd/ run the same commands in production."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
SUPERVISOR = BASE_DIR / "deploy" / "supervisord.conf"
UNITS = BASE_DIR / "deploy" / "systemd"
# What the Makefile exports for supervisord, as the units spell it.
MAKE_DEFAULTS = {"%(ENV_HOST)s": "127.0.0.1", "%(ENV_PORT)s": "8000", "%(ENV_WORKERS)s": "2"}


def supervised_commands() -> dict[str, list[str]]:
    parser = configparser.RawConfigParser()
    parser.read(SUPERVISOR)
    commands = {}
    for section in parser.sections():
        if section.startswith("program:"):
            command = parser.get(section, "command")
            for placeholder, value in MAKE_DEFAULTS.items():
                command = command.replace(placeholder, value)
            commands[section.removeprefix("program:")] = shlex.split(command)
    return commands


def unit_command(name: str) -> list[str]:
    text = (UNITS / f"steppe-{name}.service").read_text().replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith("ExecStart="))
    argv = shlex.split(line.removeprefix("ExecStart="))
    return [Path(argv[0]).name, *argv[1:]]  # the venv's path differs: /srv/steppe/.venv/bin/…


def test_every_supervised_process_has_a_unit_running_the_same_command():
    commands = supervised_commands()
    assert set(commands) == {"web", "worker", "scheduler"}
    for name, argv in commands.items():
        assert unit_command(name) == argv, name


def test_the_processes_stop_within_ten_seconds_in_both():
    parser = configparser.RawConfigParser()
    parser.read(SUPERVISOR)
    group = parser.get("group:newsroom", "programs").split(",")
    # One group: supervisord stops its programs in parallel, not one after the other.
    assert sorted(group) == sorted(supervised_commands())
    for name in group:
        section = f"program:{name}"
        assert int(parser.get(section, "stopwaitsecs")) < 10
        assert parser.getboolean(section, "killasgroup")
        assert parser.getboolean(section, "autorestart")
        unit = (UNITS / f"steppe-{name}.service").read_text()
        assert "TimeoutStopSec=10\n" in unit and "KillMode=mixed\n" in unit, name
