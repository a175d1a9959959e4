/// What a new warehouse needs (domain.md §9.1, Order 657 items 4–5): every warehouse a name, an
/// address, a type a taxpayer may create and the responsible person's IIN; a joint-activity
/// warehouse the BINs of the participants; a leasing warehouse the lessee and the contract.
/// There is one priority warehouse, so a second cannot be created.
public enum WarehouseRules {
    /// What the company already has that the checks depend on.
    public struct Context: Sendable {
        public var companyTin: String
        public var today: CalendarDate
        /// The name of the company's priority warehouse, when it has one.
        public var priorityWarehouse: String?

        public init(companyTin: String, today: CalendarDate, priorityWarehouse: String?) {
            self.companyTin = companyTin
            self.today = today
            self.priorityWarehouse = priorityWarehouse
        }
    }

    /// The details a warehouse of this type with these signs needs, in the dialog's order; the
    /// dialog shows these and no others.
    public static func requiredFields(type: WarehouseType, signs: Set<WarehouseSign>) -> [WarehouseField] {
        var fields: [WarehouseField] = [.name, .address, .type, .responsiblePersonIin]
        if signs.contains(.jointActivity) { fields.append(.permittedTins) }
        if signs.contains(.leasing) { fields += [.lesseeTin, .lesseeContractNumber, .lesseeContractDate] }
        return fields
    }

    /// Everything wrong with `draft`, each at its field; empty when it can be sent to IS ESF.
    public static func problems(_ draft: WarehouseDraft, context: Context) -> [WarehouseProblem] {
        var problems: [WarehouseProblem] = []
        func add(_ field: WarehouseField, kk: String, ru: String, en: String) {
            problems.append(WarehouseProblem(field, LocalizedText(kk: kk, ru: ru, en: en)))
        }
        let name = WarehouseDraft.trimmed(draft.name), address = WarehouseDraft.trimmed(draft.address)
        if name.isEmpty {
            add(.name, kk: "Қойманың атауын жазыңыз.", ru: "Укажите наименование склада.", en: "Enter the warehouse's name.")
        } else if name.count > WarehouseAssumptions.nameMaxLength {
            let limit = String(WarehouseAssumptions.nameMaxLength)
            add(.name, kk: "Атау \(limit) таңбадан аспауы керек.", ru: "Наименование — не длиннее \(limit) символов.",
                en: "The name is at most \(limit) characters.")
        }
        if address.isEmpty {
            add(.address, kk: "Қойманың мекенжайын жазыңыз.", ru: "Укажите адрес склада.", en: "Enter the warehouse's address.")
        } else if address.count > WarehouseAssumptions.addressMaxLength {
            let limit = String(WarehouseAssumptions.addressMaxLength)
            add(.address, kk: "Мекенжай \(limit) таңбадан аспауы керек.", ru: "Адрес — не длиннее \(limit) символов.",
                en: "The address is at most \(limit) characters.")
        }
        if !draft.type.isCreatable {
            add(.type, kk: "Бұл түрдегі қойманы ЭШФ АЖ өзі ашады; қойма, сауда нүктесі немесе жылжымалы қойманы таңдаңыз.",
                ru: "Склад этого типа ИС ЭСФ создаёт сама; выберите склад, точку продаж или мобильный склад.",
                en: "IS ESF creates warehouses of this type by itself: choose a warehouse, point of sale or mobile warehouse.")
        }
        checkResponsible(draft.responsiblePersonIin, add: add)
        if draft.signs.contains(.priority), let existing = context.priorityWarehouse {
            add(.signs, kk: "«\(existing)» басым қойма болып тұр; басым қойма біреу ғана болады.",
                ru: "Приоритетный склад уже есть: «\(existing)». Он может быть только один.",
                en: "“\(existing)” is the priority warehouse already; there can be only one.")
        }
        if draft.signs.contains(.jointActivity) { checkPermitted(draft.typedPermittedTins, context: context, add: add) }
        if draft.signs.contains(.leasing) { checkLeasing(draft, context: context, add: add) }
        return problems
    }

    private typealias Add = (WarehouseField, String, String, String) -> Void

    private static func checkResponsible(_ text: String, add: Add) {
        let iin = WarehouseDraft.trimmed(text)
        if iin.isEmpty {
            add(.responsiblePersonIin, "Жауапты тұлғаның ЖСН-ін жазыңыз.", "Укажите ИИН ответственного лица.",
                "Enter the responsible person's IIN.")
        } else if let defect = TaxpayerNumber.defect(of: iin) {
            let (kk, ru, en) = words(of: defect)
            add(.responsiblePersonIin, "Жауапты тұлғаның ЖСН-і: \(kk)", "ИИН ответственного лица: \(ru)",
                "Responsible person's IIN: \(en)")
        } else if !WarehouseAssumptions.looksLikeIndividual(TaxpayerNumber(iin)) {
            add(.responsiblePersonIin, "\(iin) — заңды тұлғаның БСН-і; жауапты адамның ЖСН-ін жазыңыз.",
                "\(iin) — БИН юридического лица; укажите ИИН ответственного человека.",
                "\(iin) is a company's BIN: enter the IIN of the person responsible.")
        }
    }

