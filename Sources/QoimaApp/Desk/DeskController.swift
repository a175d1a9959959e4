import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// The SNT desk inside the main window: the three list pages, the editors and document windows
/// they open, and the window actions that start, send and answer SNTs.
@MainActor
public final class DeskController {
    public let context: DeskContext
    public let exchange: DeskExchange
    public private(set) var lists: [AppPage: SntListPage] = [:]
    /// The Warehouses page (warehouses and balances).
    public private(set) var warehouses: WarehousesPage?
    public private(set) var editors: [Int64: SntEditorWindow] = [:]
    public private(set) var documents: [Int64: SntDocumentWindow] = [:]
    /// The Forms page and the form editors.
    public let forms: FormsDesk
    /// The Paper Magazine page and issuing on paper.
    public let magazine: MagazineDesk
    /// The signing dialog of the send in progress, if any.
    public private(set) var sending: SendFlow?
    /// How the last send ended (tests and the toast read it).
    public private(set) var lastSendOutcome: SendOutcome?
    /// The last problem said in a toast.
    public private(set) var lastProblem: String?
    private unowned let window: MainWindow

    static let listKinds: [(AppPage, SntListPage.Kind)] = [(.outgoing, .outgoing), (.incoming, .incoming), (.drafts, .drafts)]

    init(context: DeskContext, window: MainWindow) {
        self.context = context
        self.window = window
        exchange = DeskExchange(context: context)
        forms = FormsDesk(context: context, exchange: exchange, window: window)
        magazine = MagazineDesk(context: context, window: window)
        for (page, kind) in Self.listKinds {
            let list = SntListPage(kind: kind, context: context)
            list.onOpen = { [weak self] id in self?.open(id) }
            list.onDeleted = { [weak self] number, undo in
                self?.window.showToast(tr("Draft %1$@ deleted", number), button: tr("_Undo"), action: undo)
            }
            lists[page] = list
            window.install(list.widget, for: page)
        }
        let warehouses = WarehousesPage(context: context, exchange: exchange)
        warehouses.say = { [weak window] text in window?.showToast(text) }
        warehouses.balances.onOpenSnt = { [weak self] id in self?.open(id) }
        warehouses.balances.onOpenForm = { [weak self] id in self?.forms.open(id) }
        warehouses.reconciliation.onOpenSnt = { [weak self] id in self?.open(id) }
        warehouses.reconciliation.onOpenForm = { [weak self] id in self?.forms.open(id) }
        self.warehouses = warehouses
        window.install(warehouses.widget, for: .warehouses)
        magazine.page.onOpenSnt = { [weak self] id in self?.open(id) }
        magazine.page.onEnter = { [weak self] entry in
            if let id = entry.sntId { self?.send(id) }
        }
        magazine.page.onDraftChanging = { [weak self] id in self?.editors[id]?.model.flush() }
        magazine.page.onChanged = { [weak self] in self?.showPaperEntries() }
        // A sync of the balances brings SNTs and forms too, whoever started it.
        exchange.onBalancesSynced { [weak self] _ in
            self?.reloadLists()
            self?.forms.page.reload()
            self?.magazine.catchUp()
        }
    }

    /// The list on screen, if the current page is one.
    public var currentList: SntListPage? { lists[window.currentPage] }

    private var factory: SntDraftFactory {
        SntDraftFactory(database: context.database, company: context.company, today: context.today)
    }

    // MARK: Opening

    /// Opens a draft in its editor, anything else in the read-only document window.
    public func open(_ id: Int64) {
        if let editor = editors[id] { return editor.present() }
        if let document = documents[id] { return document.present() }
        do {
            try openEditor(id)
        } catch SntEditorError.notDraft {
            do { try openDocument(id) } catch { say(error) }
        } catch {
            say(error)
        }
    }

    private func openEditor(_ id: Int64) throws {
        let editor = try SntEditorWindow(draftId: id, context: context, transientFor: nil)
        editor.onSend = { [weak self] id in self?.send(id) }
        editor.onIssueOnPaper = { [weak self, weak editor] id in self?.magazine.askIssue(draftId: id, editor: editor) }
        editor.warehouseLookup = warehouses?.exchange.lookup(over: editor.window)
        editors[id] = editor
        window.adopt(editor.window)
        editor.window.connectReturning("close-request") { [weak self] in
            self?.editors[id] = nil
            return false
        }
        editor.present()
    }

    private func openDocument(_ id: Int64) throws {
        let document = try SntDocumentWindow(sntId: id, context: context, exchange: exchange, transientFor: nil)
        document.onChanged = { [weak self] _ in
            self?.reloadLists()
            self?.magazine.catchUp()
        }
        documents[id] = document
        window.adopt(document.window)
        document.window.connectReturning("close-request") { [weak self] in
            self?.documents[id] = nil
            return false
        }
        document.present()
    }

    // MARK: New SNTs

    public func newBlank() { start { try $0.blank() } }

    public func newCopy() {
        guard let id = selectedOrSay() else { return }
        start { try $0.copy(of: id) }
    }

    public func newReturn() {
        guard let id = selectedOrSay() else { return }
        start { try $0.returnOf(id) }
    }

    public func newCorrection() {
        guard let id = selectedOrSay() else { return }
        start { try $0.correctionOf(id) }
    }

    public func newFromTemplate(id: Int64) { start { try $0.fromTemplate(id: id) } }

