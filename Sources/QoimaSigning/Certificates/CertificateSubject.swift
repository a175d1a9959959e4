import QoimaCore

/// What an NUC-style subject says about the key's owner (domain.md §7): the person's IIN in
/// SERIALNUMBER ("IIN…"), the company's BIN in OU ("BIN…"), the surname and first name in CN,
/// the patronymic in GIVENNAME. Where these live is kept in `NcaCertificateProfile`.
public struct CertificateSubject: Hashable, Sendable {
    public let name: DistinguishedName

    public init(_ name: DistinguishedName) { self.name = name }

    public var commonName: String? { name["CN"] }
    public var surname: String? { name[NcaCertificateProfile.surnameAttribute] }
    public var patronymic: String? { name[NcaCertificateProfile.patronymicAttribute] }
    public var organization: String? { name["O"] }
    public var country: String? { name["C"] }
    public var locality: String? { name["L"] }
    public var email: String? { name["emailAddress"] }

    /// The owner's IIN, when SERIALNUMBER holds one with a valid check digit.
    public var iin: TaxpayerNumber? {
        NcaCertificateProfile.taxpayerNumber(in: name[NcaCertificateProfile.iinAttribute],
                                             prefix: NcaCertificateProfile.iinPrefix)
    }

    /// The company's BIN, when some OU holds one with a valid check digit.
    public var bin: TaxpayerNumber? {
        name.all(NcaCertificateProfile.binAttribute).lazy.compactMap {
            NcaCertificateProfile.taxpayerNumber(in: $0, prefix: NcaCertificateProfile.binPrefix)
        }.first
    }

    /// "SURNAME NAME PATRONYMIC", as a person signs.
    public var fullName: String {
        [commonName, patronymic].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
