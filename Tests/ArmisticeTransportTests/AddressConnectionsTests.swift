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
}
