/// The flat form of an expression: pairs of (opcode, operand) in postfix order, run by a small stack machine with no
/// allocation and no reference counting. `and` and `or` jump past their right side when the left side decides.
enum Opcode: Int {
    case constant, track, flag, project, parameter, projectParameter, turn, turns
    case negate, not, arithmetic, compare, minimum, maximum, absolute, clamp
    case jumpIfFalseKeep, jumpIfTrueKeep, pop, revealed, revealedParameter
}

extension ExprNode {
    func lower(into code: inout [Int]) {
        func emit(_ op: Opcode, _ arg: Int = 0) { code.append(op.rawValue); code.append(arg) }
        switch self {
        case .constant(let n): emit(.constant, n)
        case .track(let i): emit(.track, i)
        case .flag(let i): emit(.flag, i)
        case .project(let i): emit(.project, i)
        case .parameter(let i): emit(.parameter, i)
        case .projectParameter(let i): emit(.projectParameter, i)
        case .turn: emit(.turn)
        case .turns: emit(.turns)
        case .negate(let e): e.lower(into: &code); emit(.negate)
        case .not(let e): e.lower(into: &code); emit(.not)
        case .absolute(let e): e.lower(into: &code); emit(.absolute)
        case .arithmetic(let op, let a, let b):
            a.lower(into: &code); b.lower(into: &code)
            emit(.arithmetic, Expr.ArithmeticOperator.allCases.firstIndex(of: op)!)
        case .compare(let op, let a, let b):
            a.lower(into: &code); b.lower(into: &code)
            emit(.compare, Expr.ComparisonOperator.allCases.firstIndex(of: op)!)
        case .minimum(let a, let b): a.lower(into: &code); b.lower(into: &code); emit(.minimum)
        case .maximum(let a, let b): a.lower(into: &code); b.lower(into: &code); emit(.maximum)
        case .clamp(let x, let lo, let hi): x.lower(into: &code); lo.lower(into: &code); hi.lower(into: &code); emit(.clamp)
        case .and(let a, let b), .or(let a, let b):
            a.lower(into: &code)
            let isAnd: Bool
            if case .and = self { isAnd = true } else { isAnd = false }
            emit(isAnd ? .jumpIfFalseKeep : .jumpIfTrueKeep, 0)
            let patch = code.count - 1
            emit(.pop)
            b.lower(into: &code)
            code[patch] = code.count
        case .revealed(let track, let team):
            switch team {
            case .team(let t): emit(.revealed, track | (t << 32))
            case .parameter(let p): emit(.revealedParameter, track | (p << 32))
            }
        }
    }
}

extension Engine {
    /// Runs an expression's flat program against a state.
    func run(_ program: [Int], in state: GameState, params: [Int]) -> Int {
        program.withUnsafeBufferPointer { code in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: ExpressionLimits.maxNodes + 4) { stack in
                var sp = 0
                var pc = 0
                let count = code.count
                while pc < count {
                    let op = code[pc], arg = code[pc + 1]
                    pc += 2
                    switch Opcode(rawValue: op).unsafelyUnwrapped {
                    case .constant: stack[sp] = arg; sp += 1
                    case .track: stack[sp] = state.tracks[arg]; sp += 1
                    case .flag: stack[sp] = state.flags[arg] ? 1 : 0; sp += 1
                    case .project: stack[sp] = state.projects[arg]; sp += 1
                    case .parameter: stack[sp] = arg < params.count ? params[arg] : 0; sp += 1
                    case .projectParameter: stack[sp] = arg < params.count ? state.projects[params[arg]] : 0; sp += 1
                    case .turn: stack[sp] = state.turn; sp += 1
                    case .turns: stack[sp] = ruleset.calendar.turns; sp += 1
                    case .negate: stack[sp - 1] = -stack[sp - 1]
                    case .not: stack[sp - 1] = stack[sp - 1] == 0 ? 1 : 0
                    case .absolute: stack[sp - 1] = Expr.saturate(abs(stack[sp - 1]))
                    case .arithmetic:
                        sp -= 1
                        stack[sp - 1] = Expr.apply(Expr.ArithmeticOperator.allCases[arg], stack[sp - 1], stack[sp])
                    case .compare:
                        sp -= 1
                        stack[sp - 1] = Expr.compare(Expr.ComparisonOperator.allCases[arg], stack[sp - 1], stack[sp]) ? 1 : 0
                    case .minimum: sp -= 1; stack[sp - 1] = Swift.min(stack[sp - 1], stack[sp])
                    case .maximum: sp -= 1; stack[sp - 1] = Swift.max(stack[sp - 1], stack[sp])
                    case .clamp:
                        sp -= 2
                        stack[sp - 1] = Swift.max(stack[sp], Swift.min(stack[sp + 1], stack[sp - 1]))
                    case .jumpIfFalseKeep: if stack[sp - 1] == 0 { pc = arg }
                    case .jumpIfTrueKeep: if stack[sp - 1] != 0 { pc = arg }
                    case .pop: sp -= 1
                    case .revealed:
                        stack[sp] = state.trackVisibility[arg & 0xFFFF_FFFF] & (1 << UInt32(arg >> 32)) != 0 ? 1 : 0; sp += 1
                    case .revealedParameter:
                        let p = arg >> 32
                        let team = p < params.count ? params[p] : 0
                        stack[sp] = state.trackVisibility[arg & 0xFFFF_FFFF] & (1 << UInt32(team)) != 0 ? 1 : 0; sp += 1
                    }
                }
                return sp > 0 ? stack[sp - 1] : 0
            }
        }
    }
}
