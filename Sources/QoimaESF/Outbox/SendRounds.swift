import Foundation

/// The loop both senders (SNTs through `SntOutbox`, forms through `UFormSender`) run: rounds
/// until nothing is left open, the deadline passes or the task is cancelled; after a round that
/// moved nothing the pause doubles (up to `longestPause`), after one that did it starts over.
enum SendRounds {
    /// `round` returns nil when nothing is open any more, else whether it moved anything.
    static func run(until deadline: ContinuousClock.Instant, pause first: Duration, longestPause: Duration,
                    _ round: () async throws -> Bool?) async throws {
        var pause = first
        while ContinuousClock.now < deadline, !Task.isCancelled {
            guard let progressed = try await round() else { return }
            if progressed {
                pause = first
            } else {
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, longestPause)
            }
        }
    }
}
