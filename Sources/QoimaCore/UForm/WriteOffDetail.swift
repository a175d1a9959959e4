/// A fact that backs a write-off: the act, the guilty person, the cash register and its
/// receipts… UFormV1 has no element for any of them (domain.md §10), yet an auditor asks for
/// them, so Qoima keeps them with the form and writes them at the head of its comment
/// (`UFormComment`). Which reason needs which is in `UFormAssumptions` (assumed).
public enum WriteOffDetail: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    /// The document the write-off rests on: an act, a report, a claim, an order.
    case documentNumber
    case documentDate
    case guiltyPersonName
    case guiltyPersonIin
    /// The cash register's registration number with the tax office (РНМ).
    case kkmRegistrationNumber
    /// The receipts or the shift (Z) reports the sales went through.
    case receiptNumbers
    /// The sales or use the write-off covers.
    case periodFrom
    case periodTo
    /// The statement to the police (КУИ number) a theft rests on.
    case policeReportNumber
    case policeReportDate
    /// The other party: the supplier of a claim, the owner of tolling raw materials, a recycler.
    case counterpartyTin
    case contractNumber
    case contractDate
    /// The norms of natural decrease applied (the order that approves them).
    case normsDocument
    /// The fixed asset's inventory number.
    case inventoryNumber
    /// The form or document that put the goods in by mistake.
    case mistakenDocumentNumber

    /// How a value is written and checked.
    public enum ValueKind: Sendable {
        case text, date, taxpayerNumber
    }

    public var valueKind: ValueKind {
        switch self {
        case .documentDate, .periodFrom, .periodTo, .policeReportDate, .contractDate: .date
        case .guiltyPersonIin, .counterpartyTin: .taxpayerNumber
        default: .text
        }
    }

    /// The detail's name as forms and messages show it.
    public var label: LocalizedText {
        switch self {
        case .documentNumber: LocalizedText(kk: "Негіздеме құжаттың нөмірі", ru: "Номер документа-основания",
                                            en: "Supporting document number")
        case .documentDate: LocalizedText(kk: "Негіздеме құжаттың күні", ru: "Дата документа-основания",
                                          en: "Supporting document date")
        case .guiltyPersonName: LocalizedText(kk: "Кінәлі тұлғаның аты-жөні", ru: "ФИО виновного лица",
                                              en: "Guilty person's name")
        case .guiltyPersonIin: LocalizedText(kk: "Кінәлі тұлғаның ЖСН-і", ru: "ИИН виновного лица",
                                             en: "Guilty person's IIN")
        case .kkmRegistrationNumber: LocalizedText(kk: "БКМ тіркеу нөмірі", ru: "Регистрационный номер ККМ",
                                                   en: "Cash register (KKM) registration number")
        case .receiptNumbers: LocalizedText(kk: "Чектердің немесе Z-есептердің нөмірлері",
                                            ru: "Номера чеков или Z-отчётов", en: "Receipt or Z-report numbers")
        case .periodFrom: LocalizedText(kk: "Кезеңнің басы", ru: "Начало периода", en: "Period from")
        case .periodTo: LocalizedText(kk: "Кезеңнің соңы", ru: "Конец периода", en: "Period to")
        case .policeReportNumber: LocalizedText(kk: "Полицияға арыздың нөмірі (КУИ)",
                                                ru: "Номер заявления в полицию (КУИ)",
                                                en: "Police report number (KUI)")
        case .policeReportDate: LocalizedText(kk: "Полицияға арыздың күні", ru: "Дата заявления в полицию",
                                              en: "Police report date")
        case .counterpartyTin: LocalizedText(kk: "Контрагенттің ЖСН/БСН-і", ru: "ИИН/БИН контрагента",
                                             en: "Counterparty's IIN/BIN")
        case .contractNumber: LocalizedText(kk: "Шарттың нөмірі", ru: "Номер договора", en: "Contract number")
        case .contractDate: LocalizedText(kk: "Шарттың күні", ru: "Дата договора", en: "Contract date")
        case .normsDocument: LocalizedText(kk: "Табиғи кему нормаларын бекіткен құжат",
                                           ru: "Документ, утвердивший нормы естественной убыли",
                                           en: "Document approving the natural-decrease norms")
        case .inventoryNumber: LocalizedText(kk: "Түгендеу нөмірі", ru: "Инвентарный номер", en: "Inventory number")
        case .mistakenDocumentNumber: LocalizedText(kk: "Қате енгізген құжаттың нөмірі",
                                                    ru: "Номер ошибочно введённого документа",
                                                    en: "Number of the document entered by mistake")
        }
    }
}

