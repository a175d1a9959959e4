import GtkKit
import QoimaCore
import QoimaStore

/// Picks the customer (section C) from the company's address book, by name or IIN/BIN as the
/// user types; the customer, contract, transport and currency then come from the last SNT to
/// them (`SntEditorModel.pickCounterparty`).
@MainActor
enum SntCounterpartyPicker {
    static func make(model: SntEditorModel) -> TypeAheadPicker<Counterparty> {
        TypeAheadPicker(
            title: tr("Customer from the address book"), placeholder: tr("_Find by name or IIN/BIN"),
            name: "counterparty-search",
            search: { [weak model] text in model?.searchCounterparties(text) ?? [] },
            describe: { counterparty in
                (counterparty.name, [counterparty.tin, counterparty.address.isEmpty ? nil : counterparty.address]
                    .compactMap { $0 }.joined(separator: " · "))
            },
            pick: { [weak model] counterparty in model?.pickCounterparty(counterparty) })
    }
}
