import ArgumentParser
import Foundation
import QoimaCore
import QoimaESF
import QoimaStore

/// `qoima-cli warehouse …`: the company's warehouses in IS ESF's virtual warehouse.
struct WarehouseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warehouse",
        abstract: "List, create, activate and deactivate the company's virtual warehouses; find a counterparty's.",
        subcommands: [List.self, Create.self, Activate.self, Deactivate.self, Find.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The company's warehouses, fetched from IS ESF.")
        @OptionGroup var options: ESFOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let connection = try ESFConnection.open(options)
            do {
                _ = try await VirtualWarehouseSync(client: connection.client, database: connection.database,
                                                   company: connection.company).syncWarehouses()
            } catch let error as ESFError {
                throw ESFConnection.fail(error)
            }
            let stores = try WarehouseStore(database: connection.database).warehouses(companyId: connection.company.id)
            WarehouseReport.print(stores, json: json)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a warehouse with the details its type and signs require.")
        @OptionGroup var options: ESFOptions
        @Option(help: "The warehouse's name.") var name: String
        @Option(help: "Its address.") var address: String
        @Option(help: "STORE_HOUSE, POINT_OF_SALE or MOBILE_STORE.") var type: String = "STORE_HOUSE"
        @Option(help: ArgumentHelp("IIN of the person responsible for it.", valueName: "IIN")) var responsible: String
        @Option(help: ArgumentHelp("The warehouse it belongs to.", valueName: "ID")) var parent: Int64?
        @Flag(help: "Make it the priority warehouse.") var priority = false
        @Flag(help: "A joint-activity warehouse.") var joint = false
        @Flag(help: "Goods posted by customs declaration.") var postingGoods = false
        @Flag(help: "A tolling (raw materials) warehouse.") var rawMaterials = false
        @Flag(help: "A public warehouse.") var publicStore = false
        @Flag(help: "Inherited from a reorganised person.") var inherited = false
        @Option(help: ArgumentHelp("Leasing: the lessee's BIN.", valueName: "BIN")) var lesseeTin: String?
        @Option(help: ArgumentHelp("Leasing: the contract number.", valueName: "N")) var lesseeContractNumber: String?
        @Option(help: ArgumentHelp("Leasing: the contract date (dd.MM.yyyy).", valueName: "DATE")) var lesseeContractDate: String?

        func validate() throws {
            guard ["STORE_HOUSE", "POINT_OF_SALE", "MOBILE_STORE"].contains(type) else {
                throw ValidationError("--type must be STORE_HOUSE, POINT_OF_SALE or MOBILE_STORE, not \(type)")
            }
            try DateOption.check(lesseeContractDate, option: "--lessee-contract-date")
            let leasing = [lesseeTin, lesseeContractNumber, lesseeContractDate].compactMap { $0 }
            guard leasing.isEmpty || leasing.count == 3 else {
                throw ValidationError("a leasing warehouse needs --lessee-tin, --lessee-contract-number and --lessee-contract-date")
            }
        }

        func run() async throws {
            let connection = try ESFConnection.open(options)
            let store = NewStore(name: name, parentStoreId: parent, address: address, type: type,
                                 responsiblePersonIin: responsible, isInherited: inherited, isDefault: priority,
                                 isJointStore: joint, isPostingGoods: postingGoods,
                                 isCooperativeStore: lesseeTin != nil, isRawMaterials: rawMaterials,
                                 isPublicStore: publicStore, lesseeTin: lesseeTin,
                                 lesseeContractNumber: lesseeContractNumber,
                                 lesseeContractDate: lesseeContractDate.flatMap(CalendarDate.init(ddMMyyyy:)))
            let outcome: StoreCreateOutcome
            do {
                outcome = try await connection.client.createStores([store])
            } catch {
                throw ESFConnection.fail(error)
            }
            for created in outcome.accepted {
                print(CLIText.say(CLIText.warehouseCreated, created.id.map(String.init) ?? "?", created.name ?? name))
            }
            for denied in outcome.denied {
                StandardError.print(CLIText.say(CLIText.warehouseRefused, denied.name ?? name,
                                                denied.errors.map(\.text).joined(separator: "; ")))
            }
            if !outcome.denied.isEmpty || outcome.accepted.isEmpty { throw ExitCode(1) }
        }
    }

    struct Activate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Activate warehouses.")
        @OptionGroup var options: ESFOptions
        @Argument(help: ArgumentHelp("Warehouse ids.", valueName: "ID")) var ids: [Int64]
        func run() async throws { try await WarehouseCommand.change(ids, activate: true, options) }
    }

    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deactivate warehouses (the priority warehouse cannot be deactivated).")
        @OptionGroup var options: ESFOptions
        @Argument(help: ArgumentHelp("Warehouse ids.", valueName: "ID")) var ids: [Int64]
        func run() async throws { try await WarehouseCommand.change(ids, activate: false, options) }
    }

    static func change(_ ids: [Int64], activate: Bool, _ options: ESFOptions) async throws {
        let connection = try ESFConnection.open(options)
        let changes: [StoreStatusChange]
        do {
            changes = try await connection.client.changeStoreStatus(ids.map { StoreStatusAction(storeId: $0, activate: activate) })
        } catch {
            throw ESFConnection.fail(error)
        }
        var refused = false
        for change in changes {
            if change.isStatusChanged {
                print(CLIText.say(CLIText.warehouseStatus, String(change.storeId), change.status ?? ""))
            } else {
                refused = true
                StandardError.print(CLIText.say(CLIText.warehouseStatusRefused, String(change.storeId),
                                                change.errors.map(\.text).joined(separator: "; ")))
            }
        }
        if refused { throw ExitCode(1) }
    }

    struct Find: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A counterparty's warehouses, by BIN: the ids to put in an SNT's field C 30.")
        @OptionGroup var options: ESFOptions
        @Option(help: ArgumentHelp("The counterparty's BIN or IIN.", valueName: "BIN")) var bin: String
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard TaxpayerNumber(bin).defect == nil else { throw ValidationError("--bin \(bin) is not a valid IIN/BIN") }
        }

        func run() async throws {
            let connection = try ESFConnection.open(options)
            let stores: [RemoteStore]
            do {
                stores = try await connection.client.stores(ofTin: TaxpayerNumber(bin))
            } catch {
                throw ESFConnection.fail(error)
            }
            WarehouseReport.print(stores.map(StoredWarehouse.init), json: json)
        }
    }
}

