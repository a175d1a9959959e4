import Foundation

/// A report as a `PrintDocument`: blocks flowed down pages between a running header (the same
/// line on every page) and a footer ("page N of M"), on one paper with fixed margins.
///
/// Pagination rules: a heading stays with what follows it; a table row never splits, and a
/// table's header row is repeated at the top of every page it runs onto; with totals, every
/// page but the last ends with "carried forward" and the next starts with "brought forward",
/// both the running sums of the rows before, and the last row is followed by the total; a
/// block of signatures is never split.
public final class ReportDocument: PrintDocument {
    public let paper: PaperSize
    public let margins: PageMargins
    /// The PDF's title.
    public let title: String
    private let header: String
    private let footer: (_ page: Int, _ count: Int) -> String
    private let blocks: [ReportBlock]
    private var pages: [[(PrintCanvas) -> Void]] = []

    static let headerFont = PrintFont(size: 7.5)
    static let headingFont = PrintFont(size: 10, bold: true)
    static let fieldFont = PrintFont(size: 8.5)
    static let padding = 2.0

    /// `header` runs along the top of every page; `footer` gives the foot line of page N (from 1)
    /// of M.
    public init(paper: PaperSize, margins: PageMargins, title: String, header: String,
                footer: @escaping (_ page: Int, _ count: Int) -> String, blocks: [ReportBlock]) {
        self.paper = paper
        self.margins = margins
        self.title = title
        self.header = header
        self.footer = footer
        self.blocks = blocks
    }

    public var pageCount: Int { pages.count }

    public func paginate(measuring canvas: PrintCanvas) -> Int {
        var flow = Flow(canvas: canvas, margins: margins,
                        headerHeight: canvas.height(of: "Ag", font: Self.headerFont, width: canvas.pageWidth) + 6,
                        footerHeight: canvas.height(of: "Ag", font: Self.headerFont, width: canvas.pageWidth) + 6)
        for (index, block) in blocks.enumerated() {
            flow.place(block, next: blocks.indices.contains(index + 1) ? blocks[index + 1] : nil)
        }
        pages = flow.pages
        return pages.count
    }

    public func draw(page: Int, on canvas: PrintCanvas) {
        guard pages.indices.contains(page) else { return }
        let width = canvas.pageWidth - margins.left - margins.right
        let font = Self.headerFont
        let lineHeight = canvas.height(of: "Ag", font: font, width: width)
        canvas.draw(header, font: font, x: margins.left, y: margins.top, width: width, maxLines: 1)
        canvas.line(from: (margins.left, margins.top + lineHeight + 2), to: (margins.left + width, margins.top + lineHeight + 2))
        let footY = canvas.pageHeight - margins.bottom - lineHeight
        canvas.draw(footer(page + 1, pages.count), font: font, x: margins.left, y: footY, width: width,
                    alignment: .trailing, maxLines: 1)
        for item in pages[page] { item(canvas) }
    }
}

/// Laying blocks down pages: where the next one goes and what each page holds.
private struct Flow {
    let canvas: PrintCanvas
    let left: Double
    let width: Double
    let top: Double
    let bottom: Double
    var y: Double
    var pages: [[(PrintCanvas) -> Void]] = [[]]

    init(canvas: PrintCanvas, margins: PageMargins, headerHeight: Double, footerHeight: Double) {
        self.canvas = canvas
        left = margins.left
        width = canvas.pageWidth - margins.left - margins.right
        top = margins.top + headerHeight
        bottom = canvas.pageHeight - margins.bottom - footerHeight
        y = top
    }

    var isPageEmpty: Bool { y == top }

    mutating func newPage() {
        pages.append([])
        y = top
    }

    /// Starts a new page unless `height` fits below; a page with nothing on it takes anything.
    mutating func ensure(_ height: Double) {
        if y + height > bottom, !isPageEmpty { newPage() }
    }

    mutating func add(height: Double, _ draw: @escaping (PrintCanvas, Double) -> Void) {
        let at = y
        pages[pages.count - 1].append { draw($0, at) }
        y += height
    }

    mutating func place(_ block: ReportBlock, next: ReportBlock?) {
        switch block {
        case let .heading(text, emphasised):
            let font = ReportDocument.headingFont
            let inner = width - 2 * ReportDocument.padding
            let height = canvas.height(of: text, font: font, width: inner) + 2 * ReportDocument.padding + 2
            ensure(height + firstHeight(of: next))
            let (left, width) = (left, width)
            add(height: height) { canvas, y in
                if emphasised { canvas.rectangle(x: left, y: y, width: width, height: height - 2, fill: 0.85) }
                canvas.draw(text, font: font, x: left + ReportDocument.padding, y: y + ReportDocument.padding, width: inner)
            }
        case let .paragraph(text, font):
            let height = canvas.height(of: text, font: font, width: width) + 2
            ensure(height)
            let (left, width) = (left, width)
            add(height: height) { canvas, y in canvas.draw(text, font: font, x: left, y: y, width: width) }
        case let .fields(fields, emphasised):
            let columns = fieldColumns(fields)
            for field in fields { place(field, columns: columns, emphasised: emphasised) }
            y += 4
        case let .table(table):
            place(table)
            y += 6
        case let .signatures(signatures):
            place(signatures)
        case let .space(points):
            if !isPageEmpty { y = min(y + points, bottom) }
        }
    }

