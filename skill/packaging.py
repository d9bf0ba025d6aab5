"""Build the AWS Lambda deployment zip: entry point, `skill`, runtime deps and target `.pyc`."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import click

from skill.publishing import (
    PUBLISHING_FILE,
    Publishing,
    PublishingError,
    load_publishing,
    policy_pages,
    write_skill_package,
)
from skill.triage.datafile import make_twin, twin_path

# Lambda's manylinux platform tag per `Architectures` value of the function.
PLATFORMS: dict[str, str] = {
    "x86_64": "manylinux2014_x86_64",
    "arm64": "manylinux2014_aarch64",
}
# Lambda runtimes a bundle can target (template.yaml's Runtime parameter offers the same).
PYTHONS: tuple[str, ...] = ("3.12", "3.13")
# arm64 (Graviton) is the default: AWS bills it about 20% less per GB-second than x86_64 and
# every wheel the skill needs (PyYAML's libyaml extension included) is published for it.
DEFAULT_ARCH = "arm64"
DEFAULT_PYTHON = "3.12"
# Where Lambda unpacks the zip; compiled code objects name their files under it, so tracebacks
# read like the deployed paths and the bytes do not depend on the build machine's temp folder.
LAMBDA_TASK_ROOT = "/var/task"

# Runtime requirements that only the command line needs.
_CLI_ONLY = frozenset({"click"})
# Parts of `skill` that never run on Lambda: the web service, the simulator and tooling.
_SKILL_EXCLUDES = frozenset({"web", "simulator", "voice", "cli.py", "packaging.py",
                             "model_check", "deploy.py", "publishing.py"})
# Where the rendered policy pages go in the zip (read by skill/policy_page.py).
POLICY_PAGES_DIR = "policy_pages"
_SKILL_SUFFIXES = frozenset({".py", ".yaml", ".yml", ".json"})
# pip bookkeeping that differs between installs of the same wheel, and console scripts whose
# shebang names the build machine's interpreter.
_DEPS_DROP_FILES = frozenset({"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"})
_DEPS_DROP_DIRS = frozenset({"bin", "__pycache__"})
_DEPS_DROP_SUFFIXES = frozenset({".pyc", ".pyo", ".pyi"})
# The Lambda Python runtime provides the AWS SDK (a DynamoDB persistence adapter needs it);
# bundling it would add about 20 MB to every cold start's download.
_PROVIDED_BY_LAMBDA = frozenset({"boto3", "botocore", "s3transfer", "jmespath"})
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o100644


class PackagingError(click.ClickException):
    """A bundle cannot be built; the message says what to supply."""


@dataclass(frozen=True)
class Bundle:
    """What was written: the zip, its digest, its size and how many files it holds."""

    path: Path
    sha256: str
    size: int
    files: int


@dataclass(frozen=True)
class Target:
    """The Lambda runtime a bundle is built for."""

    arch: str = DEFAULT_ARCH
    python: str = DEFAULT_PYTHON

    def __post_init__(self) -> None:
        if self.arch not in PLATFORMS:
            choices = ", ".join(sorted(PLATFORMS))
            raise PackagingError(f"unknown architecture {self.arch!r}; use one of {choices}")
        if not re.fullmatch(r"3\.\d+", self.python):
            raise PackagingError(f"Python version must look like 3.12, not {self.python!r}")

    @property
    def platform(self) -> str:
        return PLATFORMS[self.arch]

    @property
    def pyc_tag(self) -> str:
        return "cpython-" + self.python.replace(".", "")


def project_root() -> Path:
    """The source checkout that holds `skill/` and `lambda/lambda_function.py`."""
    root = Path(__file__).resolve().parent.parent
    if not (root / "lambda" / "lambda_function.py").is_file():
        raise PackagingError(
            f"{root} has no lambda/lambda_function.py: package from a source checkout "
            "(pip install -e .)"
        )
    return root


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    if match is None:
        raise PackagingError(f"cannot read requirement {requirement!r}")
    return match.group(1)


def _is_unconditional(requirement: str) -> bool:
    """True unless the requirement belongs to an extra (Lambda installs no extras)."""
    _, _, marker = requirement.partition(";")
    return "extra" not in marker


def declared_requirements(distribution: str = "neck-twitch-check") -> list[str]:
    """The project's dependencies that Lambda needs per its metadata: no extras, no CLI."""
    declared = importlib.metadata.requires(distribution) or []
    return sorted(
        req.strip()
        for req in declared
        if _is_unconditional(req) and _normalise(_requirement_name(req)) not in _CLI_ONLY
    )


