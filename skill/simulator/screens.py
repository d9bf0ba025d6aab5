"""What a screen device shows (`simulate --device show --screens DIR`): each APL screen the
skill sends, drawn as a PNG by Amazon's web viewhost in headless Chromium, or written as an
HTML preview where Chromium or the viewhost is not installed.

The renderer is tests/apl/node/apl.js (install: `apt-get install chromium` and `npm ci` in
tests/apl/node), started once per run and fed one screen at a time. Files are numbered in the
order the screens arrive: `01-question-screen.png`, `05-emergency.png`, ...
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import IO, Any

from skill.simulator.errors import SimulatorError

RENDER_DOCUMENT = "Alexa.Presentation.APL.RenderDocument"
TOKEN_PREFIX = "neckTwitchCheck."
# Where apl.js and its node_modules are in a source checkout; NECK_TWITCH_APL_NODE overrides.
NODE_DIR = Path(__file__).resolve().parents[2] / "tests" / "apl" / "node"
INSTALL = "apt-get install -y chromium && (cd tests/apl/node && npm ci)"


def node_dir() -> Path:
    return Path(os.environ.get("NECK_TWITCH_APL_NODE") or NODE_DIR)


def chromium() -> str | None:
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def renderer_missing() -> str | None:
    """What drawing PNGs needs and this machine lacks, or None."""
    folder = node_dir()
    lacking = []
    if shutil.which("node") is None:
        lacking.append("node")
    if not (folder / "apl.js").is_file():
        lacking.append(str(folder / "apl.js"))
    elif not (folder / "node_modules" / "apl-viewhost-web").is_dir():
        lacking.append(str(folder / "node_modules"))
    if chromium() is None:
        lacking.append("chromium")
    return ", ".join(lacking) or None


class ScreenWriter:
    """Writes each screen of each turn into `folder`, as PNG or, failing that, HTML."""

    def __init__(self, folder: Path, viewport: dict[str, Any]) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SimulatorError(f"cannot write screens to {folder}: {exc.strerror}") from None
        self.folder = folder
        self.viewport = viewport
        self.written: list[Path] = []
        self.missing = renderer_missing()
        self._process: subprocess.Popen[str] | None = None

    def add(self, response: dict[str, Any]) -> list[Path]:
        """Write the screens in a skill response; the files written."""
        body = response.get("response")
        directives = body.get("directives") if isinstance(body, dict) else None
        written = []
        for directive in directives if isinstance(directives, list) else []:
            if isinstance(directive, dict) and directive.get("type") == RENDER_DOCUMENT:
                written.append(self._write(directive))
        return written

    def _name(self, directive: dict[str, Any]) -> str:
        token = str(directive.get("token") or "screen").removeprefix(TOKEN_PREFIX)
        screen = (directive.get("datasources") or {}).get("screen") or {}
        detail = str(screen.get("id") or "")
        name = token if detail in ("", token, "message") else f"{token}-{detail}"
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
        return f"{len(self.written) + 1:02d}-{safe}"

    def _write(self, directive: dict[str, Any]) -> Path:
        stem = self._name(directive)
        if self.missing is None:
            path = self.folder / f"{stem}.png"
            self._render(directive, path)
        else:
            path = self.folder / f"{stem}.html"
            path.write_text(preview(directive, self.viewport), encoding="utf-8")
        self.written.append(path)
        return path

    def _render(self, directive: dict[str, Any], path: Path) -> None:
        process = self._renderer()
        job = {"id": path.name, "document": directive.get("document"),
               "datasources": directive.get("datasources"), "viewport": self.viewport,
               "png": str(path.resolve())}
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(json.dumps(job) + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
        except OSError as exc:
            raise SimulatorError(f"the screen renderer stopped: {exc}") from None
        if not line:
            raise SimulatorError(f"the screen renderer stopped: {_tail(process.stderr)}")
        result = json.loads(line)
        if result.get("errors"):
            raise SimulatorError(f"screen {path.name}: " + "; ".join(result["errors"])[:500])

    def _renderer(self) -> subprocess.Popen[str]:
        if self._process is None:
            env = dict(os.environ)
            found = chromium()
            if found:
                env["CHROMIUM"] = found
            folder = node_dir()
            self._process = subprocess.Popen(
                ["node", str(folder / "apl.js"), "render"], cwd=folder, env=env, text=True,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return self._process

    def close(self) -> str | None:
        """Stop the renderer; one line on what was written, or None if nothing was."""
        if self._process is not None:
            process, self._process = self._process, None
            if process.stdin is not None:
                process.stdin.close()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if not self.written:
            return None
        kind = "PNG" if self.missing is None else "HTML preview"
        note = f"wrote {len(self.written)} screen(s) to {self.folder} as {kind}"
        if self.missing is not None:
            note += f" ({self.missing} not found; for PNGs: {INSTALL})"
        return note


def _tail(stream: IO[str] | None) -> str:
    if stream is None:
        return "no error output"
    try:
        text = stream.read()
    except (OSError, ValueError):
        return "no error output"
    return (text.strip().splitlines() or ["no error output"])[-1][:300]


def _words(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [w for key, value in node.items() if key not in ("kind", "id", "tier")
                for w in _words(value)]
    if isinstance(node, list):
        return [w for item in node for w in _words(item)]
    return [node] if isinstance(node, str) and node.strip() else []


def preview(directive: dict[str, Any], viewport: dict[str, Any]) -> str:
    """A page that draws the screen with the APL web viewhost when it is installed beside the
    skill, and lists the screen's words in any case."""
    viewhost = node_dir() / "node_modules" / "apl-viewhost-web" / "index.js"
    # JSON inside a <script>: "</" would end it.
    document = json.dumps(directive.get("document")).replace("</", "<\\/")
    datasources = json.dumps(directive.get("datasources") or {}).replace("</", "<\\/")
    words = "".join(f"<li>{html.escape(word)}</li>"
                    for word in dict.fromkeys(_words(directive.get("datasources"))))
    script = ""
    if viewhost.is_file():
        script = f"""<script src="{viewhost.as_uri()}"></script>
<script>
(async () => {{
  if (!(typeof Module !== 'undefined' && Module.calledRun)) await AplRenderer.initEngine();
  const content = AplRenderer.Content.create(JSON.stringify({document}));
  for (const [name, data] of Object.entries({datasources})) {{
    content.addData(name, JSON.stringify(data));
  }}
  const renderer = AplRenderer.default.create({{content, view: document.getElementById('screen'),
    environment: {{agentName: 'neck-twitch-simulate', agentVersion: '1.0'}},
    viewport: {json.dumps({k: viewport[k] for k in ("width", "height", "dpi", "shape", "mode")})},
    theme: 'dark', utcTime: Date.now(), localTimeAdjustment: 0,
    onSendEvent: (event) => console.log('SendEvent', JSON.stringify(event))}});
  await renderer.init();
}})();
</script>"""
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{html.escape(str(directive.get("token")))}</title></head>
<body style="margin:0;background:#222;color:#eee;font-family:sans-serif">
<div id="screen" style="width:{viewport["width"]}px;height:{viewport["height"]}px;
  position:relative;overflow:hidden;background:#000"></div>
<p>Preview of an APL screen ({viewport["width"]} x {viewport["height"]} px). It draws itself
where apl-viewhost-web is installed ({html.escape(INSTALL)}); a tap shows in the console.
The screen's words:</p>
<ul>{words}</ul>
{script}
</body></html>
"""
