"""The Lambda bundle, built once per test run and shared by the deploy tests.

Offline: dependencies come from this environment (the host is the target here) and the `.pyc`
are compiled by this interpreter; the real build fetches Linux wheels for the target.
"""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest
from bundles import build_bundle

from skill import packaging
from skill.packaging import Bundle


@pytest.fixture(scope="session")
def deploy_deps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("deps")
    copied = packaging.copy_installed_distributions(packaging.runtime_requirements(), folder)
    assert {"ask-sdk-core", "ask-sdk-model", "pyyaml"} <= set(copied), copied
    return folder


@pytest.fixture(scope="session")
def deploy_bundle(tmp_path_factory: pytest.TempPathFactory, deploy_deps: Path) -> Bundle:
    return build_bundle(tmp_path_factory.mktemp("dist") / "skill.zip", deploy_deps)


@pytest.fixture(scope="session")
def deploy_extracted(deploy_bundle: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("task")
    with zipfile.ZipFile(deploy_bundle.path) as zf:
        zf.extractall(folder)
    return folder


@pytest.fixture(scope="session")
def deploy_runtime(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Stands in for the runtime's own packages (boto3 and friends), which the zip leaves out."""
    folder = tmp_path_factory.mktemp("runtime")
    for name in sorted(packaging._PROVIDED_BY_LAMBDA):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            origin = Path(spec.origin)
            source = origin.parent if origin.name == "__init__.py" else origin
            (folder / source.name).symlink_to(source)
    return folder
