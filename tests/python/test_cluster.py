"""Three nodes behind HAProxy with PostgreSQL (docs/scaling.md): matches are played through HAProxy, the node of one
room is killed with kill -9 in the middle of a turn, and its room goes on on the backup node: every client resumes
with its token through HAProxy, the match finishes there and its log replays verified. In strict durability nothing
that was acknowledged is lost; in shipped durability what was lost (the lines not yet shipped at the kill) is counted
and printed.

Needs Debian's haproxy and postgresql (scripts/setup.sh installs them); starts and stops its own on loopback ports.
"""
import asyncio
import json
import os
import shutil
import subprocess
import time
import urllib.request

import pytest
import websockets

from cluster_harness import BINARY, KEY, ROOT, Cluster
from test_scripted_match import Client, choose_orders

PHASES = {"briefing": 1, "negotiation": 600, "orders": 600, "adjudication": 1, "results": 1}
# Generous: the test must hold on a loaded two-core machine (a debug build, other builds beside it).
WAIT = 45


async def connect(port, name, room=None):
    """A client through HAProxy; with the room's code in the URL, as the browser and terminal clients do."""
    url = f"ws://127.0.0.1:{port}/ws" + (f"?room={room}" if room else "")
    ws = await websockets.connect(url, subprotocols=["armistice.v2"], max_size=2**24, open_timeout=5)
    c = Client(ws, name)
    welcome = await c.request({"type": "hello", "protocol": "armistice.v2"}, timeout=WAIT)
    assert welcome["type"] == "welcome"
    return c


async def resume(port, old, deadline):
    """Reconnects a client through HAProxy until its seat is resumed (the backup may still be taking the room over:
    refused connections and `storage_unavailable` are retried, anything else fails)."""
    while True:
        try:
            c = await connect(port, old.name, old.room)
            c.view, c.max_seq = old.view, old.max_seq
            reply = await c.request({"type": "resume", "token": old.token, "seq": old.max_seq}, timeout=10)
            if reply["type"] == "resumed":
                c.token, c.room, c.acked = old.token, old.room, old.acked
                return c, reply
            assert reply.get("code") == "storage_unavailable", reply
            await c.close()
        except (OSError, asyncio.TimeoutError, websockets.InvalidStatus, websockets.ConnectionClosed, websockets.InvalidMessage):
            pass
        assert time.monotonic() < deadline, f"{old.name} could not resume"
        await asyncio.sleep(0.2)


async def open_room(port):
    instructor = await connect(port, "instructor")
    created = await instructor.request({"type": "create_room", "key": KEY, "ruleset": "coral_strait", "seed": 5, "turns": 2,
                                        "phases": PHASES}, timeout=WAIT)
    assert created["type"] == "room_created", created
    instructor.room, instructor.token, instructor.acked = created["room"], created["token"], []
    snapshot = await instructor.wait_for(lambda m: m["type"] == "snapshot", timeout=WAIT)
    return instructor, [t["id"] for t in snapshot["view"]["teams"]]


async def acked(c, message):
    """Sends a request that must be acknowledged, and remembers the acknowledged seq."""
    reply = await c.request(message, timeout=WAIT)
    assert reply["type"] == "ack", (c.name, message["type"], reply)
    c.acked.append(reply["seq"])
    return reply


