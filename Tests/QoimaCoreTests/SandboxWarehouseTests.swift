import Foundation
import QoimaCore
import QoimaSandbox
import QoimaXML
import XCTest

/// The virtual warehouse's stores, balances and dictionaries against a real sandbox.
final class SandboxWarehouseTests: XCTestCase {
    func testStoresAreCreatedCheckedDeactivatedAndListedForOthers() async throws {
        let harness = try await startSandbox()
        let session = try await harness.session(.koimaSauda, on: .vstoreSession)
        let director = DemoCompany.koimaSauda.director.iin.rawValue
        let created = try await harness.answer(.createStores, on: .taxpayerStore, session: session) {
            SOAPElement("storeList") {
                SOAPElement("store") {
                    SOAPElement("name", "Склад ГСМ")
                    SOAPElement("address", "Алматы қ., Рысқұлов даңғылы, 95")
                    SOAPElement("type", "STORE_HOUSE")
                    SOAPElement("responsiblePersonIin", director)
                    SOAPElement("isDefault", false)
                }
                SOAPElement("store") {
                    SOAPElement("name", "Второй приоритетный")
                    SOAPElement("address", "x")
                    SOAPElement("type", "WAREHOUSE")
                    SOAPElement("responsiblePersonIin", "123")
                    SOAPElement("isDefault", true)
                    SOAPElement("isJointStore", true)
                    SOAPElement("isCooperativeStore", true)
                    SOAPElement("lesseeContractNumber", "Л-1")
                }
                SOAPElement("store") {
                    SOAPElement("name", "Лизинговый склад")
                    SOAPElement("address", "Алматы")
                    SOAPElement("type", "MOBILE_STORE")
                    SOAPElement("responsiblePersonIin", director)
                    SOAPElement("isCooperativeStore", true)
                    SOAPElement("lesseeTin", "000140000012")
                    SOAPElement("lesseeContractNumber", "Л-7")
                    SOAPElement("lesseeContractDate", "01.11.2026")
                }
            }
        }
        let accepted = created.items("acceptedList", "store")
        XCTAssertEqual(accepted.map { $0.text("name") }, ["Склад ГСМ", "Лизинговый склад"])
        let fuelStore = try XCTUnwrap(accepted.first?.text("id").flatMap { Int64($0) })
        let denied = try XCTUnwrap(created.items("deniedList", "storeValidationResult").first)
        XCTAssertEqual(Set(denied.items("errorList", "error").compactMap { $0.text("property") }),
                       ["type", "responsiblePersonIin", "permittedTinList", "lesseeTin", "lesseeContractDate", "isDefault"])

        let changed = try await harness.answer(.changeStoreStatus, on: .taxpayerStore, session: session) {
            SOAPElement("actionList") {
                SOAPElement("action") { SOAPElement("actionType", "DEACTIVATE"); SOAPElement("storeId", 1001) }
                SOAPElement("action") { SOAPElement("actionType", "DEACTIVATE"); SOAPElement("storeId", fuelStore) }
                SOAPElement("action") { SOAPElement("actionType", "ACTIVATE"); SOAPElement("storeId", 2001) }
            }
        }
        let summaries = changed.children("summaryList")
        XCTAssertEqual(summaries.map { $0.text("isStatusChanged") }, ["false", "true", "false"])
        XCTAssertEqual(summaries[0].text("errorList/error/errorCode"), "DEFAULT_STORE_DEACTIVATION")
        XCTAssertEqual(summaries[0].text("status"), "VALID", "the priority store stays valid")
        XCTAssertEqual(summaries[1].text("status"), "INVALID")
        XCTAssertEqual(summaries[2].text("errorList/error/errorCode"), "STORE_NOT_FOUND", "another company's store")

        let listed = try await harness.answer(.listStores, on: .taxpayerStore, session: session)
        XCTAssertEqual(listed.text("recordsCount"), "4")
        XCTAssertEqual(listed.text("lastBlock"), "true")
        let priority = try XCTUnwrap(listed.items("taxpayerStoreList", "taxpayerStore").first)
        XCTAssertEqual(priority.children().map(\.name).first, "address")
        XCTAssertEqual(priority.text("storeTypeCode"), "STORE_HOUSE")
        XCTAssertEqual(priority.text("isDefault"), "true")
        XCTAssertEqual(priority.text("tin"), "000140000002")

        let other = try await harness.answer(.storesByTin, on: .taxpayerStore, session: session) {
            SOAPElement("taxpayerTin", "000140000012")
        }
        let theirs = other.items("taxpayerStoreList", "taxpayerStoreData").compactMap { $0.text("taxpayerStore/id") }
        XCTAssertEqual(theirs, ["2001", "2002"])
    }

