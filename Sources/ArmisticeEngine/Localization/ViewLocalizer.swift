import ArmisticeLocale

/// Builds views in one language from states of an English engine: the same state, the same hash, the same log;
/// only what a person reads differs. One per language used in a room is enough (it holds no state).
public struct ViewLocalizer: Sendable {
    public let language: Language
    /// An engine over the localized ruleset, used only to build views (never to apply inputs).
    public let engine: Engine
    public let records: RecordTranslator

    public init(_ base: Engine, language: Language) {
        self.language = language
        let ruleset = base.ruleset.localized(to: language.rawValue)
        engine = Engine(ruleset: ruleset, keepsHistory: base.keepsHistory, phrases: Catalog(language: language))
        records = RecordTranslator(ruleset: base.ruleset, language: language)
    }

    /// The match as one viewer may see it, in this language.
    public func view(of state: GameState, for viewer: Viewer) -> GameView {
        var parts = ViewParts()
        return view(of: state, for: viewer, sharing: &parts)
    }

    /// The match as one viewer may see it, in this language, sharing `parts` with this localizer's other views of
    /// the same state (see `Engine.view(of:for:sharing:)`).
    public func view(of state: GameState, for viewer: Viewer, sharing parts: inout ViewParts) -> GameView {
        var view = engine.view(of: state, for: viewer, sharing: &parts)
        view.records = view.records.map(records.translate)
        if var outcome = view.outcome {
            outcome.reason = records.translate(reason: outcome.reason, kind: .outcome)
            view.outcome = outcome
        }
        return view
    }
}