def runtime_requirements_file(path: Path) -> list[str]:
    """The requirements in a pip requirements file (one a line, `#` comments)."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return sorted(line for line in lines if line)


def runtime_requirements(root: Path | None = None) -> list[str]:
    """What the skill's bundle installs: `lambda/requirements.txt`."""
    return runtime_requirements_file((root or project_root()) / "lambda" / "requirements.txt")


def installed_pins(exclude: Iterable[str] = ("neck-twitch-check",)) -> list[str]:
    """`name==version` for every distribution in this environment: ship what was tested."""
    skip = {_normalise(name) for name in exclude}
    pins = {
        _normalise(dist.metadata["Name"]): dist.version
        for dist in importlib.metadata.distributions()
        if dist.metadata["Name"] and _normalise(dist.metadata["Name"]) not in skip
    }
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def runtime_pins(requirements: Sequence[str]) -> list[str]:
    """`name==version` for the installed closure of `requirements`: ship what was tested.

    Every distribution of the closure must be installed here: a pin taken from an environment
    that lacks part of the closure can contradict what the missing part needs (python-dateutil
    4 beside botocore's `<3`), and pip then backtracks through every botocore release for as
    long as it takes. `make install` installs the whole closure (the `dev` extra); `--no-pin`
    lets pip choose instead.
    """
    pins: dict[str, str] = {}
    missing: list[str] = []
    pending = list(requirements)
    while pending:
        requirement = pending.pop()
        name = _normalise(_requirement_name(requirement))
        if name in pins or name in missing:
            continue
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            if ";" not in requirement:  # a marker may exclude it from this Python
                missing.append(name)
            continue
        pins[name] = dist.version
        pending.extend(req for req in dist.requires or () if _is_unconditional(req))
    if missing:
        raise PackagingError(
            f"{', '.join(sorted(missing))} not installed in {sys.prefix}, so the versions to pin "
            "are not known: run `make install` (it installs every runtime dependency) or pass "
            "--no-pin"
        )
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def install_dependencies(
    requirements: Sequence[str],
    dest: Path,
    target: Target,
    constraints: Sequence[str] = (),
) -> None:
    """`pip install --target` the Linux wheels for `target` (needs PyPI or a wheel mirror)."""
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="neck-twitch-constraints-") as scratch:
        constraint_file = Path(scratch) / "constraints.txt"
        constraint_file.write_text("\n".join(constraints) + "\n", encoding="utf-8")
        command = [
            sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "--no-compile", "--target", str(dest),
            "--platform", target.platform, "--python-version", target.python,
            "--implementation", "cp", "--only-binary=:all:",
            "--constraint", str(constraint_file),
            *requirements,
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PackagingError(
            f"pip could not fetch {target.platform} wheels for Python {target.python}:\n"
            f"{result.stderr.strip()}\n"
            "Build offline with --deps-dir DIR (a folder made by `pip install --target`)."
        )


def cached_dependencies(
    requirements: Sequence[str],
    target: Target,
    cache_root: Path,
    constraints: Sequence[str] = (),
) -> Path:
    """A dependency folder for `target`, installed once per requirement set and reused."""
    key_source = json.dumps(
        {"req": list(requirements), "pins": list(constraints), "platform": target.platform,
         "python": target.python},
        sort_keys=True,
    )  # fmt: skip
    key = hashlib.sha256(key_source.encode()).hexdigest()[:16]
    folder = cache_root / f"py{target.python}-{target.arch}-{key}"
    if (folder / ".complete").is_file():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    install_dependencies(requirements, folder, target, constraints)
    (folder / ".complete").write_text(key_source + "\n", encoding="utf-8")
    return folder


def copy_installed_distributions(requirements: Sequence[str], dest: Path) -> list[str]:
    """Copy the installed closure of `requirements` from this environment into `dest`.

    Only right when this machine matches the target (same OS, architecture and Python ABI),
    such as tests and benchmarks on a Linux host; returns the distributions copied.
    """
    dest.mkdir(parents=True, exist_ok=True)
    pending = list(requirements)
    seen: set[str] = set()
    copied: list[str] = []
    while pending:
        requirement = pending.pop()
        name = _normalise(_requirement_name(requirement))
        if name in seen or name in _PROVIDED_BY_LAMBDA:
            continue
        seen.add(name)
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            if ";" in requirement:  # e.g. `typing; python_version < "3.5"`: not for this Python
                continue
            raise PackagingError(f"{name} is not installed in {sys.prefix}") from None
        copied.append(name)
        for file in dist.files or ():
            parts = PurePosixPath(str(file)).parts
            if not parts or parts[0] == ".." or _DEPS_DROP_DIRS.intersection(parts):
                continue
            source = Path(str(dist.locate_file(file)))
            if source.is_file():
                (dest / Path(*parts)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, dest / Path(*parts))
        pending.extend(req for req in dist.requires or () if _is_unconditional(req))
    return sorted(copied)


def _files_under(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            yield Path(folder, name)


def _stage_dependencies(deps_dir: Path, staging: Path) -> None:
    for source in _files_under(deps_dir):
        relative = source.relative_to(deps_dir)
        parts = relative.parts
        distribution = re.split(r"[-.]", parts[0])[0]  # botocore/, botocore-1.35.0.dist-info/
        if (
            (len(parts) > 1 and parts[0] in _DEPS_DROP_DIRS)
            or distribution in _PROVIDED_BY_LAMBDA
            or "__pycache__" in parts
            or source.suffix in _DEPS_DROP_SUFFIXES
            or (parts[0].endswith(".dist-info") and relative.name in _DEPS_DROP_FILES)
            or (len(parts) == 1 and relative.name.startswith("."))
        ):
            continue
        (staging / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, staging / relative)


def _stage_package(package_dir: Path, staging: Path, excludes: frozenset[str]) -> None:
    for source in _files_under(package_dir):
        relative = source.relative_to(package_dir)
        if relative.parts[0] in excludes or "__pycache__" in relative.parts:
            continue
        if source.suffix not in _SKILL_SUFFIXES:
            continue
        destination = staging / package_dir.name / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        if source.suffix == ".yaml":
            # Parsed here once, so that a cold start need not import PyYAML (see datafile).
            twin = make_twin(source)
            if twin is not None:
                twin_path(destination).write_bytes(twin)


def _interpreter_version(interpreter: str) -> str | None:
    try:
        result = subprocess.run(
            [interpreter, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True, check=False, timeout=30,
        )  # fmt: skip
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def find_interpreter(python: str) -> str:
    """A CPython `python` (e.g. "3.12") on this machine: `.pyc` must come from that version."""
    candidates: list[str] = []
    if f"{sys.version_info[0]}.{sys.version_info[1]}" == python:
        candidates.append(sys.executable)
    on_path = shutil.which(f"python{python}")
    if on_path:
        candidates.append(on_path)
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates.extend(
        str(path) for path in sorted(pyenv_root.glob(f"versions/{python}.*/bin/python"))
    )
    for candidate in candidates:
        if _interpreter_version(candidate) == python:
            return candidate
    raise PackagingError(
        f"no Python {python} found to compile .pyc for the Lambda runtime; install it "
        f"(e.g. `pyenv install {python}`) or pass --compile-with /path/to/python{python}"
    )


def compile_tree(staging: Path, interpreter: str, python: str) -> None:
    """Precompile every module with the target interpreter, independent of mtimes and paths."""
    version = _interpreter_version(interpreter)
    if version != python:
        raise PackagingError(f"{interpreter} is Python {version}, not {python}")
    command = [
        interpreter, "-E", "-s", "-m", "compileall", "-q", "-j", "0",
        "--invalidation-mode", "unchecked-hash",
        "-s", str(staging), "-p", LAMBDA_TASK_ROOT, str(staging),
    ]  # fmt: skip
    # A fixed hash seed keeps set constants (`x in {"a", "b"}`) in one marshalled order.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        raise PackagingError(f"compileall failed:\n{result.stdout}{result.stderr}")


def write_zip(staging: Path, out: Path) -> Bundle:
    """Zip `staging` byte-for-byte reproducibly: sorted names, fixed dates and modes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    files = sorted((path.relative_to(staging).as_posix(), path) for path in _files_under(staging))
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, path in files:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.external_attr = _FILE_MODE << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(out)
    data = out.read_bytes()
    return Bundle(out, hashlib.sha256(data).hexdigest(), len(data), len(files))


def build_bundle(
    out: Path,
    *,
    entry_point: Path,
    packages: Sequence[Path] = (),
    deps_dir: Path,
    target: Target,
    compile_with: str | None = None,
    package_excludes: frozenset[str] = frozenset(),
    extra_files: Mapping[str, bytes] | None = None,
) -> Bundle:
    """Stage `entry_point` as `lambda_function.py`, `packages`, `deps_dir` and `extra_files`
    (path in the zip -> bytes), compile, zip."""
    interpreter = compile_with or find_interpreter(target.python)
    with tempfile.TemporaryDirectory(prefix="neck-twitch-bundle-") as scratch:
        staging = Path(scratch) / "task"
        staging.mkdir()
        _stage_dependencies(deps_dir, staging)
        for package in packages:
            if (staging / package.name).exists():
                raise PackagingError(f"{package.name} is both a dependency and a package")
            _stage_package(package, staging, package_excludes)
        shutil.copyfile(entry_point, staging / "lambda_function.py")
        for name, data in sorted((extra_files or {}).items()):
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
        compile_tree(staging, interpreter, target.python)
        return write_zip(staging, out)


def build_skill_bundle(
    out: Path,
    target: Target,
    *,
    deps_dir: Path | None = None,
    cache_root: Path | None = None,
    compile_with: str | None = None,
    pin: bool = True,
    publishing: Publishing | None = None,
) -> Bundle:
    """The skill's own bundle, with dependencies from `deps_dir` or fetched (and cached), and
    the policy pages rendered with `publishing`'s contact (none given: the pages say so)."""
    root = project_root()
    if deps_dir is None:
        requirements = runtime_requirements(root)
        deps_dir = cached_dependencies(
            requirements,
            target,
            cache_root or root / "build" / "lambda-deps",
            runtime_pins(requirements) if pin else (),
        )
    elif not deps_dir.is_dir():
        raise PackagingError(f"--deps-dir {deps_dir} is not a folder")
    return build_bundle(
        out,
        entry_point=root / "lambda" / "lambda_function.py",
        packages=[root / "skill"],
        deps_dir=deps_dir,
        target=target,
        compile_with=compile_with,
        package_excludes=_SKILL_EXCLUDES,
        extra_files=policy_page_files(publishing or Publishing(), root),
    )


def policy_page_files(publishing: Publishing, root: Path) -> dict[str, bytes]:
    """`policy_pages/privacy.html` and `terms.html`, for the Lambda policy function."""
    return {f"{POLICY_PAGES_DIR}/{name}.html": page.encode("utf-8")
            for name, page in policy_pages(publishing, root).items()}


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("dist/skill.zip"),
    show_default=True,
    help="Where to write the zip.",
)
@click.option(
    "--arch",
    type=click.Choice(sorted(PLATFORMS)),
    default=DEFAULT_ARCH,
    show_default=True,
    help="Lambda architecture (must match template.yaml's Architecture parameter).",
)
@click.option(
    "--python",
    "python",
    type=click.Choice(PYTHONS),
    default=DEFAULT_PYTHON,
    show_default=True,
    help="Lambda Python runtime.",
)
@click.option(
    "--deps-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Use dependencies already installed here (pip install --target) instead of fetching.",
)
@click.option(
    "--compile-with",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="The interpreter that compiles .pyc (default: a Python of the --python version).",
)
@click.option(
    "--no-pin",
    is_flag=True,
    help="Let pip pick dependency versions instead of the versions installed here.",
)
@click.option(
    "--cfn-template",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the ASK CLI's CloudFormation template (made from template.yaml) here.",
)
@click.option(
    "--publishing",
    "publishing_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=PUBLISHING_FILE,
    show_default=True,
    help="The publishing file: privacy and terms addresses, and the contact the pages name.",
)
@click.option(
    "--skill-package",
    is_flag=True,
    help="Instead of the zip, write the publishing file's privacy and terms addresses into "
    "every locale of the skill package's skill.json.",
)
@click.option(
    "--endpoint",
    default=None,
    metavar="ARN",
    help="With --skill-package: also the skill's endpoint and its SKILL_DISABLED "
    "subscription (the stack's SkillEndpoint output, after `sam deploy`).",
)
@click.option(
    "--model-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="With --skill-package: the skill package folder (default: interaction_model/).",
)
def package(
    out: Path,
    arch: str,
    python: str,
    deps_dir: Path | None,
    compile_with: str | None,
    no_pin: bool,
    cfn_template: Path | None,
    publishing_file: Path,
    skill_package: bool,
    endpoint: str | None,
    model_dir: Path | None,
) -> None:
    """Build the AWS Lambda deployment zip (reproducible: the same tree gives the same bytes),
    or with --skill-package the skill package's publishing fields."""
    if skill_package:
        try:
            written = write_skill_package(
                model_dir or project_root() / "interaction_model",
                load_publishing(publishing_file),
                endpoint,
            )
        except PublishingError as exc:
            raise click.ClickException(str(exc)) from exc
        extra = " and the endpoint with its SKILL_DISABLED subscription" if endpoint else ""
        click.echo(f"{written}: privacy and terms addresses from {publishing_file}{extra}")
        return
    if endpoint is not None or model_dir is not None:
        raise click.UsageError("--endpoint and --model-dir go with --skill-package")
    try:
        publishing = load_publishing(publishing_file)
    except PublishingError as exc:
        click.echo(f"warning: {exc}; the policy pages name no contact", err=True)
        publishing = Publishing()
    if any(name == "contact" for name, _ in publishing.problems()):
        click.echo(f"warning: {publishing_file} gives no contact; the policy pages say so",
                   err=True)
    if cfn_template is not None:
        from skill.deploy import TemplateError, write_cfn_template

        try:
            click.echo(f"{write_cfn_template(cfn_template)}: the ASK CLI's template")
        except (TemplateError, OSError) as exc:
            raise click.ClickException(str(exc)) from exc
    bundle = build_skill_bundle(
        out,
        Target(arch, python),
        deps_dir=deps_dir,
        compile_with=compile_with,
        pin=not no_pin,
        publishing=publishing,
    )
    click.echo(
        f"{bundle.path}: {bundle.size / 1024:.0f} KiB, {bundle.files} files, "
        f"python{python} {arch}, sha256 {bundle.sha256}"
    )