    /// How much of `block` must come onto the page with a heading before it.
    private func firstHeight(of block: ReportBlock?) -> Double {
        switch block {
        case let .fields(fields, emphasised): fields.first.map { fieldHeight($0, fieldColumns(fields), emphasised: emphasised) } ?? 0
        case let .table(table): 2 * rowHeight(table.columns.map(\.title), table, widths: columnWidths(table), bold: true)
        case let .paragraph(text, font): canvas.height(of: text, font: font, width: width)
        default: 0
        }
    }

    // MARK: Fields

    typealias FieldColumns = (code: Double, label: Double, value: Double)

    /// The field numbers' column is as wide as the widest number of the block (within limits).
    private func fieldColumns(_ fields: [ReportField]) -> FieldColumns {
        let widest = fields.map { canvas.width(of: $0.code, font: ReportDocument.fieldFont.boldened) }.max() ?? 0
        let code = min(max(widest + 8, 36), width * 0.25)
        let label = (width - code) * 0.38
        return (code, label, width - code - label)
    }

    private func fieldHeight(_ field: ReportField, _ columns: FieldColumns, emphasised: Bool) -> Double {
        let font = ReportDocument.fieldFont
        let valueFont = emphasised ? PrintFont(size: font.size + 1.5, bold: true) : font
        return max(canvas.height(of: field.label, font: font, width: columns.label - 4),
                   canvas.height(of: field.value, font: valueFont, width: columns.value - 4),
                   canvas.height(of: field.code, font: font, width: columns.code - 4)) + 3
    }

    private mutating func place(_ field: ReportField, columns: FieldColumns, emphasised: Bool) {
        let height = fieldHeight(field, columns, emphasised: emphasised)
        ensure(height)
        let left = left
        let font = ReportDocument.fieldFont
        let valueFont = emphasised ? PrintFont(size: font.size + 1.5, bold: true) : font
        add(height: height) { canvas, y in
            canvas.draw(field.code, font: font.boldened, x: left, y: y + 1.5, width: columns.code - 4)
            canvas.draw(field.label, font: font, x: left + columns.code, y: y + 1.5, width: columns.label - 4)
            canvas.draw(field.value, font: valueFont, x: left + columns.code + columns.label, y: y + 1.5,
                        width: columns.value - 4)
            canvas.line(from: (left, y + height), to: (left + columns.code + columns.label + columns.value, y + height),
                        width: 0.25)
        }
    }

    // MARK: Tables

    private func columnWidths(_ table: ReportTable) -> [Double] {
        let total = table.columns.reduce(0) { $0 + $1.weight }
        return table.columns.map { width * $0.weight / total }
    }

    private func rowHeight(_ cells: [String], _ table: ReportTable, widths: [Double], bold: Bool) -> Double {
        let font = bold ? table.font.boldened : table.font
        var tallest = canvas.height(of: "Ag", font: font, width: widths[0])
        for (cell, width) in zip(cells, widths) where !cell.isEmpty {
            tallest = max(tallest, canvas.height(of: cell, font: font, width: width - 2 * ReportDocument.padding))
        }
        return tallest + 2 * ReportDocument.padding
    }

    private mutating func place(_ table: ReportTable) {
        let widths = columnWidths(table)
        let titles = table.columns.map(\.title)
        let headerHeight = rowHeight(titles, table, widths: widths, bold: true)
        let totalsHeight = table.totals == nil ? 0 : rowHeight(["Ag"], table, widths: widths, bold: true)
        var running = table.totals.map { Array(repeating: Decimal(0), count: $0.columns.count) } ?? []
        var rowsOnPage = 0

        func header(_ flow: inout Flow, broughtForward: Bool) {
            flow.addRow(titles, table, widths: widths, height: headerHeight, style: .header)
            if broughtForward, let totals = table.totals {
                flow.addRow(Self.totalsCells(totals.broughtLabel, running, totals, table), table, widths: widths,
                            height: totalsHeight, style: .totals)
            }
        }

        let firstRow = table.rows.first.map { rowHeight($0, table, widths: widths, bold: false) } ?? 0
        ensure(headerHeight + firstRow + totalsHeight)
        header(&self, broughtForward: false)
        for (index, cells) in table.rows.enumerated() {
            let height = rowHeight(cells, table, widths: widths, bold: false)
            if y + height + totalsHeight > bottom, rowsOnPage > 0 {
                if let totals = table.totals {
                    addRow(Self.totalsCells(totals.carriedLabel, running, totals, table), table, widths: widths,
                           height: totalsHeight, style: .totals)
                }
                newPage()
                header(&self, broughtForward: true)
                rowsOnPage = 0
            }
            addRow(cells, table, widths: widths, height: height, style: .body)
            rowsOnPage += 1
            if let totals = table.totals {
                for (slot, amount) in totals.amounts[index].enumerated() { running[slot] += amount ?? 0 }
            }
        }
        if let totals = table.totals {
            addRow(Self.totalsCells(totals.totalLabel, running, totals, table), table, widths: widths,
                   height: totalsHeight, style: .totals)
        }
    }

