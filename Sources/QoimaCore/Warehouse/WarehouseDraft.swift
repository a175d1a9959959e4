/// A warehouse the user is creating: what the dialog holds, exactly as typed, so a wrong value
/// stays on screen to be fixed. `WarehouseRules` says which details it needs and what is wrong.
public struct WarehouseDraft: Hashable, Sendable {
    public var name: String
    public var address: String
    public var type: WarehouseType
    public var responsiblePersonIin: String
    public var signs: Set<WarehouseSign>
    /// Joint activity: the participants' BINs, one per entry.
    public var permittedTins: [String]
    /// Leasing: the lessee's IIN/BIN, the contract's number and its date as `dd.MM.yyyy`.
    public var lesseeTin: String
    public var lesseeContractNumber: String
    public var lesseeContractDate: String

    public init(name: String = "", address: String = "", type: WarehouseType = .storeHouse,
                responsiblePersonIin: String = "", signs: Set<WarehouseSign> = [], permittedTins: [String] = [],
                lesseeTin: String = "", lesseeContractNumber: String = "", lesseeContractDate: String = "") {
        self.name = name
        self.address = address
        self.type = type
        self.responsiblePersonIin = responsiblePersonIin
        self.signs = signs
        self.permittedTins = permittedTins
        self.lesseeTin = lesseeTin
        self.lesseeContractNumber = lesseeContractNumber
        self.lesseeContractDate = lesseeContractDate
    }

    /// The permitted BINs that were typed, trimmed, without empty entries.
    public var typedPermittedTins: [String] {
        permittedTins.map(Self.trimmed).filter { !$0.isEmpty }
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// A detail of a new warehouse, as the dialog has a field for it.
public enum WarehouseField: String, CaseIterable, Hashable, Sendable {
    case name, address, type, responsiblePersonIin, signs, permittedTins, lesseeTin, lesseeContractNumber,
         lesseeContractDate
}

/// One thing wrong with a new warehouse, at its field.
public struct WarehouseProblem: Hashable, Sendable {
    public let field: WarehouseField
    public let message: LocalizedText

    public init(_ field: WarehouseField, _ message: LocalizedText) {
        self.field = field
        self.message = message
    }

    public func message(in language: Language) -> String { message.text(in: language) }
}
