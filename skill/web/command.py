"""`neck-twitch serve`: run the web service on Flask's development server."""

from __future__ import annotations

import logging
import os

import click

NO_VERIFY_BANNER = (
    "WARNING: --no-verify turns Alexa request verification OFF. Anyone who can reach this port "
    "can call the skill. Use it for local testing only, never in production."
)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    show_default="5000 or $PORT",
    help="TCP port to listen on.",
)
@click.option(
    "--no-verify",
    is_flag=True,
    help="Skip Alexa signature and timestamp checks (LOCAL TESTING ONLY).",
)
@click.option(
    "--any-skill",
    is_flag=True,
    help="Without SKILL_ID, answer signed requests for any skill (refused otherwise).",
)
def serve(host: str, port: int | None, no_verify: bool, any_skill: bool) -> None:
    """Serve the skill over HTTP for development (production: gunicorn, see docs/web.md).

    POST / is the skill endpoint, GET /healthz answers 200. Put it behind TLS before Alexa
    can call it. With verification on it needs SKILL_ID (or --any-skill) and an
    NECK_TWITCH_ID_SALT of your own in the environment.
    """
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from skill.web.startup import ConfigurationError, check_port

    if port is None:
        try:
            port = check_port(os.environ) or 5000
        except ConfigurationError as error:
            raise click.ClickException(str(error)) from None
    if no_verify:
        click.secho(NO_VERIFY_BANNER, fg="red", bold=True, err=True)
    from skill.web import create_app

    try:
        app = create_app(verify=not no_verify, any_skill=any_skill)
    except (FileNotFoundError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Serving the skill on http://{host}:{port}/ (development server)", err=True)
    app.run(host=host, port=port, debug=False, threaded=True, load_dotenv=False)
