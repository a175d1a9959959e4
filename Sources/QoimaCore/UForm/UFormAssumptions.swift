/// What Qoima requires of universal forms where domain.md is silent: each rule a demanding
/// auditor would ask for, kept here in one place so it can be changed once IS ESF's user guide
/// or the tax office says otherwise. Every rule that rests on one of these says so in its id
/// (`UF-ASSUMED-…`) and docs/forms.md lists them from `notes`.
public enum UFormAssumptions {
    /// The details each write-off reason needs (required) and those worth recording (optional).
    /// Nothing in UFormV1 carries them; Qoima keeps them and writes them into the comment.
    public static func writeOffDetails(for reason: WriteOffReason)
        -> (required: [WriteOffDetail], optional: [WriteOffDetail]) {
        let document: [WriteOffDetail] = [.documentNumber, .documentDate]
        let guilty: [WriteOffDetail] = [.guiltyPersonName, .guiltyPersonIin]
        switch reason {
        // The requisition or production report the raw materials went into production under.
        case .manufacture: return (document, [])
        // The register and the period of the receipts; the Z-reports name them.
        case .soldInRetailOrCoupons: return ([.kkmRegistrationNumber, .periodFrom, .periodTo], [.receiptNumbers])
        // The register of coupons or card payments for the period.
        case .couponsOrCardsPayments: return (document + [.periodFrom, .periodTo], [.kkmRegistrationNumber])
        // The commission's act; who is to blame, when someone is.
        case .damage, .loss, .naturalDecreaseOverNorm: return (document, guilty)
        case .recycling: return (document, [.counterpartyTin, .contractNumber, .contractDate])
        // The claim against the supplier.
        case .reclamation: return ([.counterpartyTin] + document, [.contractNumber, .contractDate])
        // The act and the statement to the police.
        case .theft: return (document + [.policeReportNumber, .policeReportDate], guilty)
        // Whom the loss is recovered from, and the order that says so.
        case .writeOffByGuilty: return (guilty + document, [])
        case .isNotVstore: return ([], document)
        case .medicalNeeds, .technicalNeeds, .socialPackage: return (document, [])
        // The inventory act, and the norms it applied.
        case .naturalDecreaseInNorm: return (document + [.normsDocument], [])
        // The document the goods left under instead of an SNT.
        case .noRequirementsForSnt: return (document, [.counterpartyTin])
        // The owner of the raw materials and the tolling contract.
        case .conversion: return ([.counterpartyTin, .contractNumber, .contractDate], document)
        // The act of works done.
        case .service: return (document, [.counterpartyTin, .contractNumber, .contractDate])
        case .mistake: return ([.mistakenDocumentNumber], [])
        // The asset's card and the act that put it into use.
        case .accountingFixedAssets: return ([.inventoryNumber] + document, [])
        // OTHER says what happened in the comment (`UFormRules.otherNeedsComment`).
        case .other: return ([], document)
        }
    }

    /// How the details are written at the head of the comment: Russian, the language IS ESF's
    /// inspectors read, one `label: value` per detail, separated by `; `, then ` — ` and the
    /// user's own comment.
    public static let commentLanguage = Language.russian
    public static let commentDetailSeparator = "; "
    public static let commentNoteSeparator = " — "

    /// Detailing that only re-arranges goods keeps their value: the outputs' total equals the
    /// inputs' (an error), except re-sorting, where a difference is only a warning because the
    /// grades' prices differ.
    public static func keepsValue(_ detailing: DetailingType) -> Bool { detailing != .reSorting }

    /// The shape each detailing kind has: how many input and output lines it takes.
    public static func lineCounts(_ detailing: DetailingType)
        -> (inputs: ClosedRange<Int>, outputs: ClosedRange<Int>) {
        switch detailing {
        // One set made of two or more kinds of goods.
        case .packing: (2...Int.max, 1...1)
        // One set taken apart into two or more kinds of goods.
        case .unpacking: (1...1, 2...Int.max)
        // Line for line: the same goods in another unit, another grade, or with corrected data.
        case .conversion, .reSorting, .editing: (1...Int.max, 1...Int.max)
        }
    }

    /// The assumptions in plain words, for docs/forms.md.
    public static var notes: [String] {
        var notes = [
            "UFormV1 has no elements for the facts a write-off rests on, so Qoima keeps them with the form and "
                + "writes them at the head of the comment, in Russian (`label: value; …`), followed by ` — ` and "
                + "the user's own comment.",
            "A write-off for OTHER needs a comment that says what happened.",
            "Dates of the supporting documents are not later than the form's date; a period ends on or before it "
                + "and starts on or before its end.",
            "Opening balances (BALANCE) and the outputs of production and detailing become new batches: their "
                + "lines name no batch, and carry a unit price.",
            "Write-off, movement, the inputs of production and detailing, and the lines of a correction that "
                + "change a batch name a batch (productId) of the sender's warehouse.",
            "A movement goes between two different warehouses of the company, both active.",
            "A form's date is not later than today (Kazakhstan time).",
            "Line sums are price × quantity to 2 decimals, half away from zero, and totals are the sums of their "
                + "lines (domain.md §3, a client rule that Qoima applies to forms as well).",
            "Detailing keeps the value of the goods (outputs' total = inputs' total), except re-sorting, where a "
                + "difference is a warning.",
            "Packing takes two or more input lines and makes one set; unpacking takes one set apart into two or "
                + "more output lines.",
            "Conversion changes the unit of measure of the same goods (same TN VED); re-sorting keeps the unit "
                + "and the total quantity; editing pairs each input with one output of the same quantity and unit.",
        ]
        for reason in WriteOffReason.allCases {
            let details = writeOffDetails(for: reason)
            let required = details.required.map(\.rawValue).joined(separator: ", ")
            notes.append("Write-off \(reason.rawValue) needs: \(required.isEmpty ? "no details" : required)"
                         + (details.optional.isEmpty ? "" : "; may record: "
                            + details.optional.map(\.rawValue).joined(separator: ", ")) + ".")
        }
        return notes
    }
}
