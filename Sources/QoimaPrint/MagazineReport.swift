import QoimaCore

/// The Magazine for a period as printed (docs/printing.md): A4 landscape; the company, its BIN
/// and the period on every page; one table per run of entries of one layout version, each
/// under that version's columns with their relative widths; spoiled blanks as rows like the
/// others (their reason column says "spoiled"); "page N of M"; lines for the responsible
/// person and the head to sign on the last page.
public struct MagazineReport {
    public let companyName: String
    public let companyBin: String
    public let from: CalendarDate
    public let to: CalendarDate
    /// The period's entries in number order, as `MagazineStore.entries(companyId:from:to:)` gives them.
    public let rows: [MagazineRow]
    public let language: Language

    public static let paper = PaperSize.a4Landscape
    public static let font = PrintFont(size: 7.5)

    public init(companyName: String, companyBin: String, from: CalendarDate, to: CalendarDate, rows: [MagazineRow],
                language: Language) {
        self.companyName = companyName
        self.companyBin = companyBin
        self.from = from
        self.to = to
        self.rows = rows
        self.language = language
    }

    /// The PDF's title: the Magazine and its period.
    public var title: String {
        MagazineReportText.title.text(in: language) + " " + period
    }

    private var period: String { "\(from.ddMMyyyy) – \(to.ddMMyyyy)" }

    public func document() -> ReportDocument {
        let bin = PrintText.bin.text(in: language)
        var blocks: [ReportBlock] = [
            .heading(MagazineReportText.title.text(in: language)),
            .paragraph("\(companyName), \(bin) \(companyBin)", PrintFont(size: 9, bold: true)),
            .paragraph(MagazineReportText.period.text(in: language, [from.ddMMyyyy, to.ddMMyyyy]), PrintFont(size: 9)),
            .space(4),
        ]
        let sections = MagazineLayout.sections(of: rows)
        if sections.isEmpty {
            blocks.append(.paragraph(MagazineReportText.noEntries.text(in: language), PrintFont(size: 9)))
        }
        for section in sections {
            if section.layout.isProvisional || sections.count > 1 {
                blocks.append(.paragraph(PrintText.provisional.text(in: language, [String(section.layout.version)]),
                                         PrintFont(size: 6.5)))
            }
            let columns = section.layout.columns.map {
                ReportTable.Column($0.title.text(in: language), weight: $0.weight)
            }
            let cells = section.rows.map { row in section.layout.columns.map { $0.text(of: row, in: language) } }
            blocks.append(.table(ReportTable(columns: columns, rows: cells, font: Self.font)))
        }
        blocks.append(.signatures([
            ReportSignature(MagazineReportText.responsible.text(in: language), in: language),
            ReportSignature(MagazineReportText.head.text(in: language), seal: true, in: language),
        ]))
        let chosen = language
        return ReportDocument(
            paper: Self.paper, margins: .millimetres(12), title: title,
            header: "\(companyName) · \(bin) \(companyBin) · \(MagazineReportText.title.text(in: language)) · \(period)",
            footer: { PrintText.pageOf.text(in: chosen, [String($0), String($1)]) }, blocks: blocks)
    }
}

enum MagazineReportText {
    static let title = LocalizedText(
        kk: "Қағаз жеткізгіште жазылған ТІЖ-ді тіркеу журналы",
        ru: "Журнал учёта СНТ, выписанных на бумажном носителе",
        en: "Magazine of SNTs issued on paper")
    static let period = LocalizedText(kk: "Кезең: %1$@ – %2$@", ru: "Период: %1$@ – %2$@", en: "Period: %1$@ – %2$@")
    static let noEntries = LocalizedText(kk: "Кезеңде жазбалар жоқ.", ru: "За период записей нет.",
                                         en: "No entries in the period.")
    static let responsible = LocalizedText(kk: "Журналды жүргізуге жауапты тұлға",
                                           ru: "Ответственное лицо за ведение журнала",
                                           en: "Person responsible for the Magazine")
    static let head = LocalizedText(kk: "Басшы", ru: "Руководитель", en: "Head")
}
