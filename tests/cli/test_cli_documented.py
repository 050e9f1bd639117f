"""Every command and option of the ``accord`` CLI is documented: in its --help and in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from accord.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_cli_every_command_is_in_the_readme_and_has_help(name):
    command = main.commands[name]
    assert f"accord {name}" in README, f"`accord {name}` is not in the README"
    assert command.help and command.help.strip(), f"`accord {name}` has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"`accord {name} {param.opts[0]}` has no help text"