    /// Asks which template to start from.
    public func chooseTemplate() {
        do {
            let templates = try SntTemplateStore(database: context.database).list(companyId: context.company.id)
            guard !templates.isEmpty else {
                window.showToast(tr("No templates yet: save a draft as a template from its editor."))
                return
            }
            TemplateChooser.present(templates, over: window.window) { [weak self] id in self?.newFromTemplate(id: id) }
        } catch {
            say(error)
        }
    }

    /// Imports SNTs from a file (the portal's XML) as drafts and opens the first.
    public func importFile(_ path: String) {
        do {
            let ids = try factory.fromFile(path)
            reloadLists()
            if let first = ids.first { open(first) }
            window.showToast(trn("%1$@ SNT imported as a draft", "%1$@ SNTs imported as drafts", ids.count, ids.count))
        } catch {
            say(error)
        }
    }

    public func chooseFileToImport() {
        FileChooser.open(title: tr("Import SNT File"), over: window.window, filterName: tr("SNT files (.xml)"),
                         patterns: ["*.xml", "*.XML"]) { [weak self] path in
            self?.importFile(path)
        }
    }

    private func start(_ make: (SntDraftFactory) throws -> Int64) {
        do {
            let id = try make(factory)
            window.show(.drafts)
            reloadLists()
            open(id)
        } catch {
            say(error)
        }
    }

    private func selectedOrSay() -> Int64? {
        if let id = currentList?.selectedId { return id }
        window.showToast(tr("Select an SNT in the list first."))
        return nil
    }

    // MARK: Sending and answering

    /// Signs and sends a draft, over its editor when one is open.
    public func send(_ draftId: Int64) {
        if let editor = editors[draftId] { editor.model.flush() }
        let parent = editors[draftId]?.window ?? window.window
        sending = SendFlow.start(draftId: draftId, exchange: exchange, over: parent) { [weak self] outcome in
            guard let self else { return }
            self.sending = nil
            self.lastSendOutcome = outcome
            self.editors[draftId]?.reloadFromStore()
            self.reloadLists()
            self.magazine.catchUp()
            if let text = Self.summary(of: outcome) { self.window.showToast(text) }
        }
    }

    /// Issues the draft selected on the Drafts page on paper.
    public func issueSelectedOnPaper() {
        guard window.currentPage == .drafts, let id = currentList?.selectedId else {
            window.showToast(tr("Select a draft on the Drafts page to issue it on paper."))
            return
        }
        magazine.askIssue(draftId: id, editor: editors[id])
    }

    /// Sends the draft selected on the Drafts page; on the Magazine page, enters the selected
    /// paper SNT electronically.
    public func sendSelected() {
        if window.currentPage == .magazine { return magazine.page.enterSelected() }
        guard window.currentPage == .drafts, let id = currentList?.selectedId else {
            window.showToast(tr("Select a draft on the Drafts page to send it."))
            return
        }
        send(id)
    }

    /// Brings new and changed SNTs from IS ESF; on the Warehouses and Forms pages, forms, SNTs,
    /// warehouses and balances, compared with what Qoima expected (`DeskExchange.syncBalances`).
    public func refresh() {
        guard exchange.hasSession else {
            window.showToast(tr("Not connected to IS ESF yet: the first signature opens the session."))
            return
        }
        Task { @MainActor [weak self] in
            guard let self else { return }
            defer { self.refreshesFinished += 1 }
            if self.window.currentPage == .forms || self.window.currentPage == .warehouses {
                do throws(DeskExchangeError) {
                    let outcome = try await self.exchange.syncBalances()
                    let differences = outcome.report.differences.count
                    self.window.showToast(differences == 0 ? tr("Forms, SNTs and balances are in step with IS ESF.")
                        : WarehousesPage.differencesText(differences))
                } catch {
                    self.say(error.message)
                }
                return
            }
            do {
                let reports = try await self.exchange.refresh()
                self.reloadLists()
                self.magazine.catchUp()
                let changed = reports.reduce(0) { $0 + $1.count.inserted + $1.count.updated }
                self.window.showToast(trn("%1$@ SNT updated from IS ESF", "%1$@ SNTs updated from IS ESF", changed, changed))
            } catch let error as DeskExchangeError {
                self.window.showToast(error.message)
            } catch {
                self.window.showToast(String(describing: error))
            }
        }
    }

    /// Open editors read their draft and its Magazine entry again after the Magazine changed.
    private func showPaperEntries() {
        for editor in editors.values {
            editor.reloadFromStore()
            editor.showPaperEntry(try? magazine.store.liveEntry(sntId: editor.model.draftId), today: context.today)
        }
    }

    /// How many refreshes finished, well or not (tests wait for it).
    public private(set) var refreshesFinished = 0

    public func reloadLists() {
        for list in lists.values { list.reload() }
    }

    static func summary(of outcome: SendOutcome) -> String? {
        switch outcome {
        case let .registered(number, _): tr("Registered in IS ESF as %1$@", number)
        case let .failed(errors): trn("IS ESF refused the SNT: %1$@ problem, shown at its field", "IS ESF refused the SNT: %1$@ problems, shown at their fields", errors.count, errors.count)
        case let .pending(text): text
        case .cancelled: nil
        }
    }

    private func say(_ error: any Error) { say(String(describing: error)) }

    private func say(_ text: String) {
        lastProblem = text
        window.showToast(text)
    }
}
