"""qa5 Confusing #4: the browser's lock confirmation said less than the terminal's. The first press now also says the
points not spent and the consent questions not answered, each with what no answer counts as; a lock during the
negotiation says that the negotiation goes on (locking ends nothing early)."""

from conftest import js_errors, wait
from pages import class_in_negotiation, click, game_value, text


def test_the_lock_confirmation_names_unspent_points_and_unanswered_questions(server, browsers):
    _teacher, (kim, _lee), _code = class_in_negotiation(browsers, server)
    budget = game_value(kim, "g.team('dprk').budget")
    questions = game_value(kim, "(g.view.consents || []).map((c) => [c.name, c.rule])")
    assert questions, "the DPRK has no say to leave unanswered"
    click(kim, "#lock")
    wait(kim, lambda d: "Confirm" in text(d, "#lock"))
    said = text(kim, "#orders-status")
    assert f"{budget} of the {budget} points are not spent." in said, said
    assert (f"{len(questions)} questions not answered: " if len(questions) > 1 else "Not answered: ") in said, said
    for name, rule in questions:
        assert f"{name} (no answer counts as {'refusing' if rule == 'all' else 'approving'})" in said, said
    assert said.endswith("Press again to lock in anyway.")
    click(kim, ".lang-switch button[data-lang=ko]")
    wait(kim, lambda d: f"예산 {budget}점 중 {budget}점을 쓰지 않았습니다." in text(d, "#orders-status"), message=lambda d: text(d, "#orders-status"))
    assert "그래도 확정하려면 한 번 더 누르세요." in text(kim, "#orders-status")
    click(kim, ".lang-switch button[data-lang=en]")
    wait(kim, lambda d: "Confirm" in text(d, "#lock"))
    click(kim, "#lock")
    wait(kim, lambda d: text(d, "#orders-status").startswith("Your orders are locked in for this turn. Negotiation goes on until its clock runs out"),
         message=lambda d: text(d, "#orders-status"))
    assert not js_errors(kim)
