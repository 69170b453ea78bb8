"""qa5 Wrong #1: two teammates adding an order at the same moment each sent the whole draft as they last saw it, and the
later one silently replaced the earlier. The page now sends the draft its edit was made from as `base`; the server
refuses a stale one (`draft_changed`) after the teammate's update has reached the page, which makes the same edit again
on the draft it now shows and sends it again. The student hears of it only if it still cannot be saved."""

from conftest import js_errors, wait
from pages import class_in_negotiation, click, css, game_value, in_page, text

# Holds the page's set_orders messages on their way out until released: the page builds its request from the draft it
# shows, then a teammate's change reaches the server first, as when two clicks come within the same few milliseconds.
HOLD = """
  const send = WebSocket.prototype.send;
  window.heldDrafts = [];
  window.holdDrafts = true;
  WebSocket.prototype.send = function (data) {
    if (window.holdDrafts && String(data).includes('"set_orders"')) { window.heldDrafts.push([this, data]); return; }
    return send.call(this, data);
  };
  window.releaseDrafts = () => { window.holdDrafts = false; for (const [ws, data] of window.heldDrafts.splice(0)) send.call(ws, data); };
"""


def drafted(driver):
    return game_value(driver, "(g.view.orders.dprk.orders || []).map((o) => o.action)")


def two_cheap_actions(driver):
    """Two DPRK actions that take no parameters, need no consent and fit the budget together."""
    return in_page(driver, """
        const budget = game.team('dprk').budget;
        const plain = game.view.actions.filter((a) => a.available && !(a.params || []).length && !(a.consent_from || []).length)
          .sort((a, b) => a.cost - b.cost);
        done(plain.length >= 2 && plain[0].cost + plain[1].cost <= budget ? [plain[0].id, plain[1].id] : String(plain.map((a) => a.id)));
    """)


def test_two_teammates_adding_at_the_same_moment_keep_both_orders(server, browsers):
    _teacher, (kim, ri), _code = class_in_negotiation(browsers, server, teams=("dprk", "dprk"), names=("Kim", "Ri"))
    first, second = two_cheap_actions(kim)
    assert isinstance(first, str) and isinstance(second, str), first
    ri.execute_script(HOLD)
    # Ri clicks Add on the empty draft; the request waits on the way out while Kim's add reaches the server.
    click(ri, f"#act-{second}-add")
    wait(ri, lambda d: d.execute_script("return window.heldDrafts.length") == 1, message="Ri's request not made")
    click(kim, f"#act-{first}-add")
    wait(ri, lambda d: drafted(d) == [first], message=lambda d: f"Ri's view: {drafted(d)}")
    ri.execute_script("window.releaseDrafts()")
    # Ri's stale request is refused, made again on Kim's draft and saved: both orders stay, on both screens.
    for page in (kim, ri):
        wait(page, lambda d: drafted(d) == [first, second], message=lambda d: f"draft: {drafted(d)}")
    wait(ri, lambda d: text(d, "#orders-status") == "Draft saved; your teammates see it.", message=lambda d: text(d, "#orders-status"))
    assert css(ri, "#orders-status").get_attribute("data-kind") != "error"
    assert not js_errors(kim) and not js_errors(ri)


def test_a_removal_made_on_a_changed_draft_removes_the_same_order_and_a_draft_that_keeps_changing_is_said(server, browsers):
    _teacher, (kim, ri), _code = class_in_negotiation(browsers, server, teams=("dprk", "dprk"), names=("Kim", "Ri"))
    first, second = two_cheap_actions(kim)
    click(kim, f"#act-{first}-add")
    wait(ri, lambda d: drafted(d) == [first])
    # Ri removes the first order while Kim puts the second one in front of it: the removal is made again on Kim's
    # draft and takes out the same order (not the one now at its place).
    ri.execute_script(HOLD)
    click(ri, "#remove-order-0")
    wait(ri, lambda d: d.execute_script("return window.heldDrafts.length") == 1)
    assert in_page(kim, f"""
        const d = game.view.orders.dprk;
        session.request({{ type: 'set_orders', orders: [{{ action: '{second}', params: {{}} }}, ...d.orders], consents: d.consents || {{}} }})
          .then(() => done(true), (e) => done(String(e.message || e)));
    """) is True
    wait(ri, lambda d: drafted(d) == [second, first])
    ri.execute_script("window.releaseDrafts()")
    for page in (kim, ri):
        wait(page, lambda d: drafted(d) == [second], message=lambda d: f"draft: {drafted(d)}")

    # A draft that is never the one the page made its edit from (each request's base is made stale on its way out, as if
    # a teammate changed the draft before every try): after a few tries Ri is told, in the page's words, and the draft
    # stays as it is.
    ri.execute_script("""
        const send = WebSocket.prototype.send;
        window.tries = 0;
        WebSocket.prototype.send = function (data) {
          const message = JSON.parse(data);
          if (message.type !== 'set_orders') return send.call(this, data);
          window.tries += 1;
          return send.call(this, JSON.stringify({ ...message, base: { orders: [], consents: {} } }));
        };
    """)
    click(ri, "#remove-order-0")
    wait(ri, lambda d: "A teammate changed the draft at the same moment" in text(d, "#orders-status"), message=lambda d: text(d, "#orders-status"))
    assert css(ri, "#orders-status").get_attribute("data-kind") == "error"
    assert ri.execute_script("return window.tries") == 4
    assert drafted(kim) == [second] and drafted(ri) == [second]
    assert not js_errors(kim) and not js_errors(ri)
