import Testing
@testable import ArmisticeTransport

struct LivenessTests {
    let second: UInt64 = 1_000_000_000
    let policy = IdlePolicy(pingSeconds: 30, hangUpSeconds: 75)

    @Test func aConnectionHeardFromRecentlyIsLeftAlone() {
        var liveness = Liveness(openedAt: 100 * second)
        #expect(liveness.check(at: 129 * second, policy: policy) == .nothing)
        do { let pinged = liveness.takePing(); #expect(!pinged) }
    }

    @Test func aSilentConnectionIsPingedOnceThenDroppedAtTheIdleTimeout() {
        var liveness = Liveness(openedAt: 0)
        #expect(liveness.check(at: 30 * second, policy: policy) == .ping)
        do { let pinged = liveness.takePing(); #expect(pinged) }
        do { let pinged = liveness.takePing(); #expect(!pinged) }
        #expect(liveness.check(at: 40 * second, policy: policy) == .nothing)
        #expect(liveness.check(at: 74 * second, policy: policy) == .nothing)
        #expect(liveness.check(at: 75 * second, policy: policy) == .hangUp)
        #expect(liveness.check(at: 76 * second, policy: policy) == .nothing)
    }

    @Test func anyFrameOrPongResetsTheSilence() {
        var liveness = Liveness(openedAt: 0)
        #expect(liveness.check(at: 31 * second, policy: policy) == .ping)
        liveness.heard(at: 32 * second)
        do { let pinged = liveness.takePing(); #expect(!pinged) }
        #expect(liveness.check(at: 61 * second, policy: policy) == .nothing)
        #expect(liveness.check(at: 62 * second, policy: policy) == .ping)
        #expect(liveness.check(at: 106 * second, policy: policy) == .nothing)
        #expect(liveness.check(at: 107 * second, policy: policy) == .hangUp)
    }

    @Test func aConnectionSilentPastBothLimitsIsDroppedWithoutAPing() {
        var liveness = Liveness(openedAt: 0)
        #expect(liveness.check(at: 200 * second, policy: policy) == .hangUp)
        do { let pinged = liveness.takePing(); #expect(!pinged) }
    }

    @Test func anInstantBeforeTheLastFrameCountsAsNoSilence() {
        var liveness = Liveness(openedAt: 50 * second)
        #expect(liveness.check(at: 10 * second, policy: policy) == .nothing)
    }

    @Test func thePolicyKeepsLwssBoundsOnItsSeconds() {
        let tight = IdlePolicy(pingSeconds: 0, hangUpSeconds: 0)
        #expect(tight.pingAfter == second)
        #expect(tight.hangUpAfter == 2 * second)
        let inverted = IdlePolicy(pingSeconds: 30, hangUpSeconds: 10)
        #expect(inverted.hangUpAfter == 31 * second)
    }
}
