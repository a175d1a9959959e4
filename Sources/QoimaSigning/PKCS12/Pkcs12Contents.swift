import COpenSSL
import Foundation

/// What a PKCS#12 file holds once opened with its password: the private key, the certificate
/// that matches it, and any other (CA) certificates.
struct Pkcs12Contents {
    let key: PrivateKey
    let certificate: X509Handle
    let otherCertificates: [X509Handle]

    /// Opens `bytes` (read from `path`, which only names the file in errors) with `password`.
    /// Walks the bags itself rather than calling `PKCS12_parse`, so that a GOST key, which
    /// OpenSSL cannot load, is recognised by its algorithm and reported as such.
    static func open(_ bytes: [UInt8], path: String, password: SecretBytes) throws -> Pkcs12Contents {
        OpenSSLProviders.load()
        OpenSSLErrors.clear()
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PKCS12(nil, &cursor, buffer.count)
        }
        guard let p12 = parsed else {
            OpenSSLErrors.clear()
            throw SigningError.notPKCS12(path: path)
        }
        defer { PKCS12_free(p12) }
        return try password.withCString { pass, length in
            if PKCS12_mac_present(p12) == 1, PKCS12_verify_mac(p12, pass, length) != 1 {
                OpenSSLErrors.clear()
                throw SigningError.wrongPassword(path: path)
            }
            var walk = BagWalk(path: path, password: pass, length: length)
            try walk.read(p12)
            return try walk.contents()
        }
    }
}

/// Collects keys and certificates from the safe contents of one PKCS#12.
private struct BagWalk {
    let path: String
    let password: UnsafePointer<CChar>
    let length: Int32
    var keys: [PrivateKey] = []
    var certificates: [X509Handle] = []
    var gostKeyFound = false

    init(path: String, password: UnsafePointer<CChar>, length: Int32) {
        self.path = path
        self.password = password
        self.length = length
    }

    mutating func read(_ p12: OpaquePointer) throws {
        guard let safes = PKCS12_unpack_authsafes(p12) else { throw SigningError.notPKCS12(path: path) }
        defer { qoima_pkcs7_stack_free(safes) }
        for index in 0..<qoima_pkcs7_stack_count(safes) {
            guard let safe = qoima_pkcs7_stack_value(safes, index) else { continue }
            let bags: OpaquePointer?
            switch OBJ_obj2nid(safe.pointee.type) {
            case NID_pkcs7_data: bags = PKCS12_unpack_p7data(safe)
            case NID_pkcs7_encrypted: bags = PKCS12_unpack_p7encdata(safe, password, length)
            default: continue
            }
            guard let bags else { throw failure() }
            defer { qoima_safebag_stack_free(bags) }
            for bagIndex in 0..<qoima_safebag_stack_count(bags) {
                if let bag = qoima_safebag_stack_value(bags, bagIndex) { try read(bag: bag) }
            }
        }
    }

    private mutating func read(bag: OpaquePointer) throws {
        switch PKCS12_SAFEBAG_get_nid(bag) {
        case NID_pkcs8ShroudedKeyBag:
            guard let info = PKCS12_decrypt_skey(bag, password, length) else { throw failure() }
            defer { PKCS8_PRIV_KEY_INFO_free(info) }
            try read(keyInfo: info)
        case NID_keyBag:
            if let info = PKCS12_SAFEBAG_get0_p8inf(bag) { try read(keyInfo: info) }
        case NID_certBag:
            if let certificate = PKCS12_SAFEBAG_get1_cert(bag) { certificates.append(X509Handle(adopting: certificate)) }
        default:
            break
        }
    }

    private mutating func read(keyInfo: OpaquePointer) throws {
        var algorithm: OpaquePointer?
        _ = PKCS8_pkey_get0(&algorithm, nil, nil, nil, keyInfo)
        if NcaCertificateProfile.isGost(algorithm: X509Reading.oid(algorithm)) {
            gostKeyFound = true
            return
        }
        guard let key = EVP_PKCS82PKEY(keyInfo) else {
            throw SigningError.unsupportedKey(algorithm: X509Reading.oid(algorithm))
        }
        keys.append(PrivateKey(adopting: key))
    }

    /// A failure after the MAC checked out (or with no MAC): a wrong password shows up here as
    /// a decryption error, anything else as what OpenSSL says.
    private func failure() -> SigningError {
        let reason = OpenSSLErrors.drain()
        if reason.contains("decrypt") || reason.contains("bad decrypt") { return .wrongPassword(path: path) }
        return .cryptoFailure(operation: "PKCS#12", reason: reason)
    }

    func contents() throws -> Pkcs12Contents {
        if gostKeyFound, keys.isEmpty { throw SigningError.gostKeyNeedsNCALayer(path: path) }
        guard let key = keys.first else { throw SigningError.noPrivateKey(path: path) }
        guard key.isRSA else {
            throw SigningError.unsupportedKey(algorithm: String(cString: OBJ_nid2sn(EVP_PKEY_get_base_id(key.pointer))))
        }
        guard let index = certificates.firstIndex(where: { X509_check_private_key($0.pointer, key.pointer) == 1 }) else {
            OpenSSLErrors.clear()
            throw SigningError.noCertificate(path: path)
        }
        var others = certificates
        let certificate = others.remove(at: index)
        return Pkcs12Contents(key: key, certificate: certificate, otherCertificates: others)
    }
}
