"""The Python test bot's view merge (docs/protocol.md): the view a client holds, without its records, and what each
message does to it. The Swift clients' (ArmisticeWire's ViewMerge) and the browser's (clients/web/js/viewmerge.js) do
the same; all three pass Tests/Fixtures/wire/merge-cases.json (test_merge_cases.py)."""


def apply_message(view, m):
    """The view after message `m`, given the view held before it: a snapshot's view, an armistice.v1 update's view,
    or an armistice.v2 update merged into `view`; any other message leaves the view as it was."""
    if m["type"] == "snapshot":
        return {k: v for k, v in m["view"].items() if k != "records"}
    if m["type"] == "update":
        if "view" in m:
            return {k: v for k, v in m["view"].items() if k != "records"}
        return merge_update(view or {}, m)
    return view


def merge_update(view, m):
    """`changes` replaces fields (None: the field is gone); `patches` gives list elements, by index, the properties
    that changed (None: gone). An index past the end, or a patch of a field that is not a list, is ignored."""
    view = dict(view)
    for key, value in m.get("changes", {}).items():
        if value is None:
            view.pop(key, None)
        else:
            view[key] = value
    for key, elements in m.get("patches", {}).items():
        if not isinstance(view.get(key), list):
            continue
        items = list(view[key])
        for index, properties in elements.items():
            i = int(index)
            if not 0 <= i < len(items) or not isinstance(items[i], dict):
                continue
            item = dict(items[i])
            for prop, value in properties.items():
                if value is None:
                    item.pop(prop, None)
                else:
                    item[prop] = value
            items[i] = item
        view[key] = items
    return view
