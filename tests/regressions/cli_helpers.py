"""Run the real `kennisgraaf` command in a child process, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "kennisgraaf"
PLAN = "graph/plans/2026/proef.ttl"


def run(
    *args, env: dict | None = None, preexec_fn=None, user: int | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "COLUMNS": "250", **(env or {})}
    return subprocess.run(
        [str(SCRIPT), *[str(a) for a in args]],
        capture_output=True,
        text=True,
        env=full_env,
        preexec_fn=preexec_fn,
        user=user,
        timeout=timeout,
    )


def output(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def assert_one_clean_error(result, code: int, *needles: str) -> None:
    """A non-zero exit with the expected Dutch words and no Python traceback."""
    text = output(result)
    assert result.returncode == code, text
    assert "Traceback" not in text, text
    for needle in needles:
        assert needle in text, text
