// swift-tools-version:6.0
import PackageDescription

// Layers, top to bottom (see docs/architecture.md): dependencies point down only.
let package = Package(
    name: "Qoima",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qoima", targets: ["qoima"]),
        .executable(name: "qoima-cli", targets: ["qoima-cli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.0"),
    ],
    targets: [
        // C modules
        .systemLibrary(name: "CGtk", pkgConfig: "gtk4", providers: [.apt(["libgtk-4-dev"])]),
        .systemLibrary(name: "CAdw", pkgConfig: "libadwaita-1", providers: [.apt(["libadwaita-1-dev"])]),
        .target(name: "CGtkShim", dependencies: ["CGtk", "CAdw"]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSecret", pkgConfig: "libsecret-1", providers: [.apt(["libsecret-1-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Pango on cairo, with cairo's PDF and PNG surfaces (printing; no GTK).
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),

        // Domain and services
        .target(name: "QoimaCore"),
        .target(name: "QoimaXML", dependencies: ["QoimaCore", "CXML2"]),
        .target(name: "QoimaStore", dependencies: ["QoimaCore", "QoimaXML", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "QoimaSigning",
            dependencies: [
                "QoimaCore", "QoimaXML", "CXML2", "COpenSSL", "CSecret",
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "QoimaESF", dependencies: ["QoimaCore", "QoimaXML", "QoimaSigning", "QoimaStore", "CCurl"]),
        .target(
            name: "QoimaSandbox",
            dependencies: [
                "QoimaCore", "QoimaXML", "QoimaSigning",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(name: "QoimaPrint", dependencies: ["QoimaCore", "QoimaStore", "CPangoCairo"]),
        // Demo mode: an in-process sandbox, the demo companies' keys and a world of SNTs in every state.
        .target(name: "QoimaDemo", dependencies: ["QoimaCore", "QoimaXML", "QoimaStore", "QoimaSigning", "QoimaESF", "QoimaSandbox"]),

        // GUI
        .target(name: "GtkKit", dependencies: ["CGtk", "CAdw", "CGtkShim"]),
        .target(
            name: "QoimaApp",
            dependencies: ["GtkKit", "QoimaCore", "QoimaStore", "QoimaSigning", "QoimaESF", "QoimaPrint"],
            plugins: ["GResourcePlugin"]
        ),
        .plugin(name: "GResourcePlugin", capability: .buildTool()),

        // Executables
        .executableTarget(
            name: "qoima",
            dependencies: ["QoimaApp", "QoimaStore", "QoimaDemo",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "qoima-cli",
            dependencies: [
                "QoimaCore", "QoimaXML", "QoimaStore", "QoimaSigning", "QoimaESF", "QoimaSandbox", "QoimaPrint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(
            name: "qoima-bench",
            dependencies: ["QoimaCore", "QoimaXML", "QoimaStore", "QoimaSigning", "QoimaESF", "QoimaSandbox", "QoimaDemo", "CXML2",
                           "QoimaApp", "GtkKit", "QoimaPrint",
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),

        // Tests
        .testTarget(
            name: "QoimaCoreTests",
            dependencies: ["QoimaCore", "QoimaXML", "QoimaStore", "QoimaSigning", "QoimaESF", "QoimaSandbox", "QoimaPrint",
                           "QoimaDemo", "CPangoCairo", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTLS", package: "hummingbird"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            // The printouts' reference picture, read by path (PrintSnapshotTests).
            exclude: ["Print/Resources"]
        ),
        // Property-based tests run under Swift Testing (PropertyBased needs it); everything else is XCTest.
        .testTarget(
            name: "QoimaPropertyTests",
            dependencies: ["QoimaCore", "QoimaXML", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "GtkKitTests", dependencies: ["GtkKit", "CGtkShim"]),
        .testTarget(name: "QoimaAppTests", dependencies: ["QoimaApp", "GtkKit", "QoimaCore", "QoimaStore", "QoimaXML",
                                                          "QoimaSigning", "QoimaESF", "QoimaSandbox", "QoimaDemo"]),
    ],
    swiftLanguageModes: [.v6]
)
