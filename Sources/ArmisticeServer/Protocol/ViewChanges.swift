import ArmisticeEngine

/// What changed in a view since the one an audience was last sent (armistice.v2, docs/protocol.md), written straight
/// into an update's bytes from the view's field table (`GameView.jsonFields`):
/// - `changes`: top-level fields with their new value (null: the field is now absent);
/// - `patches`: for a list field whose length stayed the same, only its elements that changed, by index, and in
///   each only the properties that changed (null: the property is now absent).
/// `records` is never in either: updates carry their new records beside them.
enum ViewChanges {
    /// Writes `,"changes":{…}` and, when a list kept its length, `,"patches":{…}` (`old` nil: the audience holds
    /// nothing yet, so every field is in `changes`).
    static func write(from old: GameView?, to new: GameView, into json: StreamingJSONEncoder) throws {
        let fields = GameView.jsonFields
        json.append(#","changes":"#)
        var start = json.bytes.count
        guard let old else {
            for field in fields where field.diffed { try field.put(new, json) }
            json.closeObject(from: start)
            return
        }
        var patched: [JSONField<GameView>.Patch] = []
        for field in fields where field.diffed && !field.same(old, new) {
            if let patch = field.patch, patch.applies(old, new) { patched.append(patch) } else { try field.putOrNull(new, json) }
        }
        json.closeObject(from: start)
        guard !patched.isEmpty else { return }
        json.append(#","patches":"#)
        start = json.bytes.count
        for patch in patched.sorted(by: { $0.rank < $1.rank }) { try patch.write(old, new, json) }
        json.closeObject(from: start)
    }
}
