@testable import ArmisticeEngine
import Testing

@Suite struct ExpressionTests {
    let engine: Engine
    let state: GameState

    init() throws {
        engine = Engine(ruleset: try Fixtures.smallRuleset())
        state = engine.newGame(seed: 1)
    }

    func compiler(params: [String: (Int, Scope.ParameterKind)] = [:]) -> ExpressionCompiler {
        var scope = Scope()
        for (i, t) in engine.ruleset.tracks.enumerated() { scope.tracks[t.id] = i }
        for (i, f) in engine.ruleset.flags.enumerated() { scope.flags[f.id] = i }
        for (i, p) in engine.ruleset.projects.enumerated() { scope.projects[p.id] = i }
        scope.projectStatuses = engine.ruleset.projects.map(\.statuses)
        for (i, t) in engine.ruleset.teams.enumerated() { scope.teams[t.id] = i }
        for (k, v) in params { scope.parameters[k] = (v.0, v.1) }
        return ExpressionCompiler(scope: scope)
    }

    func value(_ text: String) throws -> Int { engine.evaluate(try compiler().number(text), in: state) }
    func truth(_ text: String) throws -> Bool { engine.holds(try compiler().condition(text), in: state) }

    @Test func arithmeticFollowsPrecedence() throws {
        #expect(try value("2 + 3 * 4") == 14)
        #expect(try value("(2 + 3) * 4") == 20)
        #expect(try value("-trust + 60") == 10)
        #expect(try value("trust / 3") == 16)
        #expect(try value("trust % 7") == 1)
        #expect(try value("min(trust, 10) + max(1, 2) + abs(-3) + clamp(trust, 0, 20)") == 35)
    }

    @Test func conditionsCombine() throws {
        #expect(try truth("tension >= 5 and trust < 60"))
        #expect(try truth("not broke_off"))
        #expect(try truth("tension > 7 or trust == 50"))
        #expect(try !truth("tension != 5"))
        #expect(try truth("bridge == 'planned' and bridge < 'open'"))
        #expect(try truth("turn == 0 and turns == 3"))
    }

    @Test func divisionByZeroGivesZeroAndNumbersSaturate() throws {
        #expect(try value("trust / (tension - 5)") == 0)
        #expect(try value("trust % 0") == 0)
        #expect(try value("999999999 * 999999999") == ExpressionLimits.maxMagnitude)
        #expect(try value("-999999999 * 999999999") == -ExpressionLimits.maxMagnitude)
        #expect(try value("999999999 + 999999999") == ExpressionLimits.maxMagnitude)
    }

    @Test(arguments: [
        ("tension and 3", "type_mismatch"),
        ("tension + broke_off", "type_mismatch"),
        ("tenson >= 3", "unknown_name"),
        ("bridge >= 'built'", "unknown_status"),
        ("tension >= 'open'", "type_mismatch"),
        ("tension", "type_mismatch"),
        ("red < blue", "type_mismatch"),
        ("$amount > 1", "unknown_parameter"),
        ("sqrt(2) > 1", "unknown_function"),
        ("min(1) > 0", "arguments"),
        ("1 < 2 < 3", "syntax"),
        ("tension = 3", "syntax"),
        ("tension >= ", "syntax"),
        ("(tension >= 3", "syntax"),
        ("tension >= 3 && trust > 1", "syntax"),
        ("'unterminated", "syntax"),
        ("", "syntax"),
    ])
    func badConditionsAreRejected(text: String, code: String) {
        #expect { try compiler().condition(text) } throws: { ($0 as? ExpressionError)?.code == code }
    }

    @Test func unknownNamesSuggestTheClosest() {
        do {
            _ = try compiler().condition("tenson >= 3")
            Issue.record("should fail")
        } catch {
            #expect(error.hint == "did you mean \"tension\"?")
            #expect(error.offset == 0)
        }
    }

    @Test func expressionsAreBounded() {
        let long = String(repeating: "1 + ", count: 120) + "1 > 0"
        #expect { try compiler().condition(long) } throws: { ($0 as? ExpressionError)?.code == "too_long" }
        let many = String(repeating: "1+", count: 70) + "1 > 0"
        #expect { try compiler().condition(many) } throws: { ($0 as? ExpressionError)?.code == "too_complex" }
        let deep = String(repeating: "(", count: 20) + "1" + String(repeating: ")", count: 20) + " > 0"
        #expect { try compiler().condition(deep) } throws: { ($0 as? ExpressionError)?.code == "too_deep" }
        #expect { try compiler().number("99999999999") } throws: { ($0 as? ExpressionError)?.code == "number_too_large" }
    }

    @Test func statementsAssignAndClamp() throws {
        let c = compiler(params: ["project": (0, .project), "amount": (1, .number)])
        var s = state
        var records: [Record] = []
        let statements = try ["tension += 100", "trust -= $amount * 2", "$project = 2", "broke_off = true", "reveal(secret, blue)"].map(c.statement)
        engine.execute(statements, on: &s, params: [0, 3], cause: "test", into: &records)
        #expect(s.tracks[2] == 10)
        #expect(s.tracks[0] == 44)
        #expect(s.projects[0] == 2)
        #expect(s.flags[0])
        #expect(s.trackVisibility[1] & 0b10 != 0)
        #expect(records.count == 5)
    }

    @Test(arguments: [
        ("tension == 3", "syntax"),
        ("turn += 1", "unknown_name"),
        ("red = 1", "not_assignable"),
        ("broke_off += 1", "type_mismatch"),
        ("tension = true", "type_mismatch"),
        ("bridge += 'open'", "type_mismatch"),
        ("explode(1)", "unknown_function"),
        ("reveal(trust)", "arguments"),
        ("tension + 1", "syntax"),
    ])
    func badStatementsAreRejected(text: String, code: String) {
        #expect { try compiler().statement(text) } throws: { ($0 as? ExpressionError)?.code == code }
    }
}
