"""The docs are complete because a test says so: every command and option is in the README."""

from __future__ import annotations

from pathlib import Path

import click

from sitrep.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "sitrep") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        found.extend(commands(command, path) if isinstance(command, click.Group) else [(path, command)])
    return found


def test_readme_opens_with_the_two_commands():
    head = README.splitlines()[:8]
    assert any(line.startswith("make demo") for line in head)
    assert any(line.startswith("make test") for line in head)


def test_every_command_and_option_is_documented():
    for path, command in commands(main):
        assert path in README, f"{path} is not in the README"
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert any(opt in README for opt in param.opts), f"{path} {param.opts} is not in the README"
