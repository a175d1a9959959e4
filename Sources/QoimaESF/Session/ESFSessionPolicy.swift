/// The session manager's settings.
public struct ESFSessionPolicy: Sendable {
    /// A session unused this long is checked with `currentSessionStatus` before it is used
    /// again: IS ESF closes idle sessions after some 20 minutes (reported; U11).
    public var idleCheckAfter: Duration
    /// `ttlInMinutes` of the login ticket (1–1440). Signing through NCALayer may wait for the user.
    public var ticketLifetimeMinutes: Int
    /// How reading calls, and the logins before writing calls, are repeated after transient failures.
    public var retry: ESFRetryPolicy

    public init(idleCheckAfter: Duration = .seconds(5 * 60), ticketLifetimeMinutes: Int = 10,
                retry: ESFRetryPolicy = .standard) {
        self.idleCheckAfter = idleCheckAfter
        self.ticketLifetimeMinutes = ticketLifetimeMinutes
        self.retry = retry
    }

    public static let standard = ESFSessionPolicy()
}
