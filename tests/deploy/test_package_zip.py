"""`neck-twitch package`: what the Lambda zip holds, that it runs, and that it is reproducible.

Offline: dependencies come from this environment (the host is the target here), and the
`.pyc` are compiled by this interpreter; the real build fetches Linux wheels for the target.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from bundles import build_bundle
from click.testing import CliRunner

from skill import packaging
from skill.packaging import Bundle, PackagingError, Target
from skill.triage.datafile import fingerprint

REPO = Path(__file__).resolve().parents[2]
HOST_PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"
HOST_TAG = sys.implementation.cache_tag  # e.g. cpython-311
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
WEB_ONLY = ("flask", "werkzeug", "flask_ask_sdk", "cryptography", "rapidfuzz", "click", "gunicorn")


@pytest.fixture(scope="module")
def deps_dir(deploy_deps: Path) -> Path:
    return deploy_deps


def build(out: Path, deps_dir: Path) -> Bundle:
    return build_bundle(out, deps_dir)


@pytest.fixture(scope="module")
def bundle(deploy_bundle: Bundle) -> Bundle:
    return deploy_bundle


@pytest.fixture(scope="module")
def names(bundle: Bundle) -> list[str]:
    with zipfile.ZipFile(bundle.path) as zf:
        return zf.namelist()


@pytest.fixture(scope="module")
def extracted(deploy_extracted: Path) -> Path:
    return deploy_extracted


def test_entry_point_and_skill_package_sit_at_the_root(names: list[str]) -> None:
    assert "lambda_function.py" in names
    assert f"__pycache__/lambda_function.{HOST_TAG}.pyc" in names
    for required in (
        "skill/__init__.py",
        "skill/alexa/builder.py",
        "skill/triage/rules.yaml",
        "skill/content/en-US.yaml",
        "yaml/__init__.py",
        "ask_sdk_core/skill_builder.py",
        "ask_sdk_model/request_envelope.py",
    ):
        assert required in names, f"{required} missing from the bundle"


def test_yaml_files_ship_with_json_twins_of_the_same_data(bundle: Bundle) -> None:
    with zipfile.ZipFile(bundle.path) as zf:
        yaml_files = [n for n in zf.namelist() if n.startswith("skill/") and n.endswith(".yaml")]
        assert {"skill/triage/rules.yaml", "skill/content/en-US.yaml"} <= set(yaml_files)
        for name in yaml_files:
            twin = json.loads(zf.read(name + ".json"))
            assert twin["source"] == fingerprint(zf.read(name))
            assert twin["data"] == yaml.safe_load(zf.read(name)), name


def test_no_tests_caches_tooling_or_web_only_dependencies(names: list[str]) -> None:
    tops = {name.split("/", 1)[0] for name in names}
    assert not tops & {"tests", "benchmarks", "lambda", "bin", "interaction_model"}, tops
    for package in WEB_ONLY:
        assert package not in tops, f"{package} is web/CLI-only and must not be bundled"
    for excluded in ("skill/web/", "skill/simulator/", "skill/cli.py", "skill/packaging.py"):
        assert not any(name.startswith(excluded) for name in names), excluded
    assert not [n for n in names if n.endswith(".pyc") and f".{HOST_TAG}." not in n]
    assert not [n for n in names if n.endswith("/RECORD") or n.endswith("/direct_url.json")]


def test_every_module_has_an_unchecked_hash_pyc_for_the_target(bundle: Bundle) -> None:
    with zipfile.ZipFile(bundle.path) as zf:
        names = set(zf.namelist())
        sources = [n for n in names if n.endswith(".py")]
        assert len(sources) > 100
        for source in sources:
            folder, _, file = source.rpartition("/")
            pyc = f"{folder}/__pycache__/{file[:-3]}.{HOST_TAG}.pyc".lstrip("/")
            assert pyc in names, f"{source} has no precompiled {pyc}"
            header = zf.read(pyc)[:16]
            assert header[:4] == importlib.util.MAGIC_NUMBER, f"{pyc} is for another Python"
            (flags,) = struct.unpack("<I", header[4:8])
            # bit 0: hash-based; bit 1 clear: never checked against the (read-only) source.
            assert flags == 0b01, f"{pyc} has flags {flags:#b}"


def test_entries_have_fixed_dates_and_modes(bundle: Bundle) -> None:
    with zipfile.ZipFile(bundle.path) as zf:
        infos = zf.infolist()
    assert [info.filename for info in infos] == sorted(info.filename for info in infos)
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    assert bundle.files == len(infos)


def test_same_tree_gives_the_same_bytes(bundle: Bundle, deps_dir: Path, tmp_path: Path) -> None:
    again = build(tmp_path / "again.zip", deps_dir)
    assert again.sha256 == bundle.sha256
    assert hashlib.sha256(again.path.read_bytes()).hexdigest() == again.sha256


def test_bytes_do_not_depend_on_where_the_tree_is_or_its_mtimes(
    deps_dir: Path, tmp_path: Path
) -> None:
    entry = REPO / "lambda" / "lambda_function.py"
    moved = tmp_path / "elsewhere"
    shutil.copytree(REPO / "skill", moved / "skill", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(entry, moved / "lambda_function.py")
    for path in moved.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))

    def bundle_from(skill_dir: Path, entry_point: Path, out: Path) -> str:
        return packaging.build_bundle(
            out,
            entry_point=entry_point,
            packages=[skill_dir],
            deps_dir=deps_dir,
            target=Target("x86_64", HOST_PYTHON),
            compile_with=sys.executable,
        ).sha256

    original = bundle_from(REPO / "skill", entry, tmp_path / "a.zip")
    assert bundle_from(moved / "skill", moved / "lambda_function.py", tmp_path / "b.zip") == (
        original
    )


_RUN_BUNDLE = """
import json, sys
sys.path[:0] = sys.argv[1:3]  # /var/task, then what the Lambda runtime itself provides
import lambda_function
event = json.loads(sys.stdin.read())
response = lambda_function.lambda_handler(event, None)
bundle = sys.argv[1]
foreign = sorted(
    name for name, module in sys.modules.items()
    if name.split(".")[0] in {"skill", "yaml", "ask_sdk_core", "ask_sdk_model", "lambda_function"}
    and getattr(module, "__file__", None) and not module.__file__.startswith(bundle)
)
print(json.dumps({"response": response, "foreign": foreign, "modules": sorted(sys.modules)}))
"""


def launch_event() -> dict[str, Any]:
    application = {"applicationId": SKILL_ID}
    user = {"userId": "amzn1.ask.account.TESTUSER"}
    return {
        "version": "1.0",
        "session": {"new": True, "sessionId": "amzn1.echo-api.session.pkg",
                    "application": application, "attributes": {}, "user": user},
        "context": {"System": {"application": application, "user": user,
                               "device": {"deviceId": "d", "supportedInterfaces": {}},
                               "apiEndpoint": "https://api.amazonalexa.com"}},
        "request": {"type": "LaunchRequest", "requestId": "amzn1.echo-api.request.pkg",
                    "timestamp": "2026-11-24T12:00:00Z", "locale": "en-US"},
    }  # fmt: skip


@pytest.fixture(scope="module")
def lambda_runtime(deploy_runtime: Path) -> Path:
    return deploy_runtime


def test_bundle_answers_a_launch_request_on_its_own_from_its_pyc(
    extracted: Path, lambda_runtime: Path
) -> None:
    # -S: no site-packages, so everything must come from the bundle (or what Lambda provides);
    # -B: nothing is written, as on Lambda's read-only code folder; -v: the import system says
    # which .pyc it loaded.
    folders = [str(extracted), str(lambda_runtime)]
    result = subprocess.run(
        [sys.executable, "-S", "-E", "-B", "-v", "-c", _RUN_BUNDLE, *folders],
        input=json.dumps(launch_event()),
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": os.environ.get("PATH", ""),
            "SKILL_ID": SKILL_ID,
            "AWS_LAMBDA_FUNCTION_NAME": "neck-twitch-check-test",
            "LAMBDA_TASK_ROOT": str(extracted),
        },
        cwd=extracted,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["foreign"] == [], "modules loaded from outside the bundle"
    speech = report["response"]["response"]["outputSpeech"]["ssml"]
    assert "<speak>" in speech and len(speech) > 40
    assert report["response"]["response"].get("shouldEndSession") is not True
    assert not set(report["modules"]) & set(WEB_ONLY)
    # The rules and the words came from the JSON twins written at packaging time.
    assert "yaml" not in report["modules"]
    from_cache = [line for line in result.stderr.splitlines() if line.startswith("# code object")]
    for module in ("lambda_function", "skill/alexa/builder", "skill/triage/rules"):
        folder, _, name = module.rpartition("/")
        pyc = f"{folder}/__pycache__/{name}.{HOST_TAG}.pyc".lstrip("/")
        assert any(line.endswith(f"{extracted}/{pyc}'") for line in from_cache), (
            f"{module} was not imported from its precompiled .pyc"
        )


_MEMORY_ADAPTER = """
import sys
sys.path[:0] = sys.argv[1:3]
from skill.storage import adapter_for, storage_spec
adapter = adapter_for(storage_spec())
import ask_sdk_dynamodb.adapter, boto3
print(isinstance(adapter, ask_sdk_dynamodb.adapter.DynamoDbAdapter))
print(ask_sdk_dynamodb.adapter.__file__)
print(boto3.__file__)
"""


def test_with_the_memory_table_the_bundle_builds_its_dynamodb_adapter(
    extracted: Path, lambda_runtime: Path
) -> None:
    # Memory=enabled in template.yaml sets TABLE_NAME: the adapter is in the zip, boto3 is not.
    result = subprocess.run(
        [sys.executable, "-S", "-E", "-B", "-c", _MEMORY_ADAPTER, str(extracted),
         str(lambda_runtime)],
        capture_output=True, text=True, check=False, cwd=extracted, timeout=60,
        env={"PATH": os.environ.get("PATH", ""), "AWS_LAMBDA_FUNCTION_NAME": "neck-twitch-test",
             "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1",
             "TABLE_NAME": "neck-twitch-memory"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    is_adapter, adapter_file, boto3_file = result.stdout.split()
    assert is_adapter == "True"
    assert adapter_file.startswith(str(extracted))
    assert boto3_file.startswith(str(lambda_runtime))


def test_dependency_staging_drops_what_lambda_has_or_never_runs(tmp_path: Path) -> None:
    deps, staging = tmp_path / "deps", tmp_path / "staging"
    for name in (
        "six.py", "pkg/__init__.py", "pkg/data.json", "pkg-1.0.dist-info/METADATA",
        "pkg-1.0.dist-info/RECORD", "pkg-1.0.dist-info/INSTALLER", "pkg/__pycache__/x.pyc",
        "pkg/stub.pyi", "bin/normalizer", "botocore/__init__.py",
        "botocore-1.35.0.dist-info/METADATA", "boto3/__init__.py", "jmespath/__init__.py",
        ".complete",
    ):  # fmt: skip
        (deps / name).parent.mkdir(parents=True, exist_ok=True)
        (deps / name).write_text("x")
    staging.mkdir()
    packaging._stage_dependencies(deps, staging)
    staged = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
    assert staged == [
        "pkg-1.0.dist-info/METADATA", "pkg/__init__.py", "pkg/data.json", "six.py",
    ]  # fmt: skip


def test_runtime_requirements_match_the_project_dependencies() -> None:
    def names(requirements: list[str]) -> set[str]:
        return {packaging._normalise(packaging._requirement_name(r)) for r in requirements}

    # Everything the project itself needs at run time is bundled (lambda/requirements.txt may
    # add what an extra brings, such as a persistence adapter).
    bundled = names(packaging.runtime_requirements())
    assert bundled >= names(packaging.declared_requirements())
    assert "click" not in bundled and {"ask-sdk-core", "pyyaml"} <= bundled


def test_compiling_with_the_wrong_python_is_refused(deps_dir: Path, tmp_path: Path) -> None:
    other = "3.13" if HOST_PYTHON != "3.13" else "3.12"
    result = CliRunner().invoke(
        packaging.package,
        ["--out", str(tmp_path / "x.zip"), "--python", other, "--deps-dir", str(deps_dir),
         "--compile-with", sys.executable],
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"is Python {HOST_PYTHON}, not {other}" in result.output
    assert not (tmp_path / "x.zip").exists()


def test_find_interpreter() -> None:
    assert packaging._interpreter_version(packaging.find_interpreter(HOST_PYTHON)) == HOST_PYTHON
    with pytest.raises(PackagingError, match="--compile-with"):
        packaging.find_interpreter("3.99")


def test_target_validation() -> None:
    assert Target("arm64", "3.12").platform == "manylinux2014_aarch64"
    assert Target("x86_64", "3.13").pyc_tag == "cpython-313"
    with pytest.raises(PackagingError):
        Target("mips", "3.12")
    with pytest.raises(PackagingError):
        Target("arm64", "twelve")


_POLICY = """
import json, sys
sys.path[:0] = sys.argv[1:2]
import skill.policy_page as page
for method, path in (("GET", "/privacy"), ("GET", "/terms/"), ("GET", "/nope"), ("POST", "/terms")):
    event = {"rawPath": path, "requestContext": {"http": {"method": method}}}
    print(json.dumps(page.handler(event, None)))
