#!/usr/bin/env bash
# `ask deploy` runs this to build the skill's code: $1 is the zip it wants, $2 "true" for debug.
# The zip is `neck-twitch package` (arm64, Python 3.12, as ask-resources.json deploys), and the
# CloudFormation template the ASK CLI then deploys is made from template.yaml here too.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${NECK_TWITCH_CLI:-$root/.venv/bin/neck-twitch}"
if [ ! -x "$cli" ]; then
  echo "hooks/build.sh: $cli not found: run 'make install' first" >&2
  exit 1
fi
"$cli" package --out "$1" --cfn-template "$root/.ask/skill-stack.yaml"
