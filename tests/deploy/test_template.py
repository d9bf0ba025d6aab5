"""template.yaml and ask-resources.json: cfn-lint clean, and consistent with the zip's layout."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cfnlint.api import lint_file
from cfnlint.decode import decode

from skill import packaging
from skill.storage import SALT_ENV, dynamodb, storage_spec

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "template.yaml"
PSEUDO_PARAMETERS = {"AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::NoValue",
                     "AWS::Partition", "AWS::URLSuffix", "AWS::StackId"}  # fmt: skip


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    decoded, matches = decode(str(TEMPLATE))
    assert not matches, [str(m) for m in matches]
    assert isinstance(decoded, dict)
    return decoded


@pytest.fixture(scope="module")
def function(template: dict[str, Any]) -> dict[str, Any]:
    resource = template["Resources"]["SkillFunction"]
    assert resource["Type"] == "AWS::Serverless::Function"
    properties: dict[str, Any] = resource["Properties"]
    return properties


def test_cfn_lint_reports_no_errors_or_warnings() -> None:
    problems = [m for m in lint_file(TEMPLATE) if m.rule.id[0] in "EW"]
    assert problems == [], "\n".join(str(m) for m in problems)


def test_cfn_lint_is_not_blind(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(TEMPLATE.read_text().replace("Timeout: 8", "Timeout: eight"))
    assert any(m.rule.id.startswith("E") for m in lint_file(broken))


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "Ref":
                yield value
            elif key == "Fn::GetAtt":
                yield value[0] if isinstance(value, list) else value.split(".")[0]
            elif key == "Fn::Sub" and isinstance(value, str):
                yield from (part.split("}")[0].split(".")[0] for part in value.split("${")[1:])
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def test_every_reference_names_a_parameter_or_resource(template: dict[str, Any]) -> None:
    # SAM makes `<Function>Url` for a function with a FunctionUrlConfig.
    generated = {f"{name}Url" for name, resource in template["Resources"].items()
                 if "FunctionUrlConfig" in resource.get("Properties", {})}
    known = set(template["Parameters"]) | set(template["Resources"]) | PSEUDO_PARAMETERS \
        | generated
    unknown = sorted(set(_refs(template["Resources"])) - known)
    assert unknown == []
    assert sorted(set(_refs(template["Outputs"])) - known) == []


def test_handler_runtime_and_code_match_the_package(function: dict[str, Any]) -> None:
    module, _, attribute = function["Handler"].partition(".")
    assert module == "lambda_function"
    entry = ast.parse((REPO / "lambda" / "lambda_function.py").read_text())
    defined = {n.name for n in entry.body if isinstance(n, ast.FunctionDef)}
    assert attribute in defined, f"lambda/lambda_function.py defines no {attribute}"
    assert function["Runtime"] == {"Ref": "Runtime"}
    default_out = next(p.default for p in packaging.package.params if p.name == "out")
    assert Path(function["CodeUri"]) == Path(str(default_out))


def test_runtime_parameter_matches_the_package_choices(template: dict[str, Any]) -> None:
    parameter = template["Parameters"]["Runtime"]
    assert parameter["AllowedValues"] == [f"python{v}" for v in packaging.PYTHONS]
    assert parameter["Default"] == f"python{packaging.DEFAULT_PYTHON}"


def test_architecture_parameter_matches_the_package_choices(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    parameter = template["Parameters"]["Architecture"]
    assert set(parameter["AllowedValues"]) == set(packaging.PLATFORMS)
    assert parameter["Default"] == packaging.DEFAULT_ARCH
    assert function["Architectures"] == [{"Ref": "Architecture"}]


def test_only_this_skill_can_invoke_the_function(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    events = function["Events"]
    assert len(events) == 1
    (event,) = events.values()
    assert event["Type"] == "AlexaSkill"
    assert event["Properties"]["SkillId"] == {"Ref": "SkillId"}
    assert "AllowedPattern" in template["Parameters"]["SkillId"]
    assert "Default" not in template["Parameters"]["SkillId"]
    assert function["Environment"]["Variables"]["SKILL_ID"] == {"Ref": "SkillId"}


def test_memory_table_is_optional_with_ttl(template: dict[str, Any]) -> None:
    table = template["Resources"]["MemoryTable"]
    assert table["Type"] == "AWS::DynamoDB::Table"
    assert table["Condition"] == "UseMemory"
    assert template["Conditions"]["UseMemory"] == {"Fn::Equals": [{"Ref": "Memory"}, "enabled"]}
    assert template["Parameters"]["Memory"]["Default"] == "disabled"
    properties = table["Properties"]
    assert properties["BillingMode"] == "PAY_PER_REQUEST"
    assert properties["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}


def test_table_matches_what_the_skill_stores(
    template: dict[str, Any], function: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")  # the SDK's adapter module needs one
    properties = template["Resources"]["MemoryTable"]["Properties"]
    assert properties["TimeToLiveSpecification"]["AttributeName"] == dynamodb.TTL_ATTRIBUTE
    assert properties["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    adapter = dynamodb.dynamodb_adapter("memory", resource=object())
    assert getattr(adapter, "partition_key_name", None) == "id"
    # The function finds the table through TABLE_NAME, the name the template passes.
    assert "TABLE_NAME" in function["Environment"]["Variables"]
    assert storage_spec({"TABLE_NAME": "memory"}) == "dynamodb:memory"
    # Ids are hashed with the deployer's secret, passed under the name the skill reads.
    assert function["Environment"]["Variables"][SALT_ENV] == {"Ref": "IdSalt"}
    assert template["Parameters"]["IdSalt"]["NoEcho"] is True


def test_iam_allows_only_item_operations_on_the_memory_table(function: dict[str, Any]) -> None:
    (policy,) = function["Policies"]
    condition, document, otherwise = policy["Fn::If"]
    assert condition == "UseMemory" and otherwise == {"Ref": "AWS::NoValue"}
    (statement,) = document["Statement"]
    assert statement["Effect"] == "Allow"
    assert statement["Resource"] == {"Fn::GetAtt": ["MemoryTable", "Arn"]}
    # What ask_sdk_dynamodb's adapter calls: get_item, put_item, delete_item. No scans, no
    # table management (the template creates the table).
    assert sorted(statement["Action"]) == [
        "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem",
    ]  # fmt: skip
    variables = function["Environment"]["Variables"]
    assert variables["TABLE_NAME"] == {"Fn::If": ["UseMemory", {"Ref": "MemoryTable"}, ""]}


def test_ask_resources_deploys_the_interaction_model_folder() -> None:
    config = json.loads((REPO / "ask-resources.json").read_text())
    profile = config["profiles"]["default"]
    source = REPO / profile["skillMetadata"]["src"]
    manifest = json.loads((source / "skill.json").read_text())
    assert "manifest" in manifest
    models = sorted((source / "interactionModels" / "custom").glob("*.json"))
    assert models, f"{source} has no interactionModels/custom/<locale>.json"
    locales = set(manifest["manifest"]["publishingInformation"]["locales"])
    assert {model.stem for model in models} >= locales


# --- one-command deploy: ask deploy with the ASK CLI's CloudFormation deployer -----------------

# The parameters @ask-cli/cfn-deployer sets itself (ask-cli lib/builtins/deploy-delegates/
# cfn-deployer/index.js, _mapStackParameters), and the output it reads the endpoint from.
CFN_DEPLOYER_PARAMETERS = {"SkillId", "LambdaRuntime", "LambdaHandler", "CodeBucket", "CodeKey",
                           "CodeVersion"}


@pytest.fixture(scope="module")
def cfn_stack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    from skill.deploy import write_cfn_template

    path = write_cfn_template(tmp_path_factory.mktemp("ask") / "skill-stack.yaml")
    decoded, matches = decode(str(path))
    assert not matches, [str(m) for m in matches]
    assert isinstance(decoded, dict)
    return path, decoded


def test_the_ask_cli_template_is_made_from_template_yaml_and_lints(
        cfn_stack: tuple[Path, dict[str, Any]], template: dict[str, Any]) -> None:
    path, stack = cfn_stack
    assert [str(m) for m in lint_file(path)] == []
    assert set(stack["Parameters"]) >= CFN_DEPLOYER_PARAMETERS
    user_parameters = set(template["Parameters"]) - {"Runtime"}
    assert set(stack["Parameters"]) == user_parameters | CFN_DEPLOYER_PARAMETERS
    properties = stack["Resources"]["SkillFunction"]["Properties"]
    assert properties["CodeUri"] == {"Bucket": {"Ref": "CodeBucket"}, "Key": {"Ref": "CodeKey"},
                                     "Version": {"Ref": "CodeVersion"}}
    assert properties["Handler"] == {"Ref": "LambdaHandler"}
    assert properties["Runtime"] == {"Ref": "LambdaRuntime"}
    policy = stack["Resources"]["PolicyFunction"]["Properties"]
    assert policy["CodeUri"] == properties["CodeUri"]
    assert policy["Runtime"] == {"Ref": "LambdaRuntime"}
    assert policy["Handler"] == template["Resources"]["PolicyFunction"]["Properties"]["Handler"]
    # Everything else is the SAM template's, word for word.
    for name in ("MemoryTable", "SkillFunctionLogs", "PolicyFunctionLogs",
                 "PolicyFunctionUrlInvoke"):
        assert stack["Resources"][name] == template["Resources"][name]
    assert stack["Outputs"]["SkillEndpoint"]["Value"] == {"Fn::GetAtt": ["SkillFunction", "Arn"]}
    assert stack["Rules"] == template["Rules"]
    assert stack["Outputs"]["PrivacyPolicyUrl"] == template["Outputs"]["PrivacyPolicyUrl"]


def test_the_policy_pages_are_served_at_a_public_function_url(template: dict[str, Any]) -> None:
    resource = template["Resources"]["PolicyFunction"]
    properties = resource["Properties"]
    assert resource["Type"] == "AWS::Serverless::Function"
    assert properties["FunctionUrlConfig"] == {"AuthType": "NONE"}
    assert properties["CodeUri"] == template["Resources"]["SkillFunction"]["Properties"]["CodeUri"]
    assert "Events" not in properties and "Policies" not in properties  # reads only its zip
    module, _, attribute = properties["Handler"].rpartition(".")
    source = (REPO / Path(*module.split("."))).with_suffix(".py")
    assert f"def {attribute}(" in source.read_text(), f"{source} defines no {attribute}"
    # Since October 2025 a function URL needs lambda:InvokeFunction too, only through the URL.
    permission = template["Resources"]["PolicyFunctionUrlInvoke"]["Properties"]
    assert permission == {"Action": "lambda:InvokeFunction",
                          "FunctionName": {"Ref": "PolicyFunction"}, "Principal": "*",
                          "InvokedViaFunctionUrl": True}
    outputs = template["Outputs"]
    assert outputs["PrivacyPolicyUrl"]["Value"] == {
        "Fn::Sub": "${PolicyFunctionUrl.FunctionUrl}privacy"}
    assert outputs["TermsOfUseUrl"]["Value"] == {
        "Fn::Sub": "${PolicyFunctionUrl.FunctionUrl}terms"}
    from skill.policy_page import ROUTES

    assert set(ROUTES) == {"/privacy", "/terms"}


def test_a_template_the_rewrite_does_not_fit_is_a_clear_error() -> None:
    from skill.deploy import TemplateError, cfn_template

    with pytest.raises(TemplateError, match=r"CodeUri: dist/skill\.zip.* exactly 2 time"):
        cfn_template(TEMPLATE.read_text().replace("CodeUri: dist/skill.zip", "CodeUri: x.zip"))


def test_ask_resources_deploys_everything_with_the_cfn_deployer(template: dict[str, Any]) -> None:
    config = json.loads((REPO / "ask-resources.json").read_text())
    profile = config["profiles"]["default"]
    infra = profile["skillInfrastructure"]
    assert infra["type"] == "@ask-cli/cfn-deployer"
    user = infra["userConfig"]
    assert user["runtime"] in template["Parameters"]["Runtime"]["AllowedValues"]
    module, _, function = user["handler"].partition(".")
    source = REPO / profile["code"]["default"]["src"]
    assert f"def {function}(" in (source / f"{module}.py").read_text()
    # The template it deploys is made by the build hook, in the ASK CLI's own git-ignored folder.
    assert user["templatePath"] == "./.ask/skill-stack.yaml"
    assert ".ask/" in (REPO / ".gitignore").read_text().splitlines()
    parameters = user["cfn"]["parameters"]
    assert not set(parameters) & CFN_DEPLOYER_PARAMETERS
    assert set(parameters) <= set(template["Parameters"])
    assert parameters["Memory"] == "disabled"  # health data: memory stays off unless chosen
    assert parameters["Architecture"] == packaging.DEFAULT_ARCH
    assert set(user["cfn"]["capabilities"]) == {"CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"}
    assert user["skillEvents"]["subscriptions"] == ["SKILL_DISABLED"]


def test_the_build_hook_packages_the_zip_and_the_template(tmp_path: Path) -> None:
    import subprocess

    hook = REPO / "hooks" / "build.sh"
    assert hook.stat().st_mode & 0o111, "the ASK CLI runs hooks/build.sh directly"
    fake = tmp_path / "neck-twitch"
    fake.write_text(f'#!/bin/sh\necho "$@" > {tmp_path}/args\n')
    fake.chmod(0o755)
    subprocess.run([str(hook), str(tmp_path / "build.zip"), "false"], check=True,
                   env={"NECK_TWITCH_CLI": str(fake), "PATH": "/usr/bin:/bin"})
    args = (tmp_path / "args").read_text().split()
    assert args == ["package", "--out", str(tmp_path / "build.zip"), "--cfn-template",
                    str(REPO / ".ask" / "skill-stack.yaml")]
    missing = subprocess.run([str(hook), str(tmp_path / "x.zip")], capture_output=True,
                             text=True, env={"NECK_TWITCH_CLI": str(tmp_path / "none"),
                                             "PATH": "/usr/bin:/bin"})
    assert missing.returncode == 1 and "make install" in missing.stderr


def test_memory_on_aws_needs_a_salt_of_its_own(template: dict[str, Any]) -> None:
    rule = template["Rules"]["SaltWithMemory"]
    assert rule["RuleCondition"] == {"Fn::Equals": [{"Ref": "Memory"}, "enabled"]}
    assert rule["Assertions"][0]["Assert"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "IdSalt"}, ""]}]}


def test_package_writes_the_ask_cli_template(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    built: list[Path] = []

    def fake_build(out: Path, *_args: object, **_kwargs: object) -> Any:
        built.append(out)
        return packaging.Bundle(path=out, sha256="0" * 64, size=1024, files=1)

    monkeypatch.setattr(packaging, "build_skill_bundle", fake_build)
    result = CliRunner().invoke(packaging.package, [
        "--out", str(tmp_path / "skill.zip"), "--cfn-template", str(tmp_path / "stack.yaml")])
    assert result.exit_code == 0, result.output
    assert "CodeBucket" in (tmp_path / "stack.yaml").read_text()
    assert built == [tmp_path / "skill.zip"]


# --- the skill package from publishing.yaml, and the sam deploy path's SKILL_DISABLED ----------

ARN = "arn:aws:lambda:us-east-1:123456789012:function:neck-twitch-check-SkillFunction-ABC"
LOCALES = ["en-AU", "en-CA", "en-GB", "en-IN", "en-US", "es-ES", "es-MX", "es-US"]


def publishing_file(path: Path, contact: str = "privacy@neckcheck.net") -> Path:
    path.write_text("privacy_policy_url: https://neckcheck.net/privacy\n"
                    "terms_of_use_url: https://neckcheck.net/terms\n"
                    f"contact: {contact}\n", encoding="utf-8")
    return path


def test_the_skill_package_is_built_from_the_publishing_file(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from skill.model_check import check_package
    from skill.publishing import load_publishing

    package = tmp_path / "interaction_model"
    shutil.copytree(REPO / "interaction_model", package)
    publishing = publishing_file(tmp_path / "publishing.yaml")
    before = check_package(package, ready=True, publishing=load_publishing(publishing))
    assert any("privacyAndCompliance" in p.path for p in before.errors)
    result = CliRunner().invoke(packaging.package, [
        "--skill-package", "--publishing", str(publishing), "--model-dir", str(package),
        "--endpoint", ARN])
    assert result.exit_code == 0, result.output
    manifest = json.loads((package / "skill.json").read_text())["manifest"]
    assert manifest["privacyAndCompliance"]["locales"] == {
        locale: {"privacyPolicyUrl": "https://neckcheck.net/privacy",
                 "termsOfUseUrl": "https://neckcheck.net/terms"} for locale in LOCALES}
    # What ask deploy writes itself, for the sam deploy path: the endpoint and SKILL_DISABLED.
    assert manifest["apis"]["custom"]["endpoint"] == {"uri": ARN}
    assert manifest["events"] == {"endpoint": {"uri": ARN},
                                  "subscriptions": [{"eventName": "SKILL_DISABLED"}]}
    assert manifest["apis"]["custom"]["interfaces"] == [{"type": "ALEXA_PRESENTATION_APL"}]
    after = check_package(package, ready=True, publishing=load_publishing(publishing))
    assert not [p for p in after.errors if "privacyAndCompliance" in p.path
                or p.file == "publishing.yaml"]


def test_no_placeholder_is_written_into_the_skill_package(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    package = tmp_path / "interaction_model"
    shutil.copytree(REPO / "interaction_model", package)
    original = (package / "skill.json").read_text()
    placeholder = tmp_path / "publishing.yaml"
    placeholder.write_text("privacy_policy_url: https://example.com/privacy\n"
                           "terms_of_use_url: ''\ncontact: me@neckcheck.net\n")
    result = CliRunner().invoke(packaging.package, [
        "--skill-package", "--publishing", str(placeholder), "--model-dir", str(package)])
    assert result.exit_code == 1
    assert "privacy_policy_url: 'https://example.com/privacy' is a placeholder" in result.output
    assert "terms_of_use_url: not given" in result.output
    assert (package / "skill.json").read_text() == original
    good = publishing_file(tmp_path / "good.yaml")
    result = CliRunner().invoke(packaging.package, [
        "--skill-package", "--publishing", str(good), "--model-dir", str(package),
        "--endpoint", "my-function"])
    assert result.exit_code == 1 and "is not a Lambda function ARN" in result.output
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("privacy_url: https://neckcheck.net/privacy\n")
    result = CliRunner().invoke(packaging.package, [
        "--skill-package", "--publishing", str(unknown), "--model-dir", str(package)])
    assert result.exit_code == 1 and "unknown key(s) privacy_url" in result.output


def test_the_committed_publishing_file_gives_nothing_yet() -> None:
    from skill.publishing import PUBLISHING_FILE, load_publishing

    assert PUBLISHING_FILE == REPO / "publishing.yaml"
    assert [name for name, _ in load_publishing().problems()] == [
        "privacy_policy_url", "terms_of_use_url", "contact"]