print(json.dumps(sorted(sys.modules)))
"""


def test_the_bundle_serves_the_policy_pages_at_its_function_url(extracted: Path) -> None:
    # template.yaml's PolicyFunction: skill.policy_page.handler behind a function URL.
    result = subprocess.run(
        [sys.executable, "-S", "-E", "-B", "-c", _POLICY, str(extracted)],
        capture_output=True, text=True, check=False, cwd=extracted, timeout=60,
        env={"PATH": os.environ.get("PATH", "")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    *responses, modules = [json.loads(line) for line in result.stdout.splitlines()]
    privacy, terms, missing, posted = responses
    assert privacy["statusCode"] == terms["statusCode"] == 200
    assert privacy["headers"]["Content-Type"] == "text/html; charset=utf-8"
    assert "<title>Neck Twitch Check: privacy policy and terms of use</title>" in privacy["body"]
    assert "<title>Neck Twitch Check: terms of use</title>" in terms["body"]
    # Built without a publishing file here: the pages say no contact was given, never a marker.
    for page in (privacy["body"], terms["body"]):
        assert "no contact has been given yet" in page and "{{contact}}" not in page
    assert missing["statusCode"] == 404 and posted["statusCode"] == 405
    assert "yaml" not in modules and "skill.alexa" not in modules


def test_policy_pages_name_the_publishing_files_contact() -> None:
    from skill.publishing import Publishing

    pages = packaging.policy_page_files(Publishing(contact="privacy@neckcheck.net"), REPO)
    assert sorted(pages) == ["policy_pages/privacy.html", "policy_pages/terms.html"]
    for page in pages.values():
        assert b"privacy@neckcheck.net" in page and b"{{contact}}" not in page


def test_tooling_stays_out_of_the_bundle(names: list[str]) -> None:
    for excluded in ("skill/model_check/", "skill/publishing.py", "skill/deploy.py"):
        assert not any(name.startswith(excluded) for name in names), excluded
    assert {"skill/policy_page.py", "policy_pages/privacy.html", "policy_pages/terms.html"} <= set(
        names
    )


def test_pins_are_the_installed_closure_of_the_runtime_requirements() -> None:
    pins = dict(pin.split("==") for pin in packaging.runtime_pins(packaging.runtime_requirements()))
    assert {"ask-sdk-core", "ask-sdk-model", "pyyaml", "python-dateutil", "botocore"} <= set(pins)
    assert not {"click", "pip", "setuptools", "flask", "neck-twitch-check"} & set(pins)
    # A closure this environment lacks gives no pins to trust: a clear error, never a pip that
    # backtracks through every botocore release.
    with pytest.raises(PackagingError, match=r"no-such-distribution not installed.*--no-pin"):
        packaging.runtime_pins(["ask-sdk-core", "no-such-distribution>=1"])