    /// A totals row: the label in the cells before the first summed column, the sums in theirs.
    private static func totalsCells(_ label: String, _ sums: [Decimal], _ totals: ReportTable.Totals,
                                    _ table: ReportTable) -> [String] {
        var cells = Array(repeating: "", count: table.columns.count)
        for (slot, column) in totals.columns.enumerated() { cells[column] = totals.format(sums[slot]) }
        cells[0] = label
        return cells
    }

    enum RowStyle { case header, body, totals }

    private mutating func addRow(_ cells: [String], _ table: ReportTable, widths: [Double], height: Double,
                                 style: RowStyle) {
        let left = left
        let firstSummed = style == .totals ? (table.totals?.columns.first ?? 1) : 1
        add(height: height) { canvas, y in
            let font = style == .body ? table.font : table.font.boldened
            if style == .header {
                canvas.rectangle(x: left, y: y, width: widths.reduce(0, +), height: height, fill: 0.9)
            }
            var x = left
            for (column, cell) in cells.enumerated() {
                let cellWidth = widths[column]
                if style == .totals, column == 0 {
                    // The label spans the cells up to the first sum.
                    let span = widths[0..<firstSummed].reduce(0, +)
                    canvas.rectangle(x: x, y: y, width: span, height: height)
                    canvas.draw(cell, font: font, x: x + ReportDocument.padding, y: y + ReportDocument.padding,
                                width: span - 2 * ReportDocument.padding, maxLines: 1)
                    x += cellWidth
                    continue
                }
                if style == .totals, column < firstSummed {
                    x += cellWidth
                    continue
                }
                canvas.rectangle(x: x, y: y, width: cellWidth, height: height)
                canvas.draw(cell, font: font, x: x + ReportDocument.padding, y: y + ReportDocument.padding,
                            width: cellWidth - 2 * ReportDocument.padding,
                            alignment: style == .header ? .center : table.columns[column].alignment)
                x += cellWidth
            }
        }
    }

    // MARK: Signatures

    private mutating func place(_ signatures: [ReportSignature]) {
        let font = ReportDocument.fieldFont
        let lineHeight = canvas.height(of: "Ag", font: font, width: width)
        let perRow = 2
        let rowHeight = lineHeight * 3 + 14
        let rows = (signatures.count + perRow - 1) / perRow
        ensure(Double(rows) * rowHeight + 8)
        y += 8
        let cellWidth = width / Double(perRow)
        let left = left
        for start in stride(from: 0, to: signatures.count, by: perRow) {
            let group = Array(signatures[start..<min(start + perRow, signatures.count)])
            add(height: rowHeight) { canvas, y in
                for (column, signature) in group.enumerated() {
                    let x = left + Double(column) * cellWidth
                    canvas.draw(signature.role, font: font.boldened, x: x, y: y, width: cellWidth - 12, maxLines: 1)
                    let lineY = y + lineHeight * 2 + 6
                    canvas.line(from: (x, lineY), to: (x + cellWidth * 0.4, lineY))
                    canvas.line(from: (x + cellWidth * 0.45, lineY), to: (x + cellWidth - 16, lineY))
                    let caption = PrintFont(size: 6.5)
                    canvas.draw(signature.captions.signature, font: caption, x: x, y: lineY + 1, width: cellWidth * 0.4,
                                alignment: .center, maxLines: 1)
                    canvas.draw(signature.captions.name, font: caption, x: x + cellWidth * 0.45, y: lineY + 1,
                                width: cellWidth * 0.55 - 16, alignment: .center, maxLines: 1)
                    if signature.seal {
                        canvas.draw(signature.captions.seal, font: caption, x: x, y: lineY + lineHeight + 2,
                                    width: cellWidth * 0.4, maxLines: 1)
                    }
                }
            }
        }
    }
}
