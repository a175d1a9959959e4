import COpenSSL

extension TestPKI {
    /// The OID of NUC's GOST 34.10-2015 (512-bit) keys.
    public static let gost2015KeyAlgorithm = "1.2.398.3.10.1.1.2.3.2"

    /// A .p12 whose private key is labelled with a GOST algorithm (its key bytes are random, not a
    /// usable key) beside `certificate`'s, as NUC's GOST files look to OpenSSL: it shows how
    /// Qoima tells such a file from a broken one.
    public static func gostKeyFile(password: String, certificate: Certificate) throws -> [UInt8] {
        guard let info = PKCS8_PRIV_KEY_INFO_new(), let algorithm = OBJ_txt2obj(gost2015KeyAlgorithm, 1) else {
            throw OpenSSLErrors.failure("PKCS#8")
        }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        let keyBytes = qoima_openssl_malloc(64)!.assumingMemoryBound(to: UInt8.self)
        RAND_bytes(keyBytes, 64)
        guard PKCS8_pkey_set0(info, algorithm, 0, V_ASN1_UNDEF, nil, keyBytes, 64) == 1 else {
            throw OpenSSLErrors.failure("PKCS#8")
        }
        guard let bags = qoima_safebag_stack_new() else { throw OpenSSLErrors.failure("PKCS#12") }
        defer { qoima_safebag_stack_free(bags) }
        let shrouded = PKCS12_SAFEBAG_create_pkcs8_encrypt(NID_pbe_WithSHA1And3_Key_TripleDES_CBC, password,
                                                            Int32(password.utf8.count), nil, 0, 2048, info)
        let leaf = try X509Handle(der: certificate.der)
        guard let shrouded, let certificateBag = PKCS12_SAFEBAG_create_cert(leaf.pointer) else {
            throw OpenSSLErrors.failure("PKCS#12 bags")
        }
        _ = qoima_safebag_stack_push(bags, shrouded)
        _ = qoima_safebag_stack_push(bags, certificateBag)
        guard let safe = PKCS12_pack_p7data(bags), let safes = qoima_pkcs7_stack_new() else {
            throw OpenSSLErrors.failure("PKCS#12 safes")
        }
        defer { qoima_pkcs7_stack_free(safes) }
        _ = qoima_pkcs7_stack_push(safes, safe)
        guard let p12 = PKCS12_add_safes(safes, 0) else { throw OpenSSLErrors.failure("PKCS#12") }
        defer { PKCS12_free(p12) }
        guard PKCS12_set_mac(p12, password, Int32(password.utf8.count), nil, 0, 2048, EVP_sha256()) == 1,
              let der = derBytes({ i2d_PKCS12(p12, $0) }) else { throw OpenSSLErrors.failure("PKCS#12 MAC") }
        return der
    }
}
