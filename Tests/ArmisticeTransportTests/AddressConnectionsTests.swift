import Testing
@testable import ArmisticeTransport

struct AddressConnectionsTests {
    private func wsi(_ n: Int) -> UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: 0x1000 * n)! }

    @Test func anAddressMayHoldItsLimitAndNoMoreUntilOneCloses() {
        var table = AddressConnections(limit: 2)
        do { let admitted = table.admit(fd: 10, address: "192.0.2.7"); #expect(admitted) }
        table.bind(fd: 10, wsi: wsi(1))
        do { let admitted = table.admit(fd: 11, address: "192.0.2.7"); #expect(admitted) }
        table.bind(fd: 11, wsi: wsi(2))
        do { let admitted = table.admit(fd: 12, address: "192.0.2.7"); #expect(!admitted) }
        do { let admitted = table.admit(fd: 12, address: "198.51.100.1"); #expect(admitted) }   // another address is not affected
        table.destroyed(wsi: wsi(1))
        do { let admitted = table.admit(fd: 13, address: "192.0.2.7"); #expect(admitted) }
        #expect(table.counts["192.0.2.7"] == 2)
    }

    @Test func aSocketLwsNeverAdoptedIsLetGoWhenItsDescriptorComesBack() {
        var table = AddressConnections(limit: 1)
        do { let admitted = table.admit(fd: 20, address: "2001:db8::1"); #expect(admitted) }
        // No wsi was made for descriptor 20; the next socket on that number must not count it twice.
        do { let admitted = table.admit(fd: 20, address: "2001:db8::1"); #expect(admitted) }
        #expect(table.counts["2001:db8::1"] == 1)
    }

    @Test func loopbackAndUnknownPeersAndNoLimitAreNeverCounted() {
        var table = AddressConnections(limit: 1)
        for fd in Int32(30)..<40 {
            do { let admitted = table.admit(fd: fd, address: "127.0.0.1"); #expect(admitted) }
            do { let admitted = table.admit(fd: fd + 100, address: "::1"); #expect(admitted) }
            do { let admitted = table.admit(fd: fd + 200, address: ""); #expect(admitted) }
        }
        #expect(table.counts.isEmpty)
        var unlimited = AddressConnections(limit: 0)
        for fd in Int32(0)..<5 { do { let admitted = unlimited.admit(fd: fd, address: "192.0.2.7"); #expect(admitted) } }
    }

    @Test func aDestroyedWsiThatWasNeverCountedChangesNothing() {
        var table = AddressConnections(limit: 3)
        do { let admitted = table.admit(fd: 5, address: "192.0.2.9"); #expect(admitted) }
        table.bind(fd: 5, wsi: wsi(5))
        table.destroyed(wsi: wsi(6))
        table.destroyed(wsi: wsi(5))
        table.destroyed(wsi: wsi(5))
        #expect(table.counts.isEmpty)
    }

    /// Outside tester qa6, W1: one client at a school's address held all its sockets (hello'd WebSockets, slow
    /// bodies) and every newcomer from the school was refused, seated students' resumes included. At the limit a
    /// newcomer now takes the place of the address's oldest socket that holds no seat; only when every socket holds
    /// one is it refused.
    @Test func atTheLimitANewcomerEvictsTheOldestSocketWithoutASeat() {
        var table = AddressConnections(limit: 3)
        let school = "192.0.2.2"
        for n in 1...3 {
            #expect(table.admit(fd: Int32(n), address: school) { _ in false } == .admitted)
            table.bind(fd: Int32(n), wsi: wsi(n))
        }
        let seated: Set<UnsafeMutableRawPointer> = [wsi(1), wsi(3)]
        // wsi(1) is the oldest but holds a seat: wsi(2) goes.
        #expect(table.admit(fd: 4, address: school) { seated.contains($0) } == .evicting(wsi(2)))
        table.bind(fd: 4, wsi: wsi(4))
        #expect(table.counts[school] == 3)
        // The evicted socket's own end, later, changes nothing.
        table.destroyed(wsi: wsi(2))
        #expect(table.counts[school] == 3)
        // Next the newcomer of before, now the oldest without a seat.
        #expect(table.admit(fd: 5, address: school) { seated.contains($0) } == .evicting(wsi(4)))
        table.bind(fd: 5, wsi: wsi(5))
        // Every socket holds a seat: refused, as before.
        let all: Set<UnsafeMutableRawPointer> = [wsi(1), wsi(3), wsi(5)]
        #expect(table.admit(fd: 6, address: school) { all.contains($0) } == .refused)
        #expect(table.counts[school] == 3)
        // Another address is never touched.
        #expect(table.admit(fd: 7, address: "198.51.100.1") { _ in false } == .admitted)
    }

    /// A socket accepted but not yet made a wsi (mid-handshake) cannot be chosen: only bound ones are.
    @Test func socketsStillBeingAcceptedAreNotEvicted() {
        var table = AddressConnections(limit: 2)
        #expect(table.admit(fd: 1, address: "192.0.2.3") { _ in false } == .admitted)
        #expect(table.admit(fd: 2, address: "192.0.2.3") { _ in false } == .admitted)
        #expect(table.admit(fd: 3, address: "192.0.2.3") { _ in false } == .refused)
    }
}
