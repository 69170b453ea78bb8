"""The browser matches a carried-out deal's steps to their order records as the engine does (Deal.stepRecords, which the
report, the replay and the terminal read): both run Tests/Fixtures/deals/deal-steps-cases.json, so a student's deal card
says "carried out in part" exactly when the report does (REPORT-browser, second class #3), and a covert step whose record
the reader cannot see is never guessed."""
from node_script import node_json


def test_the_browser_matches_each_deal_step_as_the_engine_does():
    got = node_json("deal_steps.mjs")
    assert got["cases"] >= 11
    assert got["mismatches"] == []


def test_a_card_names_a_step_that_failed_its_dice_roll_beside_carried_out():
    """A summit taken to the dice that failed did not happen: "carried out" alone was read as if it had (qa5 #9)."""
    got = node_json("deal_steps.mjs", "en")
    assert got["failed"] == {"inPart": False, "text": "Carried out at the adjudication of turn 1. A step failed its dice roll: ROK's "
                             "“Propose an inter-Korean summit” (rolled 91, needed 70 or less). See the results."}
    assert got["failedAndPartly"]["text"] == (
        "Carried out only in part at the adjudication of turn 1. Not carried out: United States's “Hold a US-DPRK summit”: could not be "
        "taken (No working-level groundwork for a summit). A step failed its dice roll: ROK's “Propose an inter-Korean summit” (rolled 91, "
        "needed 70 or less). See the results.")
    # A reader who cannot see the step's record is not told it failed.
    assert got["failedUnseen"]["text"] == "Carried out at the adjudication of turn 1: see the results."
    ko = node_json("deal_steps.mjs", "ko")
    assert ko["failed"]["text"] == ("1턴 판정에서 이행되었습니다. 주사위 판정 실패 1건: 한국의 “남북정상회담 제안” (주사위 91, 70 이하가 필요). "
                                     "결과를 확인하세요.")


def test_a_card_says_the_deal_was_carried_out_in_part_naming_the_step_and_why():
    got = node_json("deal_steps.mjs", "en")
    assert got["partly"] == {"inPart": True, "text": "Carried out only in part at the adjudication of turn 1. Not carried out: United States's "
                             "“Hold a US-DPRK summit”: could not be taken (No working-level groundwork for a summit). See the results."}
    assert got["full"] == {"inPart": False, "text": "Carried out at the adjudication of turn 1: see the results."}
    # A step whose record this reader cannot see (a covert action of another team) is not guessed.
    assert got["unseen"] == got["full"]


def test_the_card_reads_in_korean():
    got = node_json("deal_steps.mjs", "ko")
    assert got["partly"]["text"] == ("1턴 판정에서 일부만 이행되었습니다. 이행되지 못한 약속: 미국의 “북미 정상회담 개최”: 실행할 수 없음 "
                                     "(No working-level groundwork for a summit). 결과를 확인하세요.")
    assert got["full"]["text"] == "1턴 판정에서 이행되었습니다. 결과를 확인하세요."


def test_the_badge_says_a_step_failed_its_dice_roll():
    """The card's badge said "carried out" over a deal whose summit failed its roll (qa5 #9): it says so in a word too."""
    got = node_json("deal_steps.mjs", "en")
    assert got["badges"] == {"partly": "deal.status.carried_out_part", "full": "deal.status.carried_out",
                             "failed": "deal.status.carried_out_failed", "failedUnseen": "deal.status.carried_out"}
