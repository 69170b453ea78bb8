"""A client that is not ours plays a scripted match, written from docs/protocol.md alone.

Run after `swift build`:  python3 -m pytest tests/python
Uses the `websockets` package (pip install websockets pytest).
"""
import asyncio
import json
import os
import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request

import pytest
import websockets

from view_merge import apply_message

import served
from served import BINARY, ROOT
KEY = "python-test-instructor-key"


@pytest.fixture
def server():
    if not os.path.exists(BINARY):
        pytest.skip(f"build the server first: {BINARY} is missing")
    data = tempfile.mkdtemp(prefix="armistice-py-")
    proc, port = served.start(data, KEY)
    yield port
    proc.terminate()
    assert proc.wait(timeout=10) == 0
    shutil.rmtree(data, ignore_errors=True)


class Client:
    """Keeps every message; checks `prev` against the largest `seq` seen, and keeps the view up to date from
    snapshots and updates' `changes`, as the protocol describes."""

    def __init__(self, ws, name):
        self.ws, self.name = ws, name
        self.messages, self.max_seq, self.gaps, self.next_id = [], 0, [], 0
        self.view = None  # the view without its records
        self.arrived = asyncio.Event()
        self.reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, port, name):
        ws = await websockets.connect(f"ws://127.0.0.1:{port}/ws", subprotocols=["armistice.v2"], max_size=2**24)
        c = cls(ws, name)
        welcome = await c.request({"type": "hello", "protocol": "armistice.v2"})
        assert welcome["type"] == "welcome" and welcome["protocol"] == "armistice.v2"
        return c

    async def _read(self):
        try:
            async for text in self.ws:
                m = json.loads(text)
                if "prev" in m and self.max_seq and m["prev"] > self.max_seq:
                    self.gaps.append(m)
                if "seq" in m and m["type"] not in ("ack", "resumed"):
                    self.max_seq = max(self.max_seq, m["seq"])
                if m["type"] in ("snapshot", "update"):
                    self.view = apply_message(self.view, m)
                    if m["type"] == "update":
                        m["view"] = dict(self.view)  # the view as of this update, for wait_phase
                self.messages.append(m)
                self.arrived.set()
        except websockets.ConnectionClosed:
            pass

    async def wait_for(self, pred, since=0, timeout=15):
        async def scan():
            i = since
            while True:
                while i < len(self.messages):
                    if pred(self.messages[i]):
                        return self.messages[i]
                    i += 1
                self.arrived.clear()
                await self.arrived.wait()
        return await asyncio.wait_for(scan(), timeout)

    async def request(self, msg, timeout=15):
        self.next_id += 1
        rid = f"{self.name}-{self.next_id}"
        mark = len(self.messages)
        await self.ws.send(json.dumps(dict(msg, id=rid)))
        return await self.wait_for(lambda m: m.get("id") == rid, since=mark, timeout=timeout)

    async def wait_phase(self, phase, turn=None, timeout=15):
        return await self.wait_for(lambda m: "view" in m and m["view"]["phase"] == phase
                                   and (turn is None or m["view"]["turn"] == turn), timeout=timeout)

    async def close(self):
        await self.ws.close()
        self.reader.cancel()


def choose_orders(view, team):
    """The bot from the protocol's last paragraph: available actions that fit the budget left."""
    budget = next(t["budget"] for t in view["teams"] if t["id"] == team)
    orders = []
    for action in view["actions"]:
        if not action["available"] or action["cost"] > budget:
            continue
        params = {}
        for p in action["params"]:
            params[p["id"]] = p["choices"][0]["id"] if p.get("choices") else p.get("min", 0)
        orders.append({"action": action["id"], "params": params})
        budget -= action["cost"]
    consents = {c["action"]: "approve" for c in view.get("consents") or []}
    return orders, consents


