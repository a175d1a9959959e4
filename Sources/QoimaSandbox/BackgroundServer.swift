import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A Hummingbird application running in the background until stopped: how the NCALayer
/// simulator, the IS ESF sandbox and test servers start on a port and shut down cleanly.
public final class BackgroundServer: Sendable {
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    private init(port: Int, group: ServiceGroup, task: Task<Void, Never>) {
        self.port = port
        self.group = group
        self.task = task
    }

    /// Builds the application with the callback it must take as `onServerRunning`, runs it, and
    /// returns once it listens; nil when it stopped before listening (the port was taken, say).
    public static func start<App: Service>(
        gracePeriod: Duration = .seconds(3), logger: Logger,
        _ makeApplication: (_ onServerRunning: @escaping @Sendable (any Channel) async -> Void) throws -> App
    ) async throws -> BackgroundServer? {
        let (ports, portReport) = AsyncThrowingStream.makeStream(of: Int.self)
        let application = try makeApplication { channel in portReport.yield(channel.localAddress?.port ?? 0) }
        var configuration = ServiceGroupConfiguration(services: [application], logger: logger)
        configuration.maximumGracefulShutdownDuration = gracePeriod
        let group = ServiceGroup(configuration: configuration)
        let task = Task {
            do {
                try await group.run()
                portReport.finish()
            } catch {
                portReport.finish(throwing: error)
            }
        }
        for try await port in ports { return BackgroundServer(port: port, group: group, task: task) }
        await task.value
        return nil
    }

    /// Stops listening, closing open connections, and returns when the server is down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// A logger that prints nothing: these servers speak only through their answers.
    public static func silentLogger(_ label: String) -> Logger {
        Logger(label: label) { _ in SwiftLogNoOpLogHandler() }
    }
}
