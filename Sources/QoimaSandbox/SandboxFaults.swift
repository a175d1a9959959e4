import Foundation

/// The faults the sandbox injects, from `--faults SPEC`, e.g.
/// `latency=200ms,drop=0.05,http500=0.02,fault=0.02,expire-sessions=30s,already-open=0.01`:
/// a delay before every answer, the probability of dropping a connection mid-response, of an
/// HTTP 500, of a SOAP fault, of "User already has opened session" on a session create, and
/// the interval at which every session expires.
public struct SandboxFaults: Hashable, Sendable {
    public var latency: Duration = .zero
    public var dropProbability = 0.0
    public var http500Probability = 0.0
    public var soapFaultProbability = 0.0
    public var alreadyOpenProbability = 0.0
    public var expireSessionsEvery: Duration?

    public init() {}

    public static let none = SandboxFaults()

    /// Parses SPEC; an empty SPEC injects nothing. Errors name the part that is wrong.
    public init(spec: String) throws(SandboxFaultsError) {
        for part in spec.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw .malformed(part: part) }
            let (name, value) = (pieces[0], pieces[1])
            switch name {
            case "latency": latency = try Self.duration(value, part: part)
            case "expire-sessions": expireSessionsEvery = try Self.duration(value, part: part)
            case "drop": dropProbability = try Self.probability(value, part: part)
            case "http500": http500Probability = try Self.probability(value, part: part)
            case "fault": soapFaultProbability = try Self.probability(value, part: part)
            case "already-open": alreadyOpenProbability = try Self.probability(value, part: part)
            default: throw .unknownFault(name: name)
            }
        }
    }

    /// What to do with one request, drawn with `random`.
    public enum Outcome: Hashable, Sendable { case answer, drop, http500, soapFault }

    public func outcome(using random: inout some RandomNumberGenerator) -> Outcome {
        let draw = Double.random(in: 0..<1, using: &random)
        if draw < dropProbability { return .drop }
        if draw < dropProbability + http500Probability { return .http500 }
        if draw < dropProbability + http500Probability + soapFaultProbability { return .soapFault }
        return .answer
    }

    /// A duration as the options take it: `200ms`, `30s`, `2m`, or `0`.
    public static func duration(parsing text: String) -> Duration? {
        text == "0" ? .zero : try? duration(text, part: text)
    }

    static func duration(_ text: String, part: String) throws(SandboxFaultsError) -> Duration {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        for (suffix, seconds) in units where text.hasSuffix(suffix) {
            if let number = Double(text.dropLast(suffix.count)), number >= 0 {
                return .milliseconds(Int64((number * seconds * 1000).rounded()))
            }
        }
        throw .badDuration(part: part)
    }

    static func probability(_ text: String, part: String) throws(SandboxFaultsError) -> Double {
        guard let value = Double(text), (0...1).contains(value) else { throw .badProbability(part: part) }
        return value
    }
}

public enum SandboxFaultsError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(part: String)
    case unknownFault(name: String)
    case badDuration(part: String)
    case badProbability(part: String)

    public var description: String {
        switch self {
        case let .malformed(part): "--faults: \"\(part)\" is not NAME=VALUE"
        case let .unknownFault(name):
            "--faults: unknown fault \"\(name)\" (known: latency, drop, http500, fault, already-open, expire-sessions)"
        case let .badDuration(part): "--faults: \"\(part)\" needs a duration such as 200ms, 30s or 2m"
        case let .badProbability(part): "--faults: \"\(part)\" needs a probability from 0 to 1"
        }
    }
}