enum WarehouseReport {
    static func print(_ stores: [StoredWarehouse], json: Bool) {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            Swift.print(String(decoding: (try? encoder.encode(stores)) ?? Data(), as: UTF8.self))
            return
        }
        Swift.print(CLIText.say(CLIText.warehouseHeader))
        for store in stores {
            let signs = store.signs.keys.sorted().map { key in
                store.signs[key] == "true" ? key : "\(key)=\(store.signs[key] ?? "")"
            }.joined(separator: " ")
            Swift.print([String(store.storeId), store.name, store.typeCode, store.status, store.isDefault ? "*" : "",
                         store.responsiblePersonIin ?? "", store.address, signs]
                .map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
        }
    }
}

extension CLIText {
    static let warehouseHeader = LocalizedText(
        kk: "ID\tАТАУЫ\tТҮРІ\tКҮЙІ\tБАСЫМ\tЖАУАПТЫ\tМЕКЕНЖАЙЫ\tБЕЛГІЛЕРІ",
        ru: "ID\tНАЗВАНИЕ\tТИП\tСТАТУС\tПРИОРИТЕТ\tОТВЕТСТВЕННЫЙ\tАДРЕС\tПРИЗНАКИ",
        en: "ID\tNAME\tTYPE\tSTATUS\tPRIORITY\tRESPONSIBLE\tADDRESS\tSIGNS")
    static let warehouseCreated = LocalizedText(
        kk: "қойма құрылды: %1$@ «%2$@»", ru: "склад создан: %1$@ «%2$@»", en: "warehouse created: %1$@ \"%2$@\"")
    static let warehouseRefused = LocalizedText(
        kk: "«%1$@» қоймасы құрылмады: %2$@", ru: "склад «%1$@» не создан: %2$@",
        en: "warehouse \"%1$@\" was not created: %2$@")
    static let warehouseStatus = LocalizedText(
        kk: "%1$@ қоймасы: %2$@", ru: "склад %1$@: %2$@", en: "warehouse %1$@: %2$@")
    static let warehouseStatusRefused = LocalizedText(
        kk: "%1$@ қоймасының күйі өзгермеді: %2$@", ru: "статус склада %1$@ не изменён: %2$@",
        en: "warehouse %1$@ was not changed: %2$@")
}
