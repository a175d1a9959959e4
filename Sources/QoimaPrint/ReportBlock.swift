import Foundation
import QoimaCore

/// One piece of a report, top to bottom: what `ReportDocument` lays out into pages.
public enum ReportBlock {
    /// A section's title, kept on the page with what follows it; `emphasised` draws it on a band.
    case heading(String, emphasised: Bool = false)
    /// Running text, wrapped.
    case paragraph(String, PrintFont)
    /// Labelled values, one per line: field number, label, value.
    case fields([ReportField], emphasised: Bool = false)
    /// A table whose rows run across pages under a repeated header.
    case table(ReportTable)
    /// Places to sign (and stamp), kept together on one page.
    case signatures([ReportSignature])
    /// Blank space.
    case space(Double)
}

/// A labelled value of a form: its field number (may be empty), its label and its value.
public struct ReportField: Equatable, Sendable {
    public let code: String
    public let label: String
    public let value: String

    public init(_ code: String, _ label: String, _ value: String) {
        self.code = code
        self.label = label
        self.value = value
    }
}

/// A place to sign: who signs, and whether a seal goes beside the signature.
public struct ReportSignature: Equatable, Sendable {
    public let role: String
    public let seal: Bool
    /// The captions under the lines, in the report's language.
    let captions: Captions

    struct Captions: Equatable, Sendable {
        let signature, name, seal: String
    }

    public init(_ role: String, seal: Bool = false, in language: Language) {
        self.role = role
        self.seal = seal
        captions = Captions(signature: PrintText.signature.text(in: language),
                            name: PrintText.fullName.text(in: language), seal: PrintText.sealPlace.text(in: language))
    }
}

/// A table: columns sharing the width by weight, rows of text, and optionally running totals
/// of some columns, carried forward at the foot of a page, brought forward at the head of the
/// next, and given in full under the last row.
public struct ReportTable {
    public struct Column: Sendable {
        public let title: String
        public let weight: Double
        public let alignment: PrintCanvas.Alignment

        public init(_ title: String, weight: Double, alignment: PrintCanvas.Alignment = .leading) {
            self.title = title
            self.weight = weight
            self.alignment = alignment
        }
    }

    /// The summed columns and what the rows add to each.
    public struct Totals {
        /// Indices of the summed columns, ascending.
        public let columns: [Int]
        /// Per row, the amount each summed column adds (nil adds nothing).
        public let amounts: [[Decimal?]]
        public let carriedLabel: String
        public let broughtLabel: String
        public let totalLabel: String
        public let format: (Decimal) -> String

        public init(columns: [Int], amounts: [[Decimal?]], carriedLabel: String, broughtLabel: String,
                    totalLabel: String, format: @escaping (Decimal) -> String) {
            self.columns = columns
            self.amounts = amounts
            self.carriedLabel = carriedLabel
            self.broughtLabel = broughtLabel
            self.totalLabel = totalLabel
            self.format = format
        }
    }

    public let columns: [Column]
    public let rows: [[String]]
    public let font: PrintFont
    public let totals: Totals?

    public init(columns: [Column], rows: [[String]], font: PrintFont, totals: Totals? = nil) {
        self.columns = columns
        self.rows = rows
        self.font = font
        self.totals = totals
    }
}
