"""A Korean connection is refused as specifically as an English one: the same `code`, and a message that names the
parameter, the phase or the action in Korean (docs/protocol.md, "Languages" and "Errors").

Run after `swift build`:  python3 -m pytest tests/python/test_korean_refusals.py
"""
import asyncio

from test_scripted_match import KEY, Client, server  # noqa: F401 (server is the fixture)


async def refusals(port):
    instructor = await Client.open(port, "instructor")
    created = await instructor.request({
        "type": "create_room", "key": KEY, "ruleset": "coral_strait", "seed": 3,
        "phases": {"briefing": 1, "negotiation": 600, "orders": 600, "adjudication": 1, "results": 1}})
    code = created["room"]
    korean, english = await Client.open(port, "ko"), await Client.open(port, "en")
    assert (await korean.request({"type": "set_language", "lang": "ko"}))["lang"] == "ko"
    for c, name in ((korean, "김"), (english, "Kim")):
        assert (await c.request({"type": "join", "code": code, "name": name, "team": "mediator"}))["type"] == "joined"

    async def both(msg):
        ko, en = await korean.request(msg), await english.request(msg)
        assert ko["type"] == en["type"] == "error" and ko["code"] == en["code"], (ko, en)
        return ko["code"], ko["message"], en["message"]

    # Before the match starts: the phase is named.
    code_, ko, en = await both({"type": "set_orders", "orders": [{"action": "stock_survey"}]})
    assert code_ == "wrong_phase"
    assert ko == "명령은 협상 단계와 명령 단계에서만 바꾸거나 확정할 수 있습니다(지금 단계: 준비 중).", ko
    assert en == "orders can be changed only in the negotiation and orders phases (now: Setting up)", en

    assert (await instructor.request({"type": "start"}))["type"] == "ack"
    await instructor.wait_phase("briefing")
    assert (await instructor.request({"type": "skip"}))["type"] == "ack"
    await korean.wait_phase("negotiation")

    # A missing parameter: the action and the parameter by their Korean names.
    code_, ko, en = await both({"type": "set_orders", "orders": [{"action": "draft_accord"}]})
    assert code_ == "bad_parameter"
    assert ko == "“협정 초안 제출”의 ‘할당량 수준(1 엄격, 3 느슨) (quota)’ 항목이 빠졌습니다. 값을 골라 다시 보내세요.", ko
    assert "Quota level (1 strict, 3 loose) (quota)" in en, en

    # An unknown action: what was sent and what was probably meant.
    code_, ko, en = await both({"type": "set_orders", "orders": [{"action": "draft_acord"}]})
    assert code_ == "unknown_action"
    assert ko == "그런 행동은 없습니다: “draft_acord”. 혹시 “draft_accord”입니까? 행동 목록에 있는 것을 고르세요.", ko
    assert en == 'unknown action "draft_acord"; did you mean "draft_accord"?', en

    # A deal on a deal that does not exist.
    code_, ko, _ = await both({"type": "respond_deal", "deal": 4, "accept": True})
    assert code_ == "unknown_deal"
    assert ko.startswith("합의 #4는 없습니다."), ko

    for c in (instructor, korean, english):
        await c.close()


def test_korean_refusals_are_specific(server):  # noqa: F811
    asyncio.run(refusals(server))
