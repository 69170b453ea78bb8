"""A server at its open-file limit refuses new connections at once and keeps serving the ones it has
(docs/protocol.md, "Open-file limit"): it does not spin on a listening socket it cannot accept from.

Run after `swift build`:  python3 -m pytest tests/python
"""
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
import websockets

import served
from served import BINARY
LIMIT = 256


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def metric(port, name):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    m = re.search(rf"^{name} (\d+)", text, re.M)
    return int(m.group(1)) if m else None


@pytest.fixture
def limited_server():
    if not os.path.exists(BINARY):
        pytest.skip(f"build the server first: {BINARY} is missing")
    data = tempfile.mkdtemp(prefix="armistice-fds-")
    # The hard limit too, since the server raises its soft limit to the hard one.
    proc, port = served.start(data, "fd-limit-test-key-0123456789",
                              prefix=("bash", "-c", f'ulimit -Sn {LIMIT} && ulimit -Hn {LIMIT} && exec "$@"', "serve"))
    yield proc, port
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(data, ignore_errors=True)


def test_a_flood_of_sockets_past_the_limit_is_refused_and_the_seated_keep_playing(limited_server):
    proc, port = limited_server

    async def run():
        async with websockets.connect(f"ws://127.0.0.1:{port}/ws", subprotocols=["armistice.v2"]) as ws:
            await ws.send(json.dumps({"type": "hello", "protocol": "armistice.v2", "id": 1}))
            assert json.loads(await ws.recv())["type"] == "welcome"
            flood = []
            for _ in range(LIMIT + 100):   # more sockets than the server has descriptors
                s = socket.socket()
                s.settimeout(5)
                s.connect(("127.0.0.1", port))
                flood.append(s)
            cpu_before, wall_before = cpu_seconds(proc.pid), time.monotonic()
            round_trips = []
            for i in range(20):
                t = time.monotonic()
                await ws.send(json.dumps({"type": "ping", "id": 100 + i}))
                reply = json.loads(await asyncio.wait_for(ws.recv(), 5))
                assert reply["type"] == "pong", reply
                round_trips.append(time.monotonic() - t)
                await asyncio.sleep(0.1)
            cpu = cpu_seconds(proc.pid) - cpu_before
            wall = time.monotonic() - wall_before
            for s in flood:
                s.close()
            return cpu, wall

    cpu, wall = asyncio.run(run())
    # A server spinning on a listening socket it cannot accept from burns a core (about as many CPU seconds as
    # wall seconds); one that refuses at its ceiling sleeps while nobody talks.
    assert cpu < wall / 2, f"the server used {cpu:.2f} s of CPU in {wall:.2f} s while at its open-file limit"
    assert metric(port, "armistice_transport_refused_no_descriptors_total") > 0
    time.sleep(0.5)
    # Once the flood is gone, new connections are accepted again.
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
        assert r.status == 200
