"""The `cairn` command.

Subcommands live in their own modules and are imported only when run, so that
`cairn check` starts without importing Django.
"""

from __future__ import annotations

import importlib

import click

from cairn.errors import NotFound

# name -> "module:function"; each module stays small and owns one command.
COMMANDS = {
    "serve": "cairn.cli.serve:serve",
    "manage": "cairn.cli.admin:manage",
    "createuser": "cairn.cli.admin:createuser",
    "deleteuser": "cairn.cli.deleteuser:deleteuser",
    "check": "cairn.cli.check:check",
    "smart-eval": "cairn.cli.smart_eval:smart_eval",
    "plan": "cairn.cli.plan:plan",
    "worker": "cairn.cli.worker:worker",
    "export": "cairn.cli.export:export",
    "import": "cairn.cli.importing:import_",
    "goals": "cairn.cli.goals:goals",
    "checkin": "cairn.cli.goals:checkin",
    "done": "cairn.cli.goals:done",
    "data": "cairn.cli.data:data",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when it is invoked."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> object:
        # The access rules raise NotFound for what is missing or someone else's: a plain
        # message in a terminal, as the web answers 404.
        try:
            return super().invoke(ctx)
        except NotFound as error:
            raise click.ClickException(str(error)) from error


@click.group(cls=LazyGroup)
@click.version_option(package_name="cairn")
def main() -> None:
    """Cairn: define career goals and actually reach them.

    \b
    Examples:
        cairn serve                      # run the web app at http://127.0.0.1:8000/
        cairn check "earn 100K by 2027"  # is this goal SMART?
        cairn createuser alice --email alice@example.com
    """