    func testBalancesArePagedByBalanceId() async throws {
        let harness = try await startSandbox()
        let batches = try XCTUnwrap(try harness.sandbox.store.addBalances(company: "000140000002", count: 25))
        XCTAssertEqual(batches.count, 25)
        let session = try await harness.session(.koimaSauda, on: .vstoreSession)
        var seen: [Int64] = []
        var last: Int64 = 0
        var pages = 0
        repeat {
            let page = try await harness.answer(.queryCurrentBalances, on: .vstoreBalance, session: session) {
                SOAPElement("lastBalanceId", last)
                SOAPElement("limit", 10)
            }
            let rows = page.items("balances", "balance")
            XCTAssertLessThanOrEqual(rows.count, 10)
            seen += rows.compactMap { $0.text("balanceId").flatMap { Int64($0) } }
            XCTAssertTrue(rows.allSatisfy { $0.text("tin") == "000140000002" })
            last = try XCTUnwrap(page.text("lastBalanceId").flatMap { Int64($0) })
            pages += 1
            if page.text("lastBlock") == "true" { break }
        } while pages < 10
        XCTAssertEqual(seen.count, 6 + 25, "the six seeded batches and the bulk ones")
        XCTAssertEqual(seen, seen.sorted())
        XCTAssertEqual(Set(seen).count, seen.count)
        XCTAssertEqual(pages, 4)

        let first = try await harness.answer(.queryCurrentBalances, on: .vstoreBalance, session: session) {
            SOAPElement("limit", 1)
        }
        let row = try XCTUnwrap(first.items("balances", "balance").first)
        XCTAssertEqual(row.children().map(\.name).prefix(4), ["balanceId", "tin", "taxpayerStoreId", "name"])
        XCTAssertEqual(row.text("productId"), "812004")
        XCTAssertEqual(row.text("kpvedCode"), "08.91.12.01")
        XCTAssertEqual(row.text("measureUnitCode"), "168")
        XCTAssertEqual(row.text("quantity"), "500")
    }

    func testDictionariesOfUnitsAndGsvsPagedByChangeId() async throws {
        let harness = try await startSandbox()
        let session = try await harness.session(.qurylys, on: .vstoreSession)
        let units = try await harness.answer(.queryMeasureUnitUpdates, on: .dictionary, session: session) {
            SOAPElement("lastUpdateDate", "2020-01-01T00:00:00+05:00")
        }
        XCTAssertEqual(units.name, "measureUtitUpdatesResponse")
        let codes = units.items("measureUnitList", "measureUnitUpdatesResult").compactMap { $0.text("code") }
        XCTAssertEqual(Set(codes), Set(MeasureUnit.known.keys))
        let latest = try XCTUnwrap(units.text("lastUpdateDate"))
        let none = try await harness.answer(.queryMeasureUnitUpdates, on: .dictionary, session: session) {
            SOAPElement("lastUpdateDate", latest)
        }
        XCTAssertEqual(none.items("measureUnitList", "measureUnitUpdatesResult").count, 0)

        var changes: [Int64] = []
        var entries: [SOAPElementView] = []
        var last: Int64 = 0
        var pages = 0
        repeat {
            let page = try await harness.answer(.queryGsvsUpdates, on: .dictionary, session: session) {
                SOAPElement("lastChangeId", last)
                SOAPElement("blockSize", 4)
            }
            XCTAssertEqual(page.text("requestLastChangeId"), String(last))
            let items = page.items("gsvsUpdateList", "gsvsUpdatesResult")
            XCTAssertLessThanOrEqual(items.count, 4)
            changes += items.compactMap { $0.text("changeId").flatMap { Int64($0) } }
            entries += items
            last = try XCTUnwrap(page.text("maxChangeId").flatMap { Int64($0) })
            pages += 1
            if page.text("lastBlock") == "true" { break }
        } while pages < 20
        XCTAssertEqual(changes, Array(1...Int64(changes.count)))
        XCTAssertGreaterThan(pages, 2)
        let sulphur = try XCTUnwrap(entries.first { $0.text("gsvs/gsvsCode") == "08.91.12.01-2503001000" })
        XCTAssertEqual(sulphur.text("gsvs/gsvsTypeCode"), "TNVED")
        XCTAssertEqual(sulphur.text("operation"), "ADD")
        let parent = try XCTUnwrap(entries.first { $0.text("gsvs/id") == sulphur.text("gsvs/fixedParentId") })
        XCTAssertEqual(parent.text("gsvs/gsvsTypeCode"), "KPVED")
        XCTAssertTrue(entries.contains { $0.text("gsvs/gsvsTypeCode") == "GTIN" })
    }
}
