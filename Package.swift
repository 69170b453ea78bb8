// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Armistice",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "armistice", targets: ["armistice"]),
        .library(name: "ArmisticeEngine", targets: ["ArmisticeEngine"]),
        .library(name: "ArmisticeLocale", targets: ["ArmisticeLocale"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // Already built for postgres-nio; the load generator's sockets use its WebSocket client (see ArmisticeLoad).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // The message catalogs (one JSON file per language, embedded in the binary), plural rules and locale formatting.
        // Foundation only: the server, the terminal client and the report all read it.
        .target(
            name: "ArmisticeLocale",
            resources: [.embedInCode("Resources/en.json"), .embedInCode("Resources/ko.json")]
        ),
        // The one shape of the project's errors: a stable code and a message (`CodedError`). No dependencies, so that
        // the transport and the engine (and everything above them) share it.
        .target(name: "ArmisticeErrors"),
        // The rules: ruleset loading, the expression language and the deterministic engine. No I/O.
        .target(
            name: "ArmisticeEngine",
            dependencies: [
                "ArmisticeErrors",
                "ArmisticeLocale",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Bots and whole-game simulation on top of the engine. No I/O.
        .target(name: "ArmisticeBots", dependencies: ["ArmisticeEngine"]),
        // The C library, seen through a shim. Only ArmisticeTransport imports it.
        .systemLibrary(
            name: "CLibWebSockets",
            pkgConfig: "libwebsockets",
            providers: [.apt(["libwebsockets-dev", "libev-dev"])]
        ),
        // WebSocket and HTTP transport (server and client) over libwebsockets.
        .target(
            name: "ArmisticeTransport",
            dependencies: [
                "ArmisticeErrors",
                "CLibWebSockets",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The match log (docs/match-log.md): its record, its reader (tolerant and fast), its writer and its hash-line
        // policy. The server writes and restores rooms with it; replay and report read it. No I/O but a file it is given.
        .target(name: "ArmisticeLog", dependencies: ["ArmisticeEngine", "ArmisticeErrors", .product(name: "Crypto", package: "swift-crypto")]),
        // The protocol's types, shared by the server and every Swift client: requests (and which authority each needs),
        // server messages, error codes, versions, the one JSON value type, and the client side of armistice.v2
        // updates (the view merge). No I/O.
        .target(name: "ArmisticeWire", dependencies: ["ArmisticeEngine", "ArmisticeErrors", "ArmisticeLocale"]),
        // Rooms, the match journal and store, and the requests' handlers: the shell around the engine.
        .target(
            name: "ArmisticeServer",
            dependencies: [
                "ArmisticeEngine",
                "ArmisticeErrors",
                "ArmisticeLog",
                "ArmisticeBots",
                "ArmisticeTransport",
                "ArmisticeLocale",
                "ArmisticeWire",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Several nodes behind HAProxy: the room directory and the shipped match logs in PostgreSQL, takeover of a
        // dead node's rooms, and the HAProxy configuration. The only module that talks to PostgreSQL.
        .target(
            name: "ArmisticeCluster",
            dependencies: [
                "ArmisticeServer",
                "ArmisticeEngine",
                "ArmisticeErrors",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Migrations/m001_directory_and_logs.sql")]
        ),
        // The terminal client's C library: ncurses (wide characters).
        .systemLibrary(
            name: "CNcurses",
            path: "clients/terminal/CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The terminal client: a full-screen ncurses interface and a plain line mode, over the protocol.
        .target(
            name: "ArmisticeTerminal",
            dependencies: [
                "CNcurses",
                "ArmisticeEngine",
                "ArmisticeTransport",
                "ArmisticeLocale",
                "ArmisticeWire",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "clients/terminal/Sources"
        ),
        // The case package beside a scenario (objectives, role briefs, glossary, timelines, debrief questions):
        // reading it, checking it against the scenario, and printing it. No I/O but the file it is given.
        .target(
            name: "ArmisticeCase",
            dependencies: [
                "ArmisticeEngine",
                "ArmisticeLocale",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Replays and after-action reports from match logs. No sockets.
        .target(
            name: "ArmisticeReplay",
            dependencies: ["ArmisticeEngine", "ArmisticeErrors", "ArmisticeLog", "ArmisticeCase", "ArmisticeLocale"]
        ),
        // The load generator, the socket benchmarks' clients and server bed, and the fuzz and fault campaign: tools
        // that drive a real server from outside, as its users would.
        .target(
            name: "ArmisticeLoad",
            dependencies: [
                "ArmisticeEngine",
                "ArmisticeBots",
                "ArmisticeServer",
                "ArmisticeTransport",
                "ArmisticeReplay",
                "ArmisticeWire",
                "ArmisticeLog",
                .product(name: "Logging", package: "swift-log"),
                // The load generator's own connections (`LoadSocket`): libwebsockets 4.1.6's client reads a frame one
                // byte at a time, which made the generator, not the server, the limit of the turn cycle's burst.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "armistice",
            dependencies: [
                "ArmisticeLoad",
                "ArmisticeEngine",
                "ArmisticeBots",
                "ArmisticeServer",
                "ArmisticeCluster",
                "ArmisticeTransport",
                "ArmisticeTerminal",
                "ArmisticeReplay",
                "ArmisticeLog",
                "ArmisticeCase",
                "ArmisticeLocale",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What several test targets share: running blocking work and child processes off the cooperative pool.
        .target(name: "ArmisticeTestSupport", path: "Tests/ArmisticeTestSupport"),
        .testTarget(name: "ArmisticeLocaleTests", dependencies: ["ArmisticeLocale"]),
        .testTarget(name: "ArmisticeEngineTests", dependencies: ["ArmisticeTestSupport", "ArmisticeEngine", "ArmisticeBots"]),
        .testTarget(name: "ArmisticeTransportTests", dependencies: ["ArmisticeTestSupport", "ArmisticeTransport", "ArmisticeLoad", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ArmisticeWireTests", dependencies: ["ArmisticeWire"]),
        .testTarget(name: "ArmisticeServerTests", dependencies: ["ArmisticeTestSupport", "ArmisticeServer", "ArmisticeLog", "ArmisticeEngine", "ArmisticeTransport", "ArmisticeWire"]),
        .testTarget(name: "ArmisticeTerminalTests", dependencies: ["ArmisticeTestSupport", "ArmisticeTerminal", "ArmisticeServer", "ArmisticeTransport", "ArmisticeEngine", "ArmisticeLocale", "ArmisticeWire"]),
        .testTarget(name: "ArmisticeClusterTests", dependencies: ["ArmisticeCluster", "ArmisticeServer"]),
        .testTarget(
            name: "ArmisticeReplayTests",
            dependencies: ["ArmisticeTestSupport", "ArmisticeReplay", "ArmisticeLog", "ArmisticeCase", "ArmisticeEngine", "ArmisticeBots", "ArmisticeServer", "ArmisticeLocale"],
            exclude: ["Logs"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
