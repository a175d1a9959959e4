import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaESF
import QoimaStore

/// The forms inside the main window: the Forms page, the editors it opens, new forms from its
/// New menu, deleting drafts with undo, and sending through the signing dialog.
@MainActor
public final class FormsDesk {
    public let context: DeskContext
    public let page: FormsPage
    public private(set) var editors: [Int64: FormEditorWindow] = [:]
    /// The last problem said in a toast (tests read it).
    public private(set) var lastProblem: String?
    let exchange: DeskExchange
    /// The signing dialog of the send in progress, if any.
    public private(set) var sending: FormSendFlow?
    /// How the last send ended (tests read it).
    public private(set) var lastSendOutcome: FormSendOutcome?
    /// How many balance syncs finished after processed forms (tests wait for it).
    public private(set) var balancesSynced = 0
    /// Tuning of the sender (tests shorten its pauses).
    public var senderOptions = UFormSender.Options()
    private let window: MainWindow

    init(context: DeskContext, exchange: DeskExchange, window: MainWindow) {
        self.context = context
        self.exchange = exchange
        self.window = window
        page = FormsPage(context: context)
        page.onOpen = { [weak self] id in self?.open(id) }
        page.onNew = { [weak self] kind in self?.newForm(kind) }
        page.onDeleted = { [weak window] number, undo in
            window?.showToast(tr("Form %1$@ deleted", number), button: tr("_Undo"), action: undo)
        }
        window.install(page.widget, for: .forms)
    }

    /// Makes a draft of `kind` (today, the next number, the priority warehouse) and opens it.
    @discardableResult
    public func newForm(_ kind: UFormType) -> Int64? {
        do {
            let id = try UFormStore(database: context.database).createDraft(companyId: context.company.id, type: kind,
                                                                            today: context.today)
            window.show(.forms)
            page.reload()
            page.select(id: id)
            open(id)
            return id
        } catch {
            say(error)
            return nil
        }
    }

    /// Opens a form in its editor; a form IS ESF has opens read-only and says where it stands.
    public func open(_ id: Int64) {
        if let editor = editors[id] { return editor.present() }
        do {
            let editor = try FormEditorWindow(formId: id, context: context, transientFor: nil, showingSent: true)
            editor.onSend = { [weak self] id in self?.send(id) }
            editors[id] = editor
            window.adopt(editor.window)
            editor.window.connectReturning("close-request") { [weak self] in
                self?.editors[id] = nil
                self?.page.reload()
                return false
            }
            editor.present()
        } catch let error as FormEditorError {
            window.showToast(error.description)
        } catch {
            say(error)
        }
    }

    /// Signs and sends form `id`, over its editor when one is open; once IS ESF has processed
    /// it, the balances are synced so the pages and pickers show them as they now are.
    public func send(_ id: Int64) {
        editors[id]?.model.flush()
        let parent = editors[id]?.window ?? window.window
        sending = FormSendFlow.start(formId: id, exchange: exchange, options: senderOptions, over: parent) { [weak self] outcome in
            guard let self else { return }
            self.sending = nil
            self.lastSendOutcome = outcome
            self.page.reload()
            self.editors[id]?.showSent(FormSendFlow.describe(outcome).1, editable: Self.staysEditable(outcome))
            switch outcome {
            case let .processed(number):
                self.window.showToast(tr("Form processed by IS ESF: %1$@", number ?? ""))
                Task { @MainActor [weak self] in
                    guard let self else { return }
                    do throws(DeskExchangeError) { try await self.exchange.syncBalances() } catch { self.lastProblem = error.message }
                    self.balancesSynced += 1
                }
            case let .failed(errors):
                self.window.showToast(trn("IS ESF did not process the form: %1$@ problem", "IS ESF did not process the form: %1$@ problems", errors.count, errors.count))
            case let .pending(text):
                self.window.showToast(text)
            case .cancelled:
                break
            }
        }
    }

    private static func staysEditable(_ outcome: FormSendOutcome) -> Bool {
        switch outcome {
        case .failed, .cancelled: true
        case .processed, .pending: false
        }
    }

    private func say(_ error: any Error) {
        let text = (error as? UFormStoreError)?.message(in: DeskExchange.language) ?? String(describing: error)
        lastProblem = text
        window.showToast(text)
    }
}
