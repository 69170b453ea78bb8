"""Starting `armistice serve` for a test: one place for the command line and for reading the bound port."""
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("ARMISTICE_BIN", os.path.join(ROOT, ".build", "debug", "armistice"))


def start(data, key, prefix=(), extra=()):
    """Starts the server on a free loopback port with the repository's rulesets and returns (process, port).
    `prefix` goes before the binary (e.g. a shell that lowers limits first), `extra` after the usual options."""
    proc = subprocess.Popen(
        [*prefix, BINARY, "serve", "--host", "127.0.0.1", "--port", "0", "--data", data,
         "--rulesets", os.path.join(ROOT, "rulesets"), "--instructor-key", key, "--log-level", "warning", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        m = re.search(r"listening on port (\d+)", line)
        if m:
            return proc, int(m.group(1))
    proc.kill()
    raise AssertionError("the server did not print its port")
