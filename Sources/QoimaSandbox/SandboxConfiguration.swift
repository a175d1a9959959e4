/// How the local IS ESF simulator is started: `qoima-cli sandbox serve [--port N] [--data DIR]`.
public struct SandboxConfiguration: Equatable, Sendable {
    public var port: Int
    public var dataDirectory: String?

    public static let defaultPort = 18443

    public init(port: Int = SandboxConfiguration.defaultPort, dataDirectory: String? = nil) {
        self.port = port
        self.dataDirectory = dataDirectory
    }
}