extension WriteOffReason {
    /// The reason as IS ESF's portal names it (domain.md §10), in three languages.
    public var label: LocalizedText {
        switch self {
        case .manufacture: LocalizedText(kk: "Өндіріс", ru: "Производство", en: "Manufacture")
        case .soldInRetailOrCoupons: LocalizedText(kk: "БКМ чектері бойынша бөлшек саудада сатылды",
                                                   ru: "Реализовано в розничной торговле по чекам ККМ",
                                                   en: "Sold at retail by KKM receipts")
        case .couponsOrCardsPayments: LocalizedText(kk: "Талондар немесе карталар бойынша барлық төлем түрлерімен сатылды",
                                                    ru: "Реализовано по талонам или картам по всем видам оплат",
                                                    en: "Sold for coupons or cards, any payment")
        case .damage: LocalizedText(kk: "Бүліну/жоғалу", ru: "Порча/утрата", en: "Damage")
        case .recycling: LocalizedText(kk: "Кәдеге жарату", ru: "Утилизация", en: "Recycling")
        case .reclamation: LocalizedText(kk: "Рекламация", ru: "Рекламация", en: "Reclamation (claim)")
        case .loss: LocalizedText(kk: "Жоғалту", ru: "Утеря", en: "Loss")
        case .theft: LocalizedText(kk: "Ұрлық", ru: "Хищение", en: "Theft")
        case .writeOffByGuilty: LocalizedText(kk: "Кінәлі тұлғаның есебінен есептен шығару",
                                              ru: "Списание за счёт виновного лица",
                                              en: "At the guilty person's expense")
        case .isNotVstore: LocalizedText(kk: "Бұл ТН СЭҚ кодты тауар «Виртуалды қойма» модулінде есепке алынбайды",
                                         ru: "Товар с данным кодом ТН ВЭД не подлежит ведению в модуле «Виртуальный склад»",
                                         en: "Goods of this TN VED code are not kept in the virtual warehouse")
        case .medicalNeeds: LocalizedText(kk: "Медициналық қажеттіліктерге", ru: "На медицинские нужды",
                                          en: "Medical needs")
        case .technicalNeeds: LocalizedText(kk: "Техникалық қажеттіліктерге", ru: "На технические нужды",
                                            en: "Technical needs")
        case .naturalDecreaseInNorm: LocalizedText(kk: "Норма шегіндегі табиғи кему",
                                                   ru: "Естественная убыль в пределах норм",
                                                   en: "Natural decrease within the norms")
        case .naturalDecreaseOverNorm: LocalizedText(kk: "Нормадан тыс табиғи кему",
                                                     ru: "Естественная убыль сверх норм",
                                                     en: "Natural decrease over the norms")
        case .socialPackage: LocalizedText(kk: "Кепілдендірілген әлеуметтік пакетке есептен шығару",
                                           ru: "Списание на гарантированный социальный пакет",
                                           en: "Guaranteed social package")
        case .noRequirementsForSnt: LocalizedText(kk: "Келесі ТІЖ-ді ресімдеу талабы жоқ",
                                                  ru: "Отсутствует требование по оформлению следующего СНТ",
                                                  en: "No requirement to issue the next SNT")
        case .conversion: LocalizedText(kk: "Тапсырыс берушінің шикізатын (толлинг) қайта өңдеу",
                                        ru: "Переработка давальческого сырья",
                                        en: "Processing of tolling raw materials")
        case .service: LocalizedText(kk: "Қызмет, жұмыс", ru: "Услуга, работа", en: "Service or work")
        case .mistake: LocalizedText(kk: "Тауар қате енгізілді", ru: "Товар введён ошибочно",
                                     en: "Goods entered by mistake")
        case .accountingFixedAssets: LocalizedText(kk: "НҚ/ҚА есебі", ru: "Учёт ОС/ФА",
                                                   en: "Fixed or financial assets")
        case .other: LocalizedText(kk: "Басқа", ru: "Прочее", en: "Other")
        }
    }

    /// The details this reason cannot do without (assumed: `UFormAssumptions.writeOffDetails`).
    public var requiredDetails: [WriteOffDetail] { UFormAssumptions.writeOffDetails(for: self).required }

    /// The details worth recording besides, shown with the required ones.
    public var optionalDetails: [WriteOffDetail] { UFormAssumptions.writeOffDetails(for: self).optional }
}
