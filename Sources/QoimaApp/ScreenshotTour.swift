import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// Opens the main window at a fixed size, with a settings file of its own, over the database
/// the launcher chose (the demo world's for `make screenshots`), and saves PNGs of every sidebar
/// page, the balances, the editor, an incoming SNT, the signing dialog, a form editor and the issue-on-paper dialog, in the light and the dark style:
/// the pictures in docs/screenshots/ come from here.
@MainActor
public struct ScreenshotTour {
    public static let windowSize = (width: 1100, height: 720)
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public func run() throws -> Int32 {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-tour-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let located = ApplicationPaths.locate()
        let paths = ApplicationPaths(shareDirectory: located.shareDirectory, settingsFile: scratch + "/settings.ini")
        let app = try QoimaApplication(options: .init(paths: paths, nonUnique: true))
        app.settings.setInteger("window-width", Self.windowSize.width)
        app.settings.setInteger("window-height", Self.windowSize.height)
        try app.launch()
        guard let window = app.mainWindow,
              MainContext.run(until: { window.firstFrameShown }, timeout: 10) else {
            FileHandle.standardError.write(Data("qoima: the main window did not appear\n".utf8))
            return 1
        }
        let formId = window.desk.flatMap { try? sampleForms($0) }
        for (scheme, name) in [(ADW_COLOR_SCHEME_FORCE_LIGHT, "light"), (ADW_COLOR_SCHEME_FORCE_DARK, "dark")] {
            adw_style_manager_set_color_scheme(adw_style_manager_get_default(), scheme)
            for page in AppPage.allCases {
                window.show(page)
                if page == .magazine { window.desk?.magazine.page.table.select(0) }
                MainContext.run(for: 0.4)
                try save(window.window, "\(page.rawValue)-\(name)")
            }
            if let desk = window.desk {
                try tourBalances(desk, window: window, style: name)
                try tourDocuments(desk, style: name)
                try tourIssueOnPaper(desk, style: name)
                if let formId { try tourForm(formId, desk: desk, style: name) }
            }
        }
        gtk_window_destroy(window.window.cPointer())
        MainContext.drain()
        return 0
    }

    /// The Balances view of the Warehouses page, grouped by product, with the first reserved
    /// batch selected so the panel says what holds it.
    private func tourBalances(_ desk: DeskController, window: MainWindow, style: String) throws {
        guard let warehouses = desk.warehouses else { return }
        window.show(.warehouses)
        warehouses.showBalances(true)
        let balances = warehouses.balances
        gtk_toggle_button_set_active(balances.groupToggle.cPointer(), 1)
        _ = MainContext.run(until: { !balances.isGrouping }, timeout: 10)
        let reserved = (0..<min(balances.rowCount, 200)).first { balances.table.row(at: $0)?.batch.map { $0.reserved != 0 } == true }
        balances.table.select(reserved ?? 1)
        MainContext.run(for: 0.4)
        try save(window.window, "balances-\(style)")
        balances.table.select(nil)
        gtk_toggle_button_set_active(balances.groupToggle.cPointer(), 0)
        warehouses.showBalances(false)
    }

    /// The editor of the first draft, the signing dialog over it, and the first incoming SNT.
    private func tourDocuments(_ desk: DeskController, style: String) throws {
        let list = SntList(database: desk.context.database)
        let company = desk.context.company.id
        if let draft = try list.page(SntListQuery(companyId: company, direction: .outgoing, statuses: [.draft]), limit: 1).first {
            desk.open(draft.id)
            if let editor = desk.editors[draft.id] {
                gtk_window_set_default_size(editor.window.cPointer(), 1000, 760)
                MainContext.run(for: 0.8)
                try save(editor.window, "editor-\(style)")
                desk.exchange.usesKeyring = false
                desk.send(draft.id)
                MainContext.run(for: 0.6)
                if let flow = desk.sending {
                    try save(flow.dialog, "signing-\(style)")
                    gtk_window_close(flow.dialog.cPointer())
                }
                gtk_window_close(editor.window.cPointer())
                MainContext.run(for: 0.2)
            }
        }
        if let incoming = try list.page(SntListQuery(companyId: company, direction: .incoming), limit: 1).first {
            desk.open(incoming.id)
            if let document = desk.documents[incoming.id] {
                gtk_window_set_default_size(document.window.cPointer(), 1000, 760)
                MainContext.run(for: 0.8)
                try save(document.window, "incoming-document-\(style)")
                gtk_window_close(document.window.cPointer())
                MainContext.run(for: 0.2)
            }
        }
    }

