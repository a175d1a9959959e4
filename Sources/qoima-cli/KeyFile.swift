import ArgumentParser
import Foundation
import QoimaCore
import QoimaSigning

/// File handling shared by the `keys` commands: errors are said in the user's language and
/// end the command with status 2 (bad input) or 1 (a check that failed).
enum KeyFile {
    static func open(_ path: String, with password: KeyPasswordOption) throws -> Pkcs12Signer {
        try reporting {
            try password.openKey(at: path) { try Pkcs12Signer(path: path, password: $0) }
        }
    }

    /// The certificate in the file at `path`, when one is given.
    static func certificate(at path: String?) throws -> Certificate? {
        try path.map { path in try reporting { try Certificate(contentsOf: path) } }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            StandardError.print(SigningError.unreadableFile(path: path, reason: CLIText.say(CLIText.noSuchFile))
                .message(in: CLIText.language))
            throw ExitCode(2)
        }
        return Array(data)
    }

    /// Writes atomically, so a failed run never leaves half a signature behind.
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            StandardError.print(SigningError.unreadableFile(path: path, reason: error.localizedDescription)
                .message(in: CLIText.language))
            throw ExitCode(2)
        }
    }

    /// Runs `body`, turning a signing error into its message and exit status 2.
    static func reporting<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as SigningError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(2)
        }
    }
}

/// The outcome of a verification: who signed, or why it does not hold (exit status 1).
enum Verdict {
    /// Runs `check`, then judges the signer's certificate against `trust`, and says the result.
    static func report(_ trust: TrustOption, _ check: () throws -> Certificate) throws {
        do {
            let signer = try check()
            try trust.check(signer)
            print(CLIText.say(CLIText.signatureHolds, signer.subject.fullName, signer.iin?.rawValue ?? "—",
                              signer.bin?.rawValue ?? "—"))
        } catch let failure as VerificationFailure {
            StandardError.print(CLIText.say(CLIText.signatureFails, failure.message(in: CLIText.language)))
            throw ExitCode(1)
        } catch let error as SigningError {
            StandardError.print(error.message(in: CLIText.language))
            throw ExitCode(2)
        }
    }
}
