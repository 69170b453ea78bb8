import Testing
@testable import ArmisticeCluster

/// The generated haproxy.cfg routes each slice of the code space to its node with the next node as backup.
@Suite struct HAProxyConfigTests {
    static let nodes = [ClusterNodeSpec(name: "a", host: "10.0.0.1", port: 8080, prefix: "A"),
                        ClusterNodeSpec(name: "b", host: "10.0.0.2", port: 8080, prefix: "B"),
                        ClusterNodeSpec(name: "c", host: "10.0.0.3", port: 8080, prefix: "C")]

    @Test func eachSliceGoesToItsNodeWithTheNextNodeAsBackup() throws {
        let text = try HAProxyConfig(nodes: Self.nodes, bind: "0.0.0.0:8080").render()
        #expect(text.contains("use_backend slice_a if { var(txn.room) -m beg A }"))
        #expect(text.contains("use_backend slice_c if { var(txn.room) -m beg C }"))
        let sliceC = try #require(text.components(separatedBy: "backend slice_c").last?.components(separatedBy: "backend any_node").first)
        #expect(sliceC.contains("server c 10.0.0.3:8080"))
        #expect(sliceC.contains("server a-backup 10.0.0.1:8080") && sliceC.contains(" backup "), "the list wraps round: a backs up c")
        #expect(text.contains("option httpchk GET /healthz"))
        #expect(text.contains("urlp(room)") && text.contains("path_beg /ws/") && text.contains("path_beg /api/rooms/"))
        #expect(text.contains("default_backend any_node"))
    }

    @Test func overlappingPrefixesAndDuplicateNamesAreRefused() {
        #expect(throws: ClusterError.self) {
            try HAProxyConfig(nodes: [Self.nodes[0], ClusterNodeSpec(name: "x", host: "h", port: 1, prefix: "AB")], bind: ":80")
        }
        #expect(throws: ClusterError.self) { try HAProxyConfig(nodes: [Self.nodes[0], Self.nodes[0]], bind: ":80") }
        #expect(throws: ClusterError.self) { try HAProxyConfig(nodes: [], bind: ":80") }
    }

    @Test func nodeSpecsAreParsedAndChecked() throws {
        #expect(try ClusterNodeSpec(parsing: "a=127.0.0.1:8081:a") == ClusterNodeSpec(name: "a", host: "127.0.0.1", port: 8081, prefix: "A"))
        for bad in ["a", "a=host:port:A", "a=h:1", "a=h:1:O", "=h:1:A", "a=h:70000:A", "a b=h:1:A"] {
            let error = #expect(throws: ClusterError.self, "\(bad)") { try ClusterNodeSpec(parsing: bad) }
            #expect(error?.code == .badNodes)
        }
    }

    @Test func migrationsSplitIntoStatements() throws {
        let statements = ClusterMigrations.statements("-- a comment\nCREATE TABLE t (\n  a int\n);\n\nCREATE INDEX i ON t (a);\n")
        #expect(statements == ["CREATE TABLE t (\n  a int\n)", "CREATE INDEX i ON t (a)"])
        let first = try #require(ClusterMigrations.all.first)
        #expect(first.version == 1)
        #expect(ClusterMigrations.statements(first.sql).count == 4)
    }
}