async def play(port):
    instructor = await Client.open(port, "instructor")
    created = await instructor.request({
        "type": "create_room", "key": KEY, "ruleset": "coral_strait", "seed": 11, "turns": 2,
        "phases": {"briefing": 1, "negotiation": 60, "orders": 60, "adjudication": 1, "results": 1}})
    assert created["type"] == "room_created", created
    code = created["room"]
    assert len(code) == 6 and not set(code) & set("01OIL")

    # Bad input is answered with stable codes and keeps the connection.
    await instructor.ws.send("{not json")
    err = await instructor.wait_for(lambda m: m["type"] == "error" and m["code"] == "malformed_json")
    assert "message" in err
    assert (await instructor.request({"type": "teleport"}))["code"] == "unknown_type"

    snapshot = await instructor.wait_for(lambda m: m["type"] == "snapshot")
    teams = [t["id"] for t in snapshot["view"]["teams"]]
    players = {}
    for team in teams:
        c = await Client.open(port, team)
        joined = await c.request({"type": "join", "code": code.lower(), "name": f"Py {team}", "team": team})
        assert joined["type"] == "joined" and joined["team"] == team and joined["token"]
        c.token = joined["token"]
        players[team] = c
    observer = await Client.open(port, "observer")
    assert (await observer.request({"type": "join", "code": code, "name": "Board", "role": "observer"}))["type"] == "joined"
    assert (await players[teams[0]].request({"type": "join", "code": code, "name": "again"}))["code"] == "already_joined"

    assert (await instructor.request({"type": "start"}))["type"] == "ack"
    everyone = [instructor, observer, *players.values()]
    for turn in (1, 2):
        for c in everyone:
            await c.wait_phase("negotiation", turn)
        a, b = teams[0], teams[1]
        said = f"turn {turn}: shall we talk?"
        assert (await players[a].request({"type": "chat", "channel": f"pair:{a}+{b}", "text": said}))["type"] == "ack"
        await players[b].wait_for(lambda m: m["type"] == "chat" and m["message"]["text"] == said)
        assert (await instructor.request({"type": "skip"}))["type"] == "ack"
        for team, c in players.items():
            view = (await c.wait_phase("orders", turn))["view"]
            orders, consents = choose_orders(view, team)
            reply = await c.request({"type": "set_orders", "orders": orders, "consents": consents})
            assert reply["type"] == "ack", reply
        for team, c in players.items():
            assert (await c.request({"type": "lock"}))["type"] == "ack"
        # Every team locked in: adjudication at once, then results.
        for c in everyone:
            await c.wait_phase("results", turn)
    for c in everyone:
        final = await c.wait_phase("ended")
    assert observer.view["outcome"]["scores"].keys() == set(teams)
    assert (await players[teams[0]].request({"type": "lock"}))["code"] == "game_over"

    # A reconnect with the seat token and the last seq seen.
    last = players[teams[1]].max_seq
    await players[teams[1]].close()
    back = await Client.open(port, "back")
    back.view = players[teams[1]].view  # a resumed seat keeps the view it had: missed updates change it
    resumed = await back.request({"type": "resume", "token": players[teams[1]].token, "seq": last})
    assert resumed["type"] == "resumed" and resumed["mode"] in ("replay", "current")

    for c in everyone:
        assert not c.gaps, (c.name, c.gaps[:2])
    return code


def test_a_scripted_match_from_the_protocol_document(server):
    code = asyncio.run(play(server))
    url = f"http://127.0.0.1:{server}/api/rooms/{code}/log"
    with pytest.raises(urllib.error.HTTPError) as denied:
        urllib.request.urlopen(url)
    assert denied.value.code == 401
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {KEY}"})
    lines = [json.loads(l) for l in urllib.request.urlopen(req).read().decode().splitlines()]
    assert lines[0]["kind"] == "match" and lines[0]["settings"]["seed"] == 11 and "ruleset_text" in lines[0]
    assert sum(1 for l in lines if l["kind"] == "hash" and l.get("reason") != "final") == 2
    hashes = [l for l in lines if l["kind"] == "hash"]
    assert hashes[-1]["reason"] == "final"
    assert [l["seq"] for l in lines[1:]] == sorted(l["seq"] for l in lines[1:])
    health = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{server}/healthz").read())
    assert health["status"] == "ok"
    metrics = urllib.request.urlopen(f"http://127.0.0.1:{server}/metrics").read().decode()
    assert 'armistice_errors_total{code="malformed_json"} 1' in metrics