    private static func checkPermitted(_ tins: [String], context: Context, add: Add) {
        guard !tins.isEmpty else {
            return add(.permittedTins, "Бірлескен қызмет қатысушыларының ЖСН/БСН-ін жазыңыз (кемінде біреу).",
                       "Укажите ИИН/БИН участников совместной деятельности (хотя бы один).",
                       "Enter the IIN/BIN of at least one participant of the joint activity.")
        }
        var seen: Set<String> = []
        for (index, tin) in tins.enumerated() {
            let position = String(index + 1)
            if let defect = TaxpayerNumber.defect(of: tin) {
                let (kk, ru, en) = words(of: defect)
                add(.permittedTins, "\(position)-қатысушы (\(tin)): \(kk)", "Участник \(position) (\(tin)): \(ru)",
                    "Participant \(position) (\(tin)): \(en)")
            } else if tin == context.companyTin {
                add(.permittedTins, "\(position)-қатысушы — компанияның өз БСН-і; ол қоймаға онсыз да қол жеткізеді.",
                    "Участник \(position) — собственный БИН компании: у неё доступ и так есть.",
                    "Participant \(position) is the company's own BIN, which has access anyway.")
            } else if !seen.insert(tin).inserted {
                add(.permittedTins, "\(tin) екі рет жазылған.", "\(tin) указан дважды.", "\(tin) is listed twice.")
            }
        }
    }

    private static func checkLeasing(_ draft: WarehouseDraft, context: Context, add: Add) {
        let lessee = WarehouseDraft.trimmed(draft.lesseeTin)
        if lessee.isEmpty {
            add(.lesseeTin, "Лизинг алушының ЖСН/БСН-ін жазыңыз.", "Укажите ИИН/БИН лизингополучателя.",
                "Enter the lessee's IIN/BIN.")
        } else if let defect = TaxpayerNumber.defect(of: lessee) {
            let (kk, ru, en) = words(of: defect)
            add(.lesseeTin, "Лизинг алушының ЖСН/БСН-і: \(kk)", "ИИН/БИН лизингополучателя: \(ru)", "Lessee's IIN/BIN: \(en)")
        } else if lessee == context.companyTin {
            add(.lesseeTin, "Лизинг алушы — басқа тұлға, компанияның өзі емес.",
                "Лизингополучатель — другое лицо, не сама компания.", "The lessee is another person, not the company itself.")
        }
        let number = WarehouseDraft.trimmed(draft.lesseeContractNumber)
        if number.isEmpty {
            add(.lesseeContractNumber, "Лизинг шартының нөмірін жазыңыз.", "Укажите номер договора лизинга.",
                "Enter the leasing contract's number.")
        } else if number.count > WarehouseAssumptions.contractNumberMaxLength {
            let limit = String(WarehouseAssumptions.contractNumberMaxLength)
            add(.lesseeContractNumber, "Шарт нөмірі \(limit) таңбадан аспауы керек.",
                "Номер договора — не длиннее \(limit) символов.", "The contract number is at most \(limit) characters.")
        }
        let dateText = WarehouseDraft.trimmed(draft.lesseeContractDate)
        if dateText.isEmpty {
            add(.lesseeContractDate, "Лизинг шартының күнін жазыңыз (кк.аа.жжжж).",
                "Укажите дату договора лизинга (дд.мм.гггг).", "Enter the leasing contract's date (dd.mm.yyyy).")
        } else if let date = CalendarDate(ddMMyyyy: dateText) {
            if date > context.today {
                add(.lesseeContractDate, "Шарт күні (\(dateText)) әлі келген жоқ.",
                    "Дата договора (\(dateText)) ещё не наступила.", "The contract date (\(dateText)) is in the future.")
            }
        } else {
            add(.lesseeContractDate, "«\(dateText)» — күн емес; кк.аа.жжжж түрінде жазыңыз, мысалы 15.01.2026.",
                "«\(dateText)» — не дата; укажите в виде дд.мм.гггг, например 15.01.2026.",
                "“\(dateText)” is not a date: write it as dd.mm.yyyy, e.g. 15.01.2026.")
        }
    }

    private static func words(of defect: IdentifierDefect) -> (String, String, String) {
        switch defect {
        case .empty: ("бос.", "не заполнен.", "empty.")
        case .notDigits: ("тек цифрлар болуы керек.", "должен состоять только из цифр.", "must be digits only.")
        case let .length(expected, found):
            ("\(expected) цифр болуы керек, \(found) жазылған.", "нужно \(expected) цифр, указано \(found).",
             "must be \(expected) digits, \(found) given.")
        case .checksum: ("бақылау саны сәйкес келмейді — қатесі бар.", "не сходится контрольная цифра — есть опечатка.",
                         "the check digit does not match: there is a typo.")
        case .format, .unknownCode: ("дұрыс емес.", "неверен.", "is not valid.")
        }
    }
}
