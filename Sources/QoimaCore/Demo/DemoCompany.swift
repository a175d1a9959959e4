/// The fictitious companies of demo mode, the sandbox and the test PKI (domain.md §14: only
/// fictitious identifiers, with valid check digits). The sample SNTs in resources/samples name
/// the same two companies.
public struct DemoCompany: Hashable, Sendable {
    public struct Person: Hashable, Sendable {
        public let iin: TaxpayerNumber
        public let surname: String
        public let firstName: String
        public let patronymic: String

        /// "SURNAME NAME", as NUC writes CN.
        public var commonName: String { "\(surname) \(firstName)" }
    }

    public let bin: TaxpayerNumber
    public let name: String
    public let city: String
    public let director: Person

    public static let koimaSauda = DemoCompany(
        bin: TaxpayerNumber("000140000002"), name: "ТОО «Қойма Сауда»", city: "Алматы",
        director: Person(iin: TaxpayerNumber("800101300016"), surname: "АХМЕТОВ", firstName: "АСХАТ",
                         patronymic: "БОЛАТҰЛЫ"))

    public static let qurylys = DemoCompany(
        bin: TaxpayerNumber("000140000012"), name: "ТОО «Құрылыс & Ко»", city: "Астана",
        director: Person(iin: TaxpayerNumber("860525400029"), surname: "СЕРІКОВА", firstName: "ДИНАРА",
                         patronymic: "МАРАТҚЫЗЫ"))

    public static let all = [koimaSauda, qurylys]
}
