import COpenSSL
import Foundation

/// An owned OpenSSL `X509`, freed with the handle.
final class X509Handle {
    let pointer: OpaquePointer

    init(adopting pointer: OpaquePointer) { self.pointer = pointer }

    convenience init(der: [UInt8]) throws {
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
        guard let parsed else { throw SigningError.notCertificate(reason: OpenSSLErrors.drain()) }
        self.init(adopting: parsed)
    }

    deinit { X509_free(pointer) }

    var der: [UInt8] {
        derBytes { i2d_X509(pointer, $0) } ?? []
    }
}

/// Reading the parts of an `X509` that Qoima shows and checks.
enum X509Reading {
    static func name(_ name: OpaquePointer?) -> DistinguishedName {
        guard let name else { return DistinguishedName([]) }
        var attributes: [DistinguishedName.Attribute] = []
        for index in 0..<X509_NAME_entry_count(name) {
            guard let entry = X509_NAME_get_entry(name, index) else { continue }
            let object = X509_NAME_ENTRY_get_object(entry)
            attributes.append(.init(type: shortName(object), value: utf8(X509_NAME_ENTRY_get_data(entry))))
        }
        return DistinguishedName(attributes)
    }

    static func shortName(_ object: OpaquePointer?) -> String {
        let nid = OBJ_obj2nid(object)
        if nid != NID_undef, let text = OBJ_nid2sn(nid) { return String(cString: text) }
        return oid(object)
    }

    /// The dotted form of an object identifier.
    static func oid(_ object: OpaquePointer?) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        guard length > 0 else { return "" }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func utf8(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String {
        guard let string else { return "" }
        var output: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&output, string)
        guard length >= 0, let output else { return "" }
        defer { qoima_openssl_free(output) }
        return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        guard let time else { return .distantPast }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return .distantPast }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    static func serialNumber(_ certificate: OpaquePointer) -> String {
        guard let number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nil) else { return "" }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "" }
        defer { qoima_openssl_free(hex) }
        return String(cString: hex)
    }

    static func keyUsageBits(_ certificate: OpaquePointer) -> UInt32? {
        let bits = X509_get_key_usage(certificate)
        return bits == UInt32.max ? nil : bits
    }

    static func extendedKeyUsage(_ certificate: OpaquePointer) -> [String] {
        guard let raw = X509_get_ext_d2i(certificate, NID_ext_key_usage, nil, nil) else { return [] }
        let stack = OpaquePointer(raw)
        defer { qoima_object_stack_free(stack) }
        return (0..<qoima_object_stack_count(stack)).map { oid(qoima_object_stack_value(stack, $0)) }
    }

    static func publicKeyAlgorithm(_ certificate: OpaquePointer) -> String {
        var algorithm: OpaquePointer?
        guard let key = X509_get_X509_PUBKEY(certificate),
              X509_PUBKEY_get0_param(&algorithm, nil, nil, nil, key) == 1 else { return "" }
        return oid(algorithm)
    }

    static func publicKeyBits(_ certificate: OpaquePointer) -> Int {
        guard let key = X509_get0_pubkey(certificate) else {
            OpenSSLErrors.clear()
            return 0
        }
        return Int(EVP_PKEY_get_bits(key))
    }
}
