"""`neck-twitch check-model`: print each problem, one line each; exit 1 on any error."""

from __future__ import annotations

from pathlib import Path

import click

from skill.model_check.files import MODEL_DIR
from skill.model_check.package import check_package
from skill.publishing import PUBLISHING_FILE, Publishing, PublishingError, load_publishing


@click.command("check-model")
@click.option("--locale", default=None, metavar="LOCALE",
              help="Check only this locale's model (default: every model in the package).")
@click.option("--model-dir", type=click.Path(path_type=Path, file_okay=False), default=MODEL_DIR,
              show_default=True, help="An ASK CLI skill package folder.")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@click.option("--ready", is_flag=True,
              help="The package is about to be submitted: a missing or placeholder privacy or "
                   "terms address fails, as does a publishing file that is not filled in or "
                   "not the one skill.json was built from.")
@click.option("--publishing", "publishing_file", type=click.Path(path_type=Path, dir_okay=False),
              default=PUBLISHING_FILE, show_default=True,
              help="The publishing file (read with --ready).")
def check_model(locale: str | None, model_dir: Path, strict: bool, ready: bool,
                publishing_file: Path) -> None:
    """Check interaction models against Amazon's rules, the handlers and the triage rules."""
    publishing: Publishing | None = None
    if ready:
        try:
            publishing = load_publishing(publishing_file)
        except PublishingError as exc:
            raise click.ClickException(str(exc)) from exc
    report = check_package(model_dir, None if locale is None else [locale], ready=ready,
                           publishing=publishing)
    for problem in report.problems:
        click.echo(str(problem), err=True)
    failing = report.problems if strict else report.errors
    if failing:
        what = "not ready to submit" if ready else "problem(s)"
        raise click.ClickException(f"{len(failing)} problem(s) in {model_dir}" if not ready
                                   else f"{len(failing)} problem(s): {model_dir} is {what}")
    warnings = f" ({len(report.warnings)} warning(s))" if report.warnings else ""
    ready_note = ", ready to submit" if ready else ""
    click.echo(f"{', '.join(report.locales)}: {report.intents} intents, {report.samples} samples "
               f"agree with the skill{ready_note}{warnings}")
