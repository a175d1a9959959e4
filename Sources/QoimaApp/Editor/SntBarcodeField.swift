import CGtk
import GtkKit
import QoimaCore

/// The field a barcode scanner types into: a GTIN followed by Enter adds a line for the batch
/// with that GTIN, or one more to the line that has it, and says which; a GTIN no batch of the
/// sender's warehouse has is said plainly, and the field is ready for the next scan.
@MainActor
final class SntBarcodeField {
    let box: ObjectHandle
    let entry: ObjectHandle
    let result: ObjectHandle
    private unowned let model: SntEditorModel

    init(model: SntEditorModel) {
        self.model = model
        box = ObjectHandle(gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 8)!, transfer: .floating)
        gtk_widget_set_margin_top(box.widget, 12)
        let label = gtk_label_new_with_mnemonic(tr("Scan a _barcode:"))!
        entry = ObjectHandle(gtk_entry_new()!, transfer: .none)
        gtk_widget_set_name(entry.widget, "barcode-entry")
        gtk_entry_set_placeholder_text(entry.cPointer(), tr("GTIN, then Enter (Ctrl+B)"))
        gtk_entry_set_input_purpose(entry.cPointer(), GTK_INPUT_PURPOSE_DIGITS)
        gtk_label_set_mnemonic_widget(gcast(label), entry.widget)
        result = ObjectHandle(gtk_label_new("")!, transfer: .none)
        gtk_widget_set_name(result.widget, "barcode-result")
        gtk_label_set_xalign(result.cPointer(), 0)
        gtk_label_set_wrap(result.cPointer(), 1)
        gtk_widget_set_hexpand(result.widget, 1)
        gtk_box_append(box.cPointer(), label)
        gtk_box_append(box.cPointer(), entry.widget)
        gtk_box_append(box.cPointer(), result.widget)
        entry.connect("activate") { [weak self] in self?.scan() }
    }

    var resultText: String { String(cString: gtk_label_get_text(result.cPointer())) }

    private func scan() {
        let code = EntryText.text(of: entry)
        guard !code.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let outcome = model.scan(code)
        let message: String
        var failed = false
        switch outcome {
        case let .added(line):
            message = tr("Line %1$@ added: %2$@.", line, model.lines[line - 1].productName)
        case let .incremented(line, quantity):
            message = tr("Line %1$@: quantity is now %2$@.", line, DecimalText.format(quantity))
        case let .noBatch(gtin):
            message = tr("No batch in warehouse %1$@ has GTIN %2$@: pick the goods by name instead.",
                         model.snt.seller.storeId.map(String.init) ?? "—", gtin)
            failed = true
        case .noWarehouse:
            message = tr("Fill in the seller's virtual warehouse (B21) first: batches are looked up there.")
            failed = true
        case let .notAGtin(text):
            message = tr("“%1$@” is not a GTIN: a GTIN has 8, 12, 13 or 14 digits with a valid check digit.", text)
            failed = true
        }
        gtk_label_set_text(result.cPointer(), message)
        if failed {
            gtk_widget_add_css_class(result.widget, "error")
        } else {
            gtk_widget_remove_css_class(result.widget, "error")
        }
        EntryText.set("", on: entry)
    }
}
