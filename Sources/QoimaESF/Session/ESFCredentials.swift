import Foundation
import QoimaCore
import QoimaSigning
import QoimaXML

/// Who logs in to IS ESF and for whom: the user's authentication key (its certificate names the
/// user's IIN), the cabinet password of the user's IS ESF account, and the BIN (or an
/// entrepreneur's IIN) the user acts for.
public struct ESFCredentials: Sendable {
    /// The taxpayer the session acts for: `tin` of the login.
    public let bin: TaxpayerNumber
    /// Signs the login ticket; its certificate names the user.
    public let authSigner: any Signer
    /// `businessProfileType` of the login (`ADMIN_ENTERPRISE`, `USER`…).
    public let businessProfile: String
    let cabinetPassword: CabinetPassword

    public init(bin: TaxpayerNumber, authSigner: any Signer, cabinetPassword: SecretBytes,
                businessProfile: String = ESFWireValues.directorProfile) {
        self.bin = bin
        self.authSigner = authSigner
        self.cabinetPassword = CabinetPassword(cabinetPassword)
        self.businessProfile = businessProfile
    }

    /// The user's IIN, from the authentication certificate; empty when it names none.
    public var userIIN: TaxpayerNumber { authSigner.certificate.iin ?? TaxpayerNumber("") }

    /// The name under which the cabinet password of user `iin` on `server` (a base URL) is kept
    /// in the desktop keyring, shared by qoima-cli and the app.
    public static func keyringIdentity(iin: String, server: String) -> String {
        "esf-cabinet:\(iin)@\(server)"
    }
}

/// The cabinet password, shared by the tasks of one session manager. Every use goes through the
/// lock, so a wipe never races a read; the bytes are wiped when the last reference goes.
final class CabinetPassword: @unchecked Sendable {
    private let secret: SecretBytes
    private let lock = NSLock()

    init(_ secret: SecretBytes) {
        self.secret = secret
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try secret.withBytes(body)
    }
}
