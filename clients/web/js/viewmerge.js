// The client side of armistice.v2 updates (docs/protocol.md): the view a seat holds (without its records, which
// it keeps as a list) and what each message does to it. The Swift clients' merge (ArmisticeWire's ViewMerge) and the
// Python test bot's do the same; all three pass Tests/Fixtures/wire/merge-cases.json (tests/python/test_merge_cases.py).
// No imports: the test loads this module alone.

// The view after `msg`, given the view held before it: a snapshot's view, an armistice.v1 update's view, or an
// armistice.v2 update merged into `view`; any other message leaves the view as it was.
export function applyMessage(view, msg) {
  switch (msg.type) {
    case "snapshot": return withoutRecords(msg.view);
    case "update": return msg.view ? withoutRecords(msg.view) : mergeUpdate(view || {}, msg);
    default: return view;
  }
}

// `changes` holds the view's fields that changed (null: gone); `patches` the changed properties of list elements,
// by index (null: gone). The rest stays as it was. A new object is returned; `view` is not changed.
export function mergeUpdate(view, msg) {
  const merged = { ...(view || {}) };
  for (const [key, value] of Object.entries(msg.changes || {})) {
    if (value === null) delete merged[key]; else merged[key] = value;
  }
  for (const [key, elements] of Object.entries(msg.patches || {})) {
    if (!Array.isArray(merged[key])) continue;
    const list = merged[key].slice();
    for (const [index, properties] of Object.entries(elements)) {
      if (!list[index]) continue;
      const item = { ...list[index] };
      for (const [property, value] of Object.entries(properties)) {
        if (value === null) delete item[property]; else item[property] = value;
      }
      list[index] = item;
    }
    merged[key] = list;
  }
  return merged;
}

function withoutRecords(view) {
  const { records, ...rest } = view || {};
  return rest;
}
