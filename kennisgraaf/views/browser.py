"""Open a view in headless Chromium over the DevTools protocol: for the browser tests and the
benchmark, never for users (it needs `websocket-client`, a test dependency, and a Chromium).

`Browser.open(path)` loads a page from a file, waits until vis-network has laid it out
(window.kgStats, set by visuals/view.js), and returns what the page did: console errors,
uncaught exceptions, every request it made, the canvas's coloured pixels, the node
positions and a PNG screenshot.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from websocket import WebSocket

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)

READY = "window.kgStats ? JSON.stringify(window.kgStats) : null"
LOADED = "document.readyState === 'complete' ? '{}' : null"
CANVAS_PIXELS = """
(() => {
  const canvas = document.querySelector('#kg-network canvas');
  if (!canvas) { return -1; }
  const ctx = canvas.getContext('2d');
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let coloured = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) { coloured++; }
  }
  return coloured;
})()
"""


def find_chromium() -> str | None:
    env = os.environ.get("KENNISGRAAF_CHROMIUM")
    for candidate in ((env,) if env else ()) + CHROMIUM_CANDIDATES:
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@dataclass
class PageResult:
    url: str
    stats: dict
    console_errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    log_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    coloured_pixels: int = 0
    positions: dict = field(default_factory=dict)
    screenshot: bytes = b""

    @property
    def errors(self) -> list[str]:
        return self.console_errors + self.exceptions + self.log_errors


class Browser:
    """One headless Chromium with one page, driven over a DevTools websocket."""

    def __init__(self, chromium: str | None = None, width: int = 1400, height: int = 900, timeout: float = 30):
        import websocket  # websocket-client: a test dependency

        self.chromium = chromium or find_chromium()
        if not self.chromium:
            raise RuntimeError("Chromium niet gevonden (zet KENNISGRAAF_CHROMIUM of installeer het pakket chromium)")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        self.process = subprocess.Popen(
            [
                self.chromium,
                *FLAGS,
                f"--user-data-dir={self.profile}",
                "--remote-debugging-port=0",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ws: WebSocket | None = None
        self._id = 0
        self.events: list[dict] = []
        try:
            port = self._port()
            self.ws = websocket.create_connection(self._page_socket(port), timeout=timeout, suppress_origin=True)
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.call(f"{domain}.enable")
            self.call(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            )
        except BaseException:
            self.close()
            raise

    # plumbing ------------------------------------------------------------------------

    def _port(self) -> int:
        marker = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Chromium stopte meteen (exitcode {self.process.returncode})")
            if marker.exists():
                text = marker.read_text().split()
                if text:
                    return int(text[0])
            time.sleep(0.05)
        raise TimeoutError("Chromium gaf geen DevTools-poort")

    def _page_socket(self, port: int) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
                    targets = json.load(response)
                for target in targets:
                    if target.get("type") == "page":
                        return target["webSocketDebuggerUrl"]
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError("geen pagina in Chromium gevonden")

    @property
    def socket(self) -> WebSocket:
        """The open DevTools connection; a closed browser says so instead of failing on None."""
        if self.ws is None:
            raise RuntimeError("geen DevTools-verbinding met Chromium (de browser is gesloten)")
        return self.ws

    def call(self, method: str, params: dict | None = None) -> dict:
        self._id += 1
        ident = self._id
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params or {}}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self._event(message)

    def _event(self, message: dict) -> None:
        self.events.append(message)
        if message["method"] == "Page.javascriptDialogOpening":  # an alert() would block the page
            self._id += 1
            self.socket.send(
                json.dumps({"id": self._id, "method": "Page.handleJavaScriptDialog", "params": {"accept": True}})
            )

    def pump(self, seconds: float) -> None:
        """Read events for a while (the page keeps running meanwhile)."""
        end = time.monotonic() + seconds
        self.socket.settimeout(0.05)
        try:
            while time.monotonic() < end:
                try:
                    message = json.loads(self.socket.recv())
                except Exception:  # noqa: BLE001 - a read timeout: nothing arrived
                    continue
                if "method" in message:
                    self._event(message)
        finally:
            self.socket.settimeout(self.timeout)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript-fout: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    # the one thing tests need --------------------------------------------------------

    def open(self, path: Path, wait: float | None = None, ready: str = READY) -> PageResult:
        """Load a page from a file and wait until `ready` (a JavaScript expression) gives a JSON
        text: by default window.kgStats, which the view sets once its layout is done."""
        url = Path(path).resolve().as_uri()
        self.events = []
        self.call("Page.navigate", {"url": url})
        deadline = time.monotonic() + (wait or self.timeout)
        stats = None
        while time.monotonic() < deadline:
            stats = self.evaluate(ready)
            if stats:
                break
            self.pump(0.1)
        if not stats:
            raise TimeoutError(f"{url}: het netwerk werd niet getekend binnen {wait or self.timeout} s")
        self.pump(0.3)  # let the last frame draw and late console messages arrive
        result = PageResult(url, json.loads(stats))
        result.coloured_pixels = int(self.evaluate(CANVAS_PIXELS))
        positions = self.evaluate("window.kgNetwork ? JSON.stringify(window.kgNetwork.getPositions()) : null")
        result.positions = json.loads(positions) if positions else {}
        result.screenshot = self.screenshot()
        self._collect(result)
        return result

    def screenshot(self) -> bytes:
        """A PNG of the page as it is now."""
        return base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"})["data"])

    def hover(self, node_id: str, settle: float = 0.6) -> str:
        """Move the mouse onto a node and return the text of the tooltip that opens."""
        node = json.dumps(node_id)
        point = self.evaluate(
            f"(() => {{ const n = window.kgNetwork; const p = n.getPositions([{node}])[{node}];"
            " const d = n.canvasToDOM(p); const r = document.getElementById('kg-network').getBoundingClientRect();"
            " return [d.x + r.left, d.y + r.top]; })()"
        )
        for dx in (-3, 0):
            self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": point[0] + dx, "y": point[1]})
            self.pump(0.1)
        self.pump(settle)
        return (
            self.evaluate(
                "(() => { const t = document.querySelector('div.vis-tooltip');"
                " return t && t.style.visibility !== 'hidden' ? t.textContent : ''; })()"
            )
            or ""
        )

    def _collect(self, result: PageResult) -> None:
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                result.console_errors.append(text)
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                result.exceptions.append(details.get("exception", {}).get("description") or details.get("text", ""))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                result.log_errors.append(params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                result.requests.append(params.get("request", {}).get("url", ""))
            elif method == "Page.javascriptDialogOpening":
                result.dialogs.append(params.get("message", ""))

    def events_since(self, start: int = 0) -> PageResult:
        """What the page did since event number `start` (after hovering, say)."""
        result = PageResult("", {})
        kept = self.events
        self.events = kept[start:]
        self._collect(result)
        self.events = kept
        return result

    def close(self) -> None:
        if self.ws is not None:
            try:
                self.ws.close()
            except Exception:  # noqa: BLE001 - closing a socket the browser already dropped
                pass
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
