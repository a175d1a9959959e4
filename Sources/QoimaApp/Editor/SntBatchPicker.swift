import GtkKit
import QoimaCore
import QoimaStore

/// Picks a batch of the sender's warehouse (B21) for a goods line, by name, TN VED or GTIN as
/// the user types; picking fills the line (`SntEditorModel.pickBatch`).
@MainActor
enum SntBatchPicker {
    static func make(model: SntEditorModel, line: @escaping @MainActor () -> Int) -> TypeAheadPicker<StoredBalance> {
        TypeAheadPicker(
            title: tr("Batch from the warehouse"), placeholder: tr("_Find by name, TN VED or GTIN"),
            name: "batch-search",
            search: { [weak model] text in model?.searchBatches(text) ?? [] },
            describe: { batch in
                let available = DecimalText.format(batch.available)
                let details = [batch.tnvedCode, batch.gtin, batch.batch.map { tr("batch %1$@", $0) },
                               tr("available %1$@", available), batch.unitPrice.map { tr("price %1$@", DecimalText.format($0)) }]
                return (batch.name, details.compactMap { $0 }.joined(separator: " · "))
            },
            pick: { [weak model] batch in model?.pickBatch(batch, forLine: line()) })
    }
}
