import Foundation

/// The Magazine's columns, as one versioned value that the Magazine page and printing both read.
/// Each entry stores the version it was made under, and a Magazine is printed with the layout
/// of its entries' version, so a later change of columns never rewrites an old Magazine.
///
/// **Provisional** (domain.md §12, U16): the official column list (an appendix of Order 657's
/// Rules) has not been read. `v0` is domain.md's provisional list; when the official list is
/// known it becomes `v1`, appended to `all` and made `current`, and `v0` stays for old entries.
public struct MagazineLayout: Sendable, Identifiable {
    public let version: Int
    /// Whether the columns are an assumption rather than the official list.
    public let isProvisional: Bool
    public let columns: [MagazineColumn]

    public var id: Int { version }

    /// The layout new entries are made under.
    public static var current: MagazineLayout { v0 }

    /// Every layout ever used, oldest first.
    public static let all: [MagazineLayout] = [v0]

    /// The layout of `version`; nil for a version this Qoima does not know (a newer one's).
    public static func version(_ version: Int) -> MagazineLayout? { all.first { $0.version == version } }

    /// `rows` cut into runs of one layout version each, in their order: what a printed
    /// Magazine shows as one table per run.
    public static func sections(of rows: [MagazineRow]) -> [(layout: MagazineLayout, rows: [MagazineRow])] {
        var sections: [(layout: MagazineLayout, rows: [MagazineRow])] = []
        for row in rows {
            let layout = version(row.entry.layoutVersion) ?? current
            if sections.last?.layout.version == layout.version {
                sections[sections.count - 1].rows.append(row)
            } else {
                sections.append((layout, [row]))
            }
        }
        return sections
    }

    /// Version 0: domain.md §12's provisional columns (U16).
    public static let v0 = MagazineLayout(version: MagazineAssumptions.provisionalLayoutVersion, isProvisional: true, columns: [
        MagazineColumn("number", LocalizedText(kk: "Реттік №", ru: "№ п/п", en: "No."), weight: 0.6) { row, _ in
            String(row.entry.number)
        },
        MagazineColumn("paperNumber", LocalizedText(kk: "Қағаз ТІЖ нөмірі", ru: "Номер бумажной СНТ",
                                                    en: "Paper SNT number"), weight: 1.2) { row, _ in
            row.snt?.number ?? ""
        },
        MagazineColumn("paperDate", LocalizedText(kk: "Қағазда жазылған күні", ru: "Дата выписки на бумаге",
                                                  en: "Date issued on paper"), weight: 1) { row, _ in
            row.entry.paperDate.ddMMyyyy
        },
        MagazineColumn("reason", LocalizedText(kk: "Қағазда жазу себебі", ru: "Причина выписки на бумаге",
                                               en: "Reason for paper issue"), weight: 1.6) { row, language in
            reasonText(row.entry, language)
        },
        MagazineColumn("supplier", LocalizedText(kk: "Жеткізушінің ЖСН/БСН-і және атауы",
                                                 ru: "ИИН/БИН и наименование поставщика",
                                                 en: "Supplier IIN/BIN and name"), weight: 2) { row, _ in
            party(row.snt?.sellerTin, row.snt?.sellerName)
        },
        MagazineColumn("recipient", LocalizedText(kk: "Алушының ЖСН/БСН-і және атауы",
                                                  ru: "ИИН/БИН и наименование получателя",
                                                  en: "Recipient IIN/BIN and name"), weight: 2) { row, _ in
            party(row.snt?.customerTin, row.snt?.customerName)
        },
        MagazineColumn("vehiclePlate", LocalizedText(kk: "Көлік нөмірі", ru: "Госномер автомобиля",
                                                     en: "Vehicle plate"), weight: 1) { row, _ in
            row.snt?.vehiclePlate ?? ""
        },
        MagazineColumn("goods", LocalizedText(kk: "Тауар жолдары / жалпы құны", ru: "Позиций / общая стоимость",
                                              en: "Goods lines / total value"), weight: 1.3) { row, _ in
            guard let snt = row.snt else { return "" }
            let total = snt.totalWithTax.map { DecimalText.format($0) + (snt.currencyCode.map { " " + $0 } ?? "") }
            return total.map { "\(snt.lineCount) / \($0)" } ?? String(snt.lineCount)
        },
        MagazineColumn("enteredAt", LocalizedText(kk: "ЭШФ АЖ-ға енгізілген күні", ru: "Дата ввода в ИС ЭСФ",
                                                  en: "Date entered into IS ESF"), weight: 1) { row, _ in
            row.enteredAt.map { KazakhstanClock.day(of: $0).ddMMyyyy } ?? ""
        },
        MagazineColumn("registrationNumber", LocalizedText(kk: "ЭШФ АЖ тіркеу нөмірі", ru: "Регистрационный номер ИС ЭСФ",
                                                           en: "IS ESF registration number"), weight: 2) { row, _ in
            row.registrationNumber ?? ""
        },
        MagazineColumn("responsible", LocalizedText(kk: "Жауапты тұлға және қолы", ru: "Ответственное лицо и подпись",
                                                    en: "Responsible person and signature"), weight: 1.5) { row, _ in
            row.entry.responsible
        },
    ])

    private static func reasonText(_ entry: MagazineEntry, _ language: Language) -> String {
        let reason = entry.reason?.name.text(in: language)
        guard entry.state == .spoiled else { return reason ?? "" }
        let spoiled = MagazineEntry.State.spoiled.name.text(in: language)
        return [spoiled + (entry.spoilReason.map { ": " + $0 } ?? ""), reason].compactMap { $0 }.joined(separator: "; ")
    }

    private static func party(_ tin: String?, _ name: String?) -> String {
        [tin, name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// One column of a `MagazineLayout`: its id (stable across versions where the meaning is the
/// same), its title, its relative width on paper, and how its text is taken from a row.
public struct MagazineColumn: Sendable, Identifiable {
    public let id: String
    public let title: LocalizedText
    /// Relative width when printed: the page's width is shared in proportion.
    public let weight: Double
    private let value: @Sendable (MagazineRow, Language) -> String

    public init(_ id: String, _ title: LocalizedText, weight: Double,
                text value: @escaping @Sendable (MagazineRow, Language) -> String) {
        self.id = id
        self.title = title
        self.weight = weight
        self.value = value
    }

    public func text(of row: MagazineRow, in language: Language) -> String { value(row, language) }
}
