"""The `neck-twitch` command: subcommands are imported only when they run."""

from __future__ import annotations

import importlib

import click

# name -> "module:attribute"; each module keeps heavy imports (Flask, fuzzy matching) inside
# its command so that `neck-twitch --help` and the Lambda path stay light.
_COMMANDS: dict[str, str] = {
    "simulate": "skill.simulator.command:simulate",
    "serve": "skill.web.command:serve",
    "check-model": "skill.model_check:check_model",
    "package": "skill.packaging:package",
    "talk": "skill.voice.command:talk",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command = getattr(importlib.import_module(module_name), attr)
        if not isinstance(command, click.Command):
            raise TypeError(f"{target} is not a click command")
        return command


@click.group(cls=_LazyGroup)
@click.version_option(package_name="neck-twitch-check")
def main() -> None:
    """Neck Twitch Check: an Alexa skill, its simulator, web service, desk voice and packaging."""