    /// The issue-on-paper dialog over the editor of a draft not yet in the Magazine.
    private func tourIssueOnPaper(_ desk: DeskController, style: String) throws {
        let company = desk.context.company.id
        let drafts = try SntList(database: desk.context.database)
            .page(SntListQuery(companyId: company, direction: .outgoing, statuses: [.draft]), limit: 20)
        let onPaper = try desk.magazine.store.liveEntries(companyId: company)
        guard let draft = drafts.first(where: { onPaper[$0.id] == nil }) else { return }
        desk.open(draft.id)
        guard let editor = desk.editors[draft.id] else { return }
        gtk_window_set_default_size(editor.window.cPointer(), 1000, 760)
        MainContext.run(for: 0.4)
        if let dialog = desk.magazine.askIssue(draftId: draft.id, editor: editor) {
            MainContext.run(for: 0.6)
            try save(dialog.window, "issue-on-paper-\(style)")
            dialog.close()
        }
        gtk_window_close(editor.window.cPointer())
        MainContext.run(for: 0.2)
    }

    /// A write-off of a damaged batch and a movement to the point of sale, drawn up in the demo
    /// world when it has no forms yet, so the Forms page and the form editor have something to
    /// show. Returns the write-off's id.
    private func sampleForms(_ desk: DeskController) throws -> Int64? {
        let context = desk.context
        let store = UFormStore(database: context.database)
        let companyId = context.company.id
        if let first = try store.list(UFormListQuery(companyId: companyId, types: [.writeOff], statuses: [.draft]), limit: 1).first {
            return first.id
        }
        let warehouses = try WarehouseStore(database: context.database).warehouses(companyId: companyId)
        guard let main = warehouses.first(where: \.isDefault) ?? warehouses.first else { return nil }
        let batches = try BalanceStore(database: context.database).balances(companyId: companyId, storeId: main.storeId)
            .filter { $0.available >= 10 }
        guard batches.count >= 2 else { return nil }
        let writeOffId = try store.createDraft(companyId: companyId, type: .writeOff, today: context.today)
        if var form = try store.form(id: writeOffId)?.form {
            form.writeOffReason = .damage
            form.writeOffDetails = [.documentNumber: "АКТ-12", .documentDate: context.today.ddMMyyyy]
            form.comment = "Қаптар су болды"
            form.products = [UFormProduct(taking: 2, from: batches[0]), UFormProduct(taking: batches[1].available + 3, from: batches[1])]
            form.computeTotals()
            try store.save(id: writeOffId, form, problems: try store.review(form, companyId: companyId, today: context.today).problems)
        }
        if let shop = warehouses.first(where: { $0.storeId != main.storeId }) {
            let movementId = try store.createDraft(companyId: companyId, type: .movement, today: context.today)
            if var form = try store.form(id: movementId)?.form {
                form.recipient = UFormParty(storeId: shop.storeId, storeName: shop.name, tin: TaxpayerNumber(context.company.bin))
                form.comment = " "
                form.products = [UFormProduct(taking: 5, from: batches[0])]
                form.computeTotals()
                try store.save(id: movementId, form, problems: try store.review(form, companyId: companyId, today: context.today).problems)
            }
        }
        desk.forms.page.reload()
        return writeOffId
    }

    /// The editor of a write-off, one line asking for more than its batch has.
    private func tourForm(_ id: Int64, desk: DeskController, style: String) throws {
        desk.forms.open(id)
        guard let editor = desk.forms.editors[id] else { return }
        gtk_window_set_default_size(editor.window.cPointer(), 1180, 780)
        MainContext.run(for: 0.8)
        try save(editor.window, "form-editor-\(style)")
        gtk_window_close(editor.window.cPointer())
        MainContext.run(for: 0.2)
    }

    private func save(_ widget: ObjectHandle, _ name: String) throws {
        let path = directory + "/\(name).png"
        try WidgetSnapshot.savePNG(of: widget, to: path)
        print(path)
    }
}
