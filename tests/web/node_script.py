"""Runs one of tests/web's Node scripts (they load the browser's own modules, clients/web/js, with no browser) and
reads the one JSON object it prints."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def node_json(script, *args):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the browser's code (scripts/setup.sh installs nodejs)")
    run = subprocess.run([node, str(HERE / script), *args], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(run.stdout)
