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
    known = set(template["Parameters"]) | set(template["Resources"]) | PSEUDO_PARAMETERS
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
