import ArmisticeEngine

/// What changed in a view since the one an audience was last sent (armistice.v2, docs/protocol.md), found once from
/// the view's field table (`GameView.jsonFields`) and written straight into an update's bytes (it keeps which fields
/// changed, not the views: copying a view retains every one of its strings and lists):
/// - `changes`: top-level fields with their new value (null: the field is now absent);
/// - `patches`: for a list field whose length stayed the same, only its elements that changed, by index, and in
///   each only the properties that changed (null: the property is now absent).
/// `records` is never in either: updates carry their new records beside them.
struct ViewChanges {
    /// The fields that go whole in `changes`, by index in `GameView.jsonFields`.
    private var whole: [Int] = []
    /// The lists that go in `patches`, in their order there.
    private var patched: [JSONField<GameView>.Patch] = []

    /// `old`: what the audience holds (nil: nothing yet, so every field is in `changes`).
    init(from old: GameView?, to new: GameView) {
        let fields = GameView.jsonFields
        // Lent, not unwrapped: unwrapping copies the view (a retain per list and string). The rows are lent too.
        Lent.lend(old, new) { old, new in
            fields.withUnsafeBufferPointer { fields in
                guard let old else {
                    whole = fields.indices.filter { fields[$0].diffed }
                    return
                }
                for i in fields.indices {
                    fields.lend(i) { field in
                        guard field.diffed, !field.same(old, new) else { return }
                        if let patch = field.patch, patch.applies(old, new) { patched.append(patch) } else { whole.append(i) }
                    }
                }
            }
        }
        patched.sort { $0.rank < $1.rank }
    }

    /// Whether the view is the same as the one the audience holds (records aside).
    var isEmpty: Bool { whole.isEmpty && patched.isEmpty }

    /// Writes `,"changes":{…}` and, when a list kept its length, `,"patches":{…}` (`old` and `new` as given to `init`).
    func write(from old: GameView?, to new: GameView, into json: StreamingJSONEncoder) throws {
        try Lent.lend(old, new) { old, new in
            try GameView.jsonFields.withUnsafeBufferPointer { fields in
                json.append(#","changes":"#)
                var start = json.bytes.count
                for i in whole {
                    try fields.lend(i) { field in if old == nil { try field.put(new, json) } else { try field.putOrNull(new, json) } }
                }
                json.closeObject(from: start)
                guard let old, !patched.isEmpty else { return }
                json.append(#","patches":"#)
                start = json.bytes.count
                for patch in patched { try patch.write(old, new, json) }
                json.closeObject(from: start)
            }
        }
    }
}
