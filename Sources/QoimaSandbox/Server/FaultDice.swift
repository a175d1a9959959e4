import Synchronization

/// The faults in force and the random draws that apply them: from a generator seeded with
/// `--fault-seed`, so a run can be repeated draw for draw, or from the system's generator. The
/// faults may change while the sandbox runs (`RunningSandbox.faults`).
final class FaultDice: Sendable {
    private struct State {
        var faults: SandboxFaults
        var generator: Generator
    }

    private let state: Mutex<State>

    init(_ faults: SandboxFaults, seed: UInt64?) {
        state = Mutex(State(faults: faults, generator: seed.map { .seeded(SplitMix64(seed: $0)) } ?? .system))
    }

    var faults: SandboxFaults {
        get { state.withLock { $0.faults } }
        set { state.withLock { $0.faults = newValue } }
    }

    /// What to do with one request.
    func outcome() -> SandboxFaults.Outcome {
        state.withLock { state in
            let faults = state.faults
            return faults.outcome(using: &state.generator)
        }
    }

    /// Whether a session create answers "User already has opened session". No draw is made
    /// while that fault is off, so it does not shift the sequence of the others.
    func alreadyOpen() -> Bool {
        state.withLock { state in
            let probability = state.faults.alreadyOpenProbability
            guard probability > 0 else { return false }
            return Double.random(in: 0..<1, using: &state.generator) < probability
        }
    }

    enum Generator: RandomNumberGenerator {
        case seeded(SplitMix64)
        case system

        mutating func next() -> UInt64 {
            switch self {
            case var .seeded(generator):
                let value = generator.next()
                self = .seeded(generator)
                return value
            case .system:
                var system = SystemRandomNumberGenerator()
                return system.next()
            }
        }
    }
}

/// SplitMix64: small, fast and fully determined by its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
