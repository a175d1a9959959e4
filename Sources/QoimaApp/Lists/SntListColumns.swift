import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// The columns of each SNT list and how their cells read. Sortable columns carry the store
/// column they sort by (`SntListColumn`): the store sorts, along its indexes.
@MainActor
enum SntListColumns {
    typealias Column = BigTable<SntListRow>.Column
    typealias Cell = BigTable<SntListRow>.Cell

    static func columns(for kind: SntListPage.Kind, today: @escaping @MainActor () -> CalendarDate,
                        paper: @escaping @MainActor (Int64) -> MagazineEntry? = { _ in nil }) -> [Column] {
        var columns: [Column] = [
            Column(id: SntListColumn.number.rawValue, title: tr("Number"), widthChars: 10) { Cell($0.number) },
            Column(id: SntListColumn.date.rawValue, title: tr("Date"), widthChars: 10) { Cell(SntListFormat.date($0.date)) },
            Column(id: SntListColumn.shippingDate.rawValue, title: tr("Shipped"), widthChars: 10) {
                Cell(SntListFormat.date($0.shippingDate))
            },
            Column(id: SntListColumn.counterparty.rawValue, title: kind == .incoming ? tr("Seller") : tr("Customer"),
                   expands: true, widthChars: 24) { Cell($0.counterpartyName) },
            Column(id: SntListColumn.counterpartyTin.rawValue, title: tr("IIN/BIN"), widthChars: 12) {
                Cell($0.counterpartyTin ?? "")
            },
            Column(id: SntListColumn.total.rawValue, title: tr("Total"), xalign: 1, widthChars: 14) {
                Cell(SntListFormat.amount($0.total, currency: $0.currencyCode))
            },
            Column(id: SntListColumn.status.rawValue, title: tr("Status"), style: .badge, widthChars: 12) {
                SntStatusBadge.cell($0.status)
            },
        ]
        switch kind {
        case .outgoing:
            columns.append(registrationNumber)
        case .incoming:
            columns.append(registrationNumber)
            columns.append(Column(id: "answer", title: tr("Time to answer"), sortable: false, widthChars: 22) {
                SntListFormat.timeToAnswer($0, today: today())
            })
        case .drafts:
            columns.append(Column(id: "problems", title: tr("Problems"), sortable: false, xalign: 1, widthChars: 6) {
                Cell($0.problemCount == 0 ? "" : String($0.problemCount), styleClasses: $0.problemCount == 0 ? [] : ["warning"])
            })
            columns.append(Column(id: "paper", title: tr("On paper"), sortable: false, widthChars: 12) { row in
                guard let entry = paper(row.id) else { return Cell("") }
                let day = today()
                return Cell(tr("No. %1$@", entry.label), styleClasses: [entry.isOverdue(on: day) ? "error" : "warning"],
                            tooltip: MagazineModel.paperBanner(entry, today: day))
            })
        }
        return columns
    }

    private static var registrationNumber: Column {
        Column(id: SntListColumn.registrationNumber.rawValue, title: tr("Registration number"), widthChars: 22) {
            Cell($0.registrationNumber ?? "")
        }
    }
}

/// How list cells write dates, amounts and deadlines.
enum SntListFormat {
    /// U+202F NARROW NO-BREAK SPACE: groups digits as Kazakh and Russian typography does, and
    /// never breaks a number across lines.
    static let groupSeparator = "\u{202F}"

    /// Kazakh and Russian write a decimal comma; English a point.
    static let decimalSeparator = Language.fromEnvironment(ProcessInfo.processInfo.environment) == .english ? "." : ","

    static func date(_ date: CalendarDate?) -> String { date?.ddMMyyyy ?? "" }

    /// `1 234 567,50`, with the currency code after it when it is not tenge.
    static func amount(_ value: Decimal?, currency: String?, decimalSeparator: String = decimalSeparator) -> String {
        guard let value else { return "" }
        var exact = value, rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 2, .plain)
        let text = DecimalText.format(rounded)
        let negative = text.hasPrefix("-")
        let parts = text.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = (parts.count > 1 ? String(parts[1]) : "").padding(toLength: 2, withPad: "0", startingAt: 0)
        var written = (negative ? "-" : "") + grouped(String(parts[0])) + decimalSeparator + fraction
        if let currency, !currency.isEmpty, currency != CurrencyCode.tenge.rawValue { written += " " + currency }
        return written
    }

    /// `1 000 000`
    static func grouped(_ count: Int) -> String { grouped(String(count)) }

    private static func grouped(_ digits: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: groupSeparator)
    }

    /// Business days an incoming SNT still has for the answer (`SntAnswerDeadline`); empty
    /// once answered. Warned three days ahead, an error once late.
    static func timeToAnswer(_ row: SntListRow, today: CalendarDate) -> BigTable<SntListRow>.Cell {
        guard row.direction == .incoming, SntAnswerDeadline.awaitsAnswer(row.status), let date = row.date
        else { return .init("") }
        let deadline = SntAnswerDeadline(sntDate: date)
        let left = deadline.businessDaysLeft(on: today)
        let tooltip = tr("Answer by %1$@", deadline.lastDay.ddMMyyyy)
        switch left {
        case 0: return .init(tr("Last day today"), styleClasses: ["warning"], tooltip: tooltip)
        case 1: return .init(tr("1 work day left"), styleClasses: ["warning"], tooltip: tooltip)
        case 2...3: return .init(tr("%1$@ work days left", left), styleClasses: ["warning"], tooltip: tooltip)
        case 4...: return .init(tr("%1$@ work days left", left), tooltip: tooltip)
        case -1: return .init(tr("1 work day overdue"), styleClasses: ["error"], tooltip: tooltip)
        default: return .init(tr("%1$@ work days overdue", -left), styleClasses: ["error"], tooltip: tooltip)
        }
    }
}
