"""The ASK CLI's CloudFormation template, made from template.yaml so there is one source of truth.

`ask deploy` (ask-resources.json, `@ask-cli/cfn-deployer`) builds the code through
`hooks/build.sh`, uploads the zip to S3 and deploys a CloudFormation template whose parameters it
fills itself: `SkillId`, `LambdaRuntime`, `LambdaHandler`, `CodeBucket`, `CodeKey` and
`CodeVersion`; it reads the function's ARN from the `SkillEndpoint` output and writes it into
skill.json (and the events endpoint for `SKILL_DISABLED`). The SAM template takes the code from a
local path instead (`sam deploy`). This module rewrites exactly those differences and checks that
each was found, so a change to template.yaml that breaks the rewrite fails loudly.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[1] / "template.yaml"

_CFN_PARAMETERS = '''  LambdaRuntime:
    Type: String
    Description: Set by the ASK CLI from ask-resources.json (userConfig.runtime).
  LambdaHandler:
    Type: String
    Description: Set by the ASK CLI from ask-resources.json (userConfig.handler).
  CodeBucket:
    Type: String
    Description: Set by the ASK CLI, which uploads the zip hooks/build.sh built.
  CodeKey:
    Type: String
    Description: Set by the ASK CLI.
  CodeVersion:
    Type: String
    Description: Set by the ASK CLI (the S3 object version of this build).
'''

# (what the SAM template says, what the cfn-deployer's template says instead, how many times):
# both functions (the skill and its policy pages) run the one zip on the one runtime.
_REWRITES: tuple[tuple[str, str, int], ...] = (
    ("Parameters:\n", "Parameters:\n" + _CFN_PARAMETERS, 1),
    ("      CodeUri: dist/skill.zip\n",
     "      CodeUri:\n        Bucket: !Ref CodeBucket\n        Key: !Ref CodeKey\n"
     "        Version: !Ref CodeVersion\n", 2),
    ("      Handler: lambda_function.lambda_handler\n", "      Handler: !Ref LambdaHandler\n", 1),
    ("      Runtime: !Ref Runtime\n", "      Runtime: !Ref LambdaRuntime\n", 2),
)


class TemplateError(ValueError):
    """template.yaml no longer has a line the rewrite relies on."""


def cfn_template(sam: str) -> str:
    """The cfn-deployer's template: template.yaml with the code, runtime and handler taken
    from the parameters the ASK CLI sets."""
    text = sam
    for old, new, times in _REWRITES:
        if text.count(old) != times:
            raise TemplateError(f"template.yaml: expected {old.strip()!r} exactly {times} "
                                f"time(s), found {text.count(old)}")
        text = text.replace(old, new)
    return text.replace(
        "  Runtime:\n    Type: String\n    Description: Must match `neck-twitch package --python` "
        "(its .pyc are compiled per version).\n    AllowedValues: [python3.12, python3.13]\n"
        "    Default: python3.12\n", "")


def write_cfn_template(out: Path, template: Path = TEMPLATE) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(cfn_template(template.read_text(encoding="utf-8")), encoding="utf-8")
    return out
