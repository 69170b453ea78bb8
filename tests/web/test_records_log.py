"""The browser's full records log (the student's "All records", the console's records: clients/web/js/views.js
recordWords) reads a project's value as its stage, named as the view names it in the reader's language
("groundbreaking → construction", "착공 → 공사 중"), as the report, the replay and the terminal do since 79e72a6;
never as its position ("2 → 3")."""
from node_script import node_json


def texts(lang):
    return node_json("records_log.mjs", lang)


def test_a_projects_value_reads_as_its_stage():
    got = texts("en")
    assert got["effect"] == "Inter-Korean rail and road reconnection: groundbreaking → construction"
    assert got["adjustment"] == "Instructor set Inter-Korean rail and road reconnection: construction → surveyed"
    # A position the view has no stage for is still said, as its number; a track keeps its numbers.
    assert got["unknown"] == "Inter-Korean rail and road reconnection: operating → 7"
    assert got["track"] == "Military tension: 2 → 3"


def test_the_stages_read_in_korean():
    got = texts("ko")
    assert got["effect"] == "남북 철도·도로 연결: 착공 → 공사 중"
    assert got["adjustment"].endswith("남북 철도·도로 연결: 공사 중 → 조사 완료"), got["adjustment"]