async def scenario(cluster):
    port = cluster.proxy_port
    # Rooms are created through HAProxy on whichever node is up; each node mints codes in its own slice. Open rooms
    # until node a holds one (round robin: at most a few).
    rooms = []
    while not any(r[0].room.startswith(cluster.prefixes["a"]) for r in rooms):
        assert len(rooms) < 9, "no room landed on node a"
        rooms.append(await open_room(port))
    assert {r[0].room[0] for r in rooms} <= set(cluster.prefixes.values())
    victim_instructor, teams = next(r for r in rooms if r[0].room.startswith(cluster.prefixes["a"]))
    code = victim_instructor.room

    players = {}
    for team in teams:
        c = await connect(port, team, code)
        joined = await c.request({"type": "join", "code": code, "name": f"Py {team}", "team": team}, timeout=WAIT)
        assert joined["type"] == "joined", joined
        c.room, c.token, c.acked = code, joined["token"], []
        players[team] = c
    everyone = [victim_instructor, *players.values()]
    await acked(victim_instructor, {"type": "start"})

    # Turn 1 in full, turn 2 up to orders given and acknowledged.
    for turn in (1, 2):
        for c in everyone:
            await c.wait_phase("negotiation", turn, timeout=WAIT)
        a, b = teams[0], teams[1]
        await acked(players[a], {"type": "chat", "channel": f"pair:{a}+{b}", "text": f"turn {turn}"})
        await acked(victim_instructor, {"type": "skip"})
        for team, c in players.items():
            view = (await c.wait_phase("orders", turn, timeout=WAIT))["view"]
            orders, consents = choose_orders(view, team)
            await acked(c, {"type": "set_orders", "orders": orders, "consents": consents})
        if turn == 1:
            for c in players.values():
                await acked(c, {"type": "lock"})
            for c in everyone:
                await c.wait_phase("results", turn, timeout=WAIT)
    # Mid-turn: one team has locked, the others have not. Then node a dies.
    await acked(players[teams[0]], {"type": "lock"})
    last_acked = max(s for c in everyone for s in c.acked)
    killed = time.monotonic()
    cluster.kill("a")

    deadline = killed + 120
    resumed = []
    for c in everyone:
        c2, reply = await resume(port, c, deadline)
        if cluster.durability == "strict":
            assert reply["seq"] >= last_acked, ("acknowledged records lost", reply["seq"], last_acked)
        resumed.append(c2)
    failover = time.monotonic() - killed
    instructor2, *players2 = resumed
    by_team = dict(zip(teams, players2))

    # The match goes on on the backup: the other teams lock, the turn is adjudicated, the match ends. (Shipped: the
    # first team's lock may be among what was lost, so every team locks again; a lock that was kept is refused.)
    for team in teams if cluster.durability == "shipped" else teams[1:]:
        reply = await by_team[team].request({"type": "lock"}, timeout=WAIT)
        assert reply["type"] == "ack" or reply.get("code") == "orders_locked", reply
    for c in resumed:
        await c.wait_phase("ended", timeout=WAIT)
    assert cluster.sql(f"SELECT node FROM armistice_rooms WHERE code = '{code}'") == "b"

    # The other nodes' rooms were not disturbed: they still answer.
    for instructor, _ in rooms:
        if instructor.room != code:
            assert (await instructor.request({"type": "ping"}, timeout=WAIT))["type"] == "pong"
    for c in [*resumed, *(r[0] for r in rooms)]:
        await c.close()
    return code, [s for c in everyone for s in c.acked], failover


def download_log(cluster, code):
    req = urllib.request.Request(f"http://127.0.0.1:{cluster.proxy_port}/api/rooms/{code}/log", headers={"Authorization": f"Bearer {KEY}"})
    return urllib.request.urlopen(req, timeout=10).read()


@pytest.fixture
def cluster(request):
    if not os.path.exists(BINARY):
        pytest.skip(f"build the server first: {BINARY} is missing")
    for tool in ("haproxy", "psql"):
        assert shutil.which(tool), f"{tool} is missing: run scripts/setup.sh"
    c = Cluster(durability=request.param)
    try:
        yield c.start()
    finally:
        c.stop()


@pytest.mark.parametrize("cluster", ["strict", "shipped"], indirect=True)
def test_a_killed_node_s_room_goes_on_on_its_backup(cluster, tmp_path):
    code, acked_seqs, failover = asyncio.run(scenario(cluster))
    # The shared log in PostgreSQL ends up the same as the backup's, line for line (shipped: once shipping caught up).
    deadline = time.monotonic() + 20
    while True:
        log = download_log(cluster, code)
        records = [json.loads(line) for line in log.decode().splitlines()]
        shared = int(cluster.sql(f"SELECT count(*) FROM armistice_log_lines WHERE room = '{code}'"))
        if shared == len(records) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert shared == len(records)
    seqs = {r["seq"] for r in records}
    lost = sorted(set(acked_seqs) - seqs)
    if cluster.durability == "strict":
        assert not lost, lost
    assert any(r["kind"] == "hash" and r.get("reason") == "final" for r in records), "the match did not end"
    path = tmp_path / f"{code}.jsonl"
    path.write_bytes(log)
    verified = subprocess.run([BINARY, "replay", str(path), "--quiet"], capture_output=True, text=True)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "room taken over from the cluster" in cluster.node_log("b")
    print(f"{cluster.durability}: kill -9 to the last client resumed in {failover:.2f} s; "
          f"acknowledged requests lost: {len(lost)} of {len(acked_seqs)}")


def test_the_compose_profile_s_haproxy_cfg_is_the_generated_one():
    """deploy/haproxy.cfg (docker-compose's cluster profile) is what `armistice cluster haproxy-config` makes for the
    compose nodes, and HAProxy accepts it."""
    if not os.path.exists(BINARY):
        pytest.skip(f"build the server first: {BINARY} is missing")
    generated = subprocess.run([BINARY, "cluster", "haproxy-config", "--bind", "0.0.0.0:8080", "--resolver", "127.0.0.11:53",
                                "--node", "a=node-a:8080:A", "--node", "b=node-b:8080:B", "--node", "c=node-c:8080:C"],
                               check=True, capture_output=True, text=True).stdout
    path = os.path.join(ROOT, "deploy", "haproxy.cfg")
    with open(path) as f:
        assert f.read() == generated, "regenerate deploy/haproxy.cfg with the command in docs/scaling.md"
    check = subprocess.run(["haproxy", "-c", "-f", path], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
