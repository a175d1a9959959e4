/// How reading calls are repeated after a transient failure (`ESFError.isTransient`): a few
/// attempts, waiting longer each time (exponential, capped) with jitter, so many clients coming
/// back after an outage do not all ask at the same moment. Writing calls never go through it.
public struct ESFRetryPolicy: Sendable {
    /// Attempts in all, the first included; 1 means no retry.
    public var attempts: Int
    /// The wait after the first failure; it doubles after each further one.
    public var initialDelay: Duration
    public var maximumDelay: Duration
    /// The share of each wait that is random: 0.5 waits between half and all of it.
    public var jitter: Double
    /// Waits; tests pass one that returns at once.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A number in 0..<1.
    public var random: @Sendable () -> Double

    public init(attempts: Int = 4, initialDelay: Duration = .milliseconds(200), maximumDelay: Duration = .seconds(2),
                jitter: Double = 0.5,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.attempts = max(1, attempts)
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.jitter = min(max(jitter, 0), 1)
        self.sleep = sleep
        self.random = random
    }

    /// 4 attempts, waiting about 0.2, 0.4 and 0.8 s.
    public static let standard = ESFRetryPolicy()
    /// One attempt.
    public static let never = ESFRetryPolicy(attempts: 1)

    /// The wait after failed attempt `attempt` (1-based).
    public func delay(after attempt: Int) -> Duration {
        let doubled = initialDelay * (1 << min(max(attempt - 1, 0), 30))
        let capped = min(doubled, maximumDelay)
        return capped * (1 - jitter + jitter * random())
    }

    /// Runs `body` until it succeeds, fails for good, or the attempts run out; throws the last error.
    /// A cancelled wait ends the loop with the error before it.
    public func run<T>(_ body: () async throws(ESFError) -> T) async throws(ESFError) -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch let failure {
                guard failure.isTransient, attempt < attempts, !Task.isCancelled else { throw failure }
                do {
                    try await sleep(delay(after: attempt))
                } catch {
                    throw failure
                }
                attempt += 1
            }
        }
    }
}
