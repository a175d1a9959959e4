import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import QoimaDemo
import QoimaESF
import QoimaSandbox
import QoimaSigning
import QoimaStore
import QoimaXML
import XCTest

/// The Warehouses page against a sandbox in this process: the sync (opening the session through
/// the signing dialog), creating a warehouse whose missing details are refused at their fields,
/// activating and deactivating (never the priority warehouse), and a counterparty's warehouses.
final class WarehousesPageTests: ExchangeWorldTestCase {
    static let responsibleIin = "850315300128"

    @MainActor static func page(_ name: String) throws -> (WarehousesPage, AppUnderTest, URL, ExchangeTestWorld) {
        let world = try world()
        let scratch = try scratchDirectory(name)
        let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path)
        let exchange = DeskExchange(context: deskContext(world, app: subject))
        exchange.usesKeyring = false
        let page = WarehousesPage(context: exchange.context, exchange: exchange)
        subject.window.install(page.widget, for: .warehouses)
        subject.window.show(.warehouses)
        return (page, subject, scratch, world)
    }

    /// Opens the session the way the signing dialog does, without the dialog.
    @MainActor static func connect(_ page: WarehousesPage) throws {
        let exchange = page.exchange.desk
        try waitFor {
            try await exchange.openSession(authenticationKeyPassword: SecretBytes(TestPKI.defaultPassword),
                                           cabinetPassword: SecretBytes(SandboxSeed.cabinetPassword),
                                           rememberCabinetPassword: false)
        }
    }

    @MainActor static func sync(_ page: WarehousesPage) {
        let before = page.syncsFinished
        page.sync()
        XCTAssertTrue(MainContext.run(until: { page.syncsFinished > before }, timeout: 60), page.syncProgressText)
    }

    func testSyncOpensTheSessionThroughTheSigningDialogAndListsTheWarehouses() throws {
        try MainActor.assumeIsolated {
            let (page, subject, scratch, world) = try Self.page("warehouses-sync")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            // Other tests of the class may have synced the shared database: start from an empty cache.
            try WarehouseStore(database: world.database).replace(companyId: world.company.id, with: [])
            try BalanceStore(database: world.database).stage([], companyId: world.company.id, lastBalanceId: nil, last: true)
            page.reload()
            XCTAssertEqual(page.balances.rowCount, 0)
            XCTAssertEqual(String(cString: gtk_label_get_text(page.syncLabel.cPointer())), tr("Not synced with IS ESF yet"))
            page.sync()
            let dialog = try XCTUnwrap(page.exchange.connecting)
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(dialog.window.widget) != 0 }, timeout: 5))
            dialog.enterPassword(TestPKI.defaultPassword)
            dialog.enterCabinetPassword(SandboxSeed.cabinetPassword)
            dialog.accept()
            var sawProgress = false
            XCTAssertTrue(MainContext.run(until: {
                if page.syncing { sawProgress = true }
                return dialog.phase == .finished
            }, timeout: 60), page.syncProgressText)
            XCTAssertTrue(sawProgress)
            XCTAssertTrue(page.syncProgressText.contains("6"), page.syncProgressText)
            dialog.cancel()
            // The seeded priority warehouse and point of sale, with the time of the sync.
            XCTAssertEqual(Set(page.warehouses.prefix(2).map(\.typeCode)), ["STORE_HOUSE", "POINT_OF_SALE"])
            let priority = try XCTUnwrap(page.warehouses.first(where: \.isDefault))
            XCTAssertEqual(priority.typeCode, "STORE_HOUSE")
            let label = String(cString: gtk_label_get_text(page.syncLabel.cPointer()))
            XCTAssertTrue(label.hasPrefix(tr("Last sync: %1$@", "").trimmingCharacters(in: .whitespaces)), label)
            XCTAssertEqual(page.balances.rowCount, 6)
            XCTAssertEqual(try BalanceStore(database: world.database).count(companyId: world.company.id), 6)
            // The priority warehouse's switch is disabled, and the row says why.
            let toggle = try XCTUnwrap(page.statusSwitches[priority.storeId])
            XCTAssertEqual(gtk_widget_get_sensitive(toggle.widget), 0)
            let row = try XCTUnwrap(findWidget(named: "warehouse-\(priority.storeId)", in: page.widget.widget))
            let tooltip = gtk_widget_get_tooltip_text(row).map { String(cString: $0) } ?? ""
            XCTAssertTrue(tooltip.contains(tr("The priority warehouse cannot be deactivated: goods arrive there by default.")))
        }
    }

    func testCreatingAWarehouseAsksWhatItsSignsNeedRefusesWhatIsMissingAndCreatesItInIsEsf() throws {
        try MainActor.assumeIsolated {
            let (page, subject, scratch, world) = try Self.page("warehouses-create")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            try Self.connect(page)
            Self.sync(page)
            page.newWarehouse()
            let dialog = try XCTUnwrap(page.newWarehouseDialog)
            XCTAssertFalse(dialog.isAsked(.lesseeTin))
            XCTAssertFalse(dialog.isAsked(.permittedTins))
            dialog.create()
            XCTAssertEqual(Set(dialog.shownProblems.keys), [.name, .address, .responsiblePersonIin])
            XCTAssertFalse(dialog.sending)

            let name = "Лизинг қоймасы " + UUID().uuidString.prefix(4)
            dialog.set(.name, name)
            dialog.set(.address, "Алматы, Абай даңғылы 10")
            dialog.set(.responsiblePersonIin, "850315300129")
            dialog.setType(.mobileStore)
            dialog.setSign(.leasing, true)
            dialog.setSign(.tollingRawMaterials, true)
            XCTAssertTrue(dialog.isAsked(.lesseeTin))
            dialog.set(.lesseeTin, "010340000012")
            dialog.set(.lesseeContractDate, "31.13.2025")
            dialog.create()
            XCTAssertEqual(Set(dialog.shownProblems.keys), [.responsiblePersonIin, .lesseeTin, .lesseeContractNumber,
                                                            .lesseeContractDate])
            let label = try XCTUnwrap(findWidget(named: "problems-leasing", in: dialog.window.widget))
            XCTAssertTrue(String(cString: gtk_label_get_text(gcast(label))).contains("31.13.2025"))
            // Everything typed is still there.
            XCTAssertEqual(dialog.draft.name, name)

            dialog.set(.responsiblePersonIin, Self.responsibleIin)
            dialog.set(.lesseeTin, ExchangeTestWorld.counterpartyCompany.bin.rawValue)
            dialog.set(.lesseeContractNumber, "Л-2025/15")
            dialog.set(.lesseeContractDate, "15.12.2025")
            dialog.create()
            XCTAssertEqual(dialog.shownProblems, [:])
            XCTAssertTrue(MainContext.run(until: { page.warehouses.contains { $0.name == name } }, timeout: 60),
                          dialog.outcomeText ?? "")
            let created = try XCTUnwrap(page.warehouses.first { $0.name == name })
            XCTAssertEqual(created.typeCode, "MOBILE_STORE")
            XCTAssertEqual(created.signs["isCooperativeStore"], "true")
            XCTAssertEqual(created.signs["isRawMaterials"], "true")
            XCTAssertEqual(created.signs["lesseeContractNumber"], "Л-2025/15")
            XCTAssertEqual(created.responsiblePersonIin, Self.responsibleIin)
            XCTAssertNil(page.newWarehouseDialog, "the dialog closes once IS ESF created the warehouse")
            let stored = try WarehouseStore(database: world.database).warehouses(companyId: world.company.id)
            XCTAssertTrue(stored.contains { $0.storeId == created.storeId })
        }
    }

    func testJointActivityWarehouseCarriesItsParticipantsAndASecondPriorityIsRefused() throws {
        try MainActor.assumeIsolated {
            let (page, subject, scratch, _) = try Self.page("warehouses-joint")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            try Self.connect(page)
            Self.sync(page)
            page.newWarehouse()
            let dialog = try XCTUnwrap(page.newWarehouseDialog)
            let name = "УСД " + UUID().uuidString.prefix(4)
            dialog.set(.name, name)
            dialog.set(.address, "Шымкент")
            dialog.set(.responsiblePersonIin, Self.responsibleIin)
            dialog.setSign(.priority, true)
            dialog.setSign(.jointActivity, true)
            XCTAssertTrue(dialog.isAsked(.permittedTins))
            dialog.create()
            XCTAssertEqual(Set(dialog.shownProblems.keys), [.signs, .permittedTins])
            dialog.setSign(.priority, false)
            dialog.set(.permittedTins, ExchangeTestWorld.counterpartyCompany.bin.rawValue)
            dialog.create()
            XCTAssertTrue(MainContext.run(until: { page.warehouses.contains { $0.name == name } }, timeout: 60),
                          dialog.outcomeText ?? "")
            let created = try XCTUnwrap(page.warehouses.first { $0.name == name })
            XCTAssertEqual(created.signs["permittedTinList"], ExchangeTestWorld.counterpartyCompany.bin.rawValue)
            XCTAssertEqual(created.signs["isJointStore"], "true")
        }
    }

    func testThePriorityWarehouseIsNotDeactivatedOthersAreDeactivatedAndActivated() throws {
        try MainActor.assumeIsolated {
            let (page, subject, scratch, _) = try Self.page("warehouses-status")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            try Self.connect(page)
            Self.sync(page)
            let priority = try XCTUnwrap(page.warehouses.first(where: \.isDefault))
            page.setActive(false, storeId: priority.storeId)
            XCTAssertEqual(page.lastMessage, tr("The priority warehouse cannot be deactivated: goods arrive there by default."))
            XCTAssertEqual(page.warehouses.first(where: \.isDefault)?.status, "VALID")

            let point = try XCTUnwrap(page.warehouses.first { $0.typeCode == "POINT_OF_SALE" })
            let toggle = try XCTUnwrap(page.statusSwitches[point.storeId])
            gtk_switch_set_active(toggle.cPointer(), 0)  // as a click would
            XCTAssertTrue(MainContext.run(until: {
                page.warehouses.first { $0.storeId == point.storeId }?.status == "INVALID"
            }, timeout: 60), page.lastMessage ?? "")
            XCTAssertEqual(gtk_switch_get_active(page.statusSwitches[point.storeId]!.cPointer()), 0)
            page.setActive(true, storeId: point.storeId)
            XCTAssertTrue(MainContext.run(until: {
                page.warehouses.first { $0.storeId == point.storeId }?.status == "VALID"
            }, timeout: 60), page.lastMessage ?? "")
            XCTAssertEqual(gtk_switch_get_active(page.statusSwitches[point.storeId]!.cPointer()), 1)
        }
    }

    func testTheFinderListsACounterpartysWarehousesAndRefusesAMistypedBin() throws {
        try MainActor.assumeIsolated {
            let (page, subject, scratch, _) = try Self.page("warehouses-finder")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            try Self.connect(page)
            let finder = page.finder
            finder.bin = "010340000012"
            finder.find()
            XCTAssertFalse(finder.searching)
            XCTAssertTrue(finder.statusText.contains("010340000012"), finder.statusText)
            finder.bin = ExchangeTestWorld.counterpartyCompany.bin.rawValue
            finder.find()
            XCTAssertTrue(MainContext.run(until: { !finder.searching }, timeout: 60))
            XCTAssertEqual(finder.found.count, 2, finder.statusText)
            XCTAssertTrue(finder.found.allSatisfy { $0.tin == ExchangeTestWorld.counterpartyCompany.bin.rawValue })
            var picked: RemoteStore?
            finder.onPick = { picked = $0 }
            finder.pick(at: 0)
            XCTAssertEqual(picked?.id, finder.found[0].id)
        }
    }

    func testTheEditorsC30ButtonFindsTheCustomersWarehousesAndFillsTheField() throws {
        try MainActor.assumeIsolated {
            let (page, subject, scratch, world) = try Self.page("warehouses-c30")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            try Self.connect(page)
            var snt = Snt(number: "C30-" + UUID().uuidString.prefix(4), date: page.exchange.context.today)
            snt.customer = SntParty(tin: ExchangeTestWorld.counterpartyCompany.bin, name: "Құрылыс & Ко")
            let draftId = try SntDraftStore(database: world.database).createDraft(companyId: world.company.id, snt)
            let editor = try SntEditorWindow(draftId: draftId, context: page.exchange.context, transientFor: nil)
            defer { gtk_window_destroy(editor.window.cPointer()) }
            let button = try XCTUnwrap(editor.customerWarehouse)
            XCTAssertNotNil(findWidget(named: "find-customer-warehouse", in: editor.window.widget))
            // Without the desk's exchange the button says how to ask IS ESF.
            button.finder.bin = ExchangeTestWorld.counterpartyCompany.bin.rawValue
            button.finder.find()
            XCTAssertTrue(button.finder.found.isEmpty)
            XCTAssertEqual(button.finder.statusText, tr("Open the SNT from the desk to ask IS ESF."))
            editor.warehouseLookup = page.exchange.lookup(over: editor.window)
            button.finder.find()
            XCTAssertTrue(MainContext.run(until: { !button.finder.searching }, timeout: 60), button.finder.statusText)
            let first = try XCTUnwrap(button.finder.found.first)
            button.finder.pick(at: 0)
            XCTAssertEqual(editor.model.snt.customer.storeId, first.id)
        }
    }

    /// A sync is a reconciliation: right after another it finds the balances as expected; after
    /// a write-off made outside Qoima (another copy of Qoima, as the portal would) it lists that
    /// batch with what was expected, what IS ESF reports and the form as the cause, which opens.
    func testASyncListsWhatDiffersFromWhatQoimaExpectedWithItsCause() throws {
        try MainActor.assumeIsolated {
            let (page, subject, scratch, world) = try Self.page("warehouses-reconcile")
            defer { subject.close(); try? FileManager.default.removeItem(at: scratch) }
            try Self.connect(page)
            Self.sync(page)
            Self.sync(page)
            let quiet = try XCTUnwrap(page.reconciliation.report)
            XCTAssertNotNil(quiet.previousSyncAt)
            XCTAssertEqual(quiet.differences, [])
            XCTAssertTrue(page.reconciliation.summaryText.contains(
                BalanceReconciliationReport(ranAt: Date(), previousSyncAt: Date(), batchesCompared: 0, documentsConsidered: 0,
                                            differences: []).summary.text(in: WarehouseText.language).suffix(20)),
                          page.reconciliation.summaryText)
            XCTAssertNotEqual(gtk_widget_get_visible(page.reconciliationBox.widget), 0)

            // Elsewhere: one unit of a batch written off, signed with the company's key.
            let desk = world.ownDesk
            let batch = try XCTUnwrap(try waitFor { try await desk.syncBalances() }.first { $0.batch != nil && $0.available >= 1 })
            var form = UForm(number: "PORTAL-" + UUID().uuidString.prefix(6), date: KazakhstanClock.today(), type: .writeOff,
                             sender: UFormParty(storeId: batch.storeId, tin: TaxpayerNumber(desk.company.bin)),
                             comment: " ", products: [UFormProduct(taking: 1, from: batch)])
            form.writeOffReason = .loss
            form.computeTotals()
            let keys = ExchangeTestWorld.pki.company(bin: desk.company.bin)!
            let signer = try Pkcs12Signer(path: ExchangeTestWorld.pki.path(keys.signing.pkcs12),
                                          password: SecretBytes(TestPKI.defaultPassword))
            let body = UFormXMLWriter.body(of: form)
            _ = try waitFor { try await desk.client.uploadUForms([try await SignedDocument.sign(body, with: signer)]) }

            // The sandbox may still be processing it: a later sync finds the difference then.
            for _ in 0..<5 where page.reconciliation.report?.differences.isEmpty != false { Self.sync(page) }
            let report = try XCTUnwrap(page.reconciliation.report)
            XCTAssertEqual(report.differences.count, 1, page.reconciliation.summaryText)
            let difference = try XCTUnwrap(report.differences.first)
            XCTAssertEqual(difference.storeId, batch.storeId)
            XCTAssertEqual(difference.batch, batch.batch)
            XCTAssertEqual(difference.quantityDifference, -1)
            XCTAssertEqual(difference.causes.map(\.kind), [.formMadeElsewhere])
            XCTAssertTrue(page.syncProgressText.contains(WarehousesPage.differencesText(1)),
                          page.syncProgressText)
            // Shown: the batch, the quantities and the cause in the row.
            let row = try XCTUnwrap(findWidget(named: "difference-0", in: page.widget.widget))
            let title = adw_preferences_row_get_title(gcast(row)).map { String(cString: $0) } ?? ""
            XCTAssertEqual(title, difference.batchText.text(in: WarehouseText.language))
            let subtitle = adw_action_row_get_subtitle(gcast(row)).map { String(cString: $0) } ?? ""
            XCTAssertTrue(subtitle.contains(difference.differenceText.text(in: WarehouseText.language)), subtitle)
            XCTAssertTrue(subtitle.contains(form.number), subtitle)
            // The cause opens its form.
            var opened: Int64?
            page.reconciliation.onOpenForm = { opened = $0 }
            let button = try XCTUnwrap(page.reconciliation.causeButtons.first)
            XCTAssertTrue(MainContext.run(until: { gtk_widget_get_mapped(button.widget) != 0 }, timeout: 5),
                          "the differences are shown expanded")
            gtk_widget_activate(button.widget)  // a button's activation clicks it a moment later
            XCTAssertTrue(MainContext.run(until: { opened != nil }, timeout: 5))
            let local = try UFormStore(database: world.database).list(UFormListQuery(companyId: world.company.id))
                .first { $0.number == form.number }
            XCTAssertNotNil(local)
            XCTAssertEqual(opened, local?.id)
            // Kept: the page opened again shows the same report.
            let again = WarehousesPage(context: page.exchange.context, exchange: page.exchange.desk)
            XCTAssertEqual(again.reconciliation.report, report)
        }
    }
}
