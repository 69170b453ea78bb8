"""The browser's turn summary (clients/web/js/summary.js) says what each cause did to a value the instructor also set
during the turn: the instructor's share, an action's, the upkeep's and a share whose cause this seat is not shown, adding
up to the change (REPORT-terminal #1: the whole +4 was put on the instructor). The terminal's TurnSummary says the same
from the same catalog keys (record.cause.*_share)."""
import json

from node_script import node_json


def summary(lang):
    return node_json("summary_causes.mjs", lang)


def test_each_cause_of_a_change_is_named_with_its_share():
    got = summary("en")
    assert got["mixed"] == ("Military tension: 4 → 8 (+4) — +2 set by the instructor (“DMZ 총격 사건 (수업용)”), "
                            "+1 by the action Cut contact, +1 upkeep, every turn")
    assert got["hidden"] == "Military tension: 2 → 6 (+4) — +3 from a cause not shown to you, +1 set by the instructor (“a drill”)"
    # Only the instructor moved it: the whole change is the instructor's, said as before.
    assert got["instructor_only"] == "Military tension: 4 → 6 (+2) — set by the instructor, giving the reason “the class agreed”"
    assert got["plain"] == "Military tension: 4 → 5 (+1)"


def test_the_shares_read_in_korean():
    got = summary("ko")
    assert got["mixed"] == "군사적 긴장: 4 → 8 (+4) — 교사 조정 +2 (사유 “DMZ 총격 사건 (수업용)”), 행동 연락 차단에 따라 +1, 매 턴 자동 변화 +1"
    assert got["hidden"] == "군사적 긴장: 2 → 6 (+4) — 드러나지 않은 원인 +3, 교사 조정 +1 (사유 “a drill”)"
    assert "유지비" not in json.dumps(got, ensure_ascii=False), "upkeep is not a fee (REPORT-designer #19)"
