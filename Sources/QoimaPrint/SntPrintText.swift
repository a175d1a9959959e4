import QoimaCore

/// The SNT printout's labels, in the three languages; field numbers are printed beside them.
enum SntPrintText {
    typealias L = LocalizedText

    static let title = L(kk: "Тауарларға ілеспе жүкқұжат (ТІЖ) № %1$@, %2$@",
                         ru: "Сопроводительная накладная на товары (СНТ) № %1$@ от %2$@",
                         en: "Goods waybill (SNT) No. %1$@ of %2$@")
    static let headerLine = L(kk: "ТІЖ № %1$@, %2$@ · %3$@ → %4$@", ru: "СНТ № %1$@ от %2$@ · %3$@ → %4$@",
                              en: "SNT No. %1$@ of %2$@ · %3$@ → %4$@")
    static let roadTransitCopy = L(kk: "Автомобиль көлігімен тасымалдауға арналған дана",
                                   ru: "Экземпляр для перевозки автомобильным транспортом",
                                   en: "Road transit copy")
    static let vehicleAndDriver = L(kk: "Көлік құралы және жүргізуші", ru: "Транспортное средство и водитель",
                                    en: "Vehicle and driver")
    static let sectionA = L(kk: "A. Жалпы мәліметтер", ru: "A. Общие сведения", en: "A. General")
    static let sectionB = L(kk: "B. Жеткізуші", ru: "B. Поставщик", en: "B. Supplier")
    static let sectionC = L(kk: "C. Алушы", ru: "C. Получатель", en: "C. Recipient")
    static let sectionD = L(kk: "D. Жүк жөнелтуші және жүк алушы", ru: "D. Грузоотправитель и грузополучатель",
                            en: "D. Consignor and consignee")
    static let sectionE = L(kk: "E. Тасымалдау", ru: "E. Перевозка", en: "E. Carriage")
    static let sectionF = L(kk: "F. Шарт", ru: "F. Договор", en: "F. Contract")
    static let sectionG = L(kk: "G. Тауарлар туралы мәліметтер", ru: "G. Сведения о товарах", en: "G. Goods")
    static let sectionK = L(kk: "K. Автомобиль көлігімен жүк тасымалы", ru: "K. Перевозка груза автомобильным транспортом",
                            en: "K. Road cargo")
    static let otherSection = L(kk: "Басқа мәліметтер", ru: "Прочие сведения", en: "Other")
    static let goodsTable = L(kk: "%1$@ кестесі: тауарлар", ru: "Таблица %1$@: товары", en: "Table %1$@: goods")

    static let number = L(kk: "Нөмірі", ru: "Номер", en: "Number")
    static let date = L(kk: "Жазылған күні", ru: "Дата выписки", en: "Date")
    static let datePaper = L(kk: "Қағаз ТІЖ күні", ru: "Дата бумажной СНТ", en: "Date of the paper SNT")
    static let reasonPaper = L(kk: "Қағазда жазу себебі", ru: "Причина выписки на бумаге", en: "Reason for paper issue")
    static let shippingDate = L(kk: "Тиеп-жөнелту күні", ru: "Дата отгрузки", en: "Shipping date")
    static let registrationNumber = L(kk: "Тіркеу нөмірі", ru: "Регистрационный номер", en: "Registration number")
    static let markingNotification = L(kk: "Цифрлық таңбалау хабарламасы", ru: "Уведомление о цифровой маркировке",
                                       en: "Digital marking notification")
    static let markingNotificationDate = L(kk: "Хабарлама күні", ru: "Дата уведомления", en: "Notification date")
    static let type = L(kk: "Түрі", ru: "Вид", en: "Type")
    static let relatedSnt = L(kk: "Байланысты ТІЖ", ru: "Связанная СНТ", en: "Related SNT")
    static let importKind = L(kk: "Импорт", ru: "Импорт", en: "Import")
    static let exportKind = L(kk: "Экспорт", ru: "Экспорт", en: "Export")
    static let sezCode = L(kk: "АЭА коды", ru: "Код СЭЗ", en: "SEZ code")
    static let transferType = L(kk: "Бір тұлға шегінде ауыстыру", ru: "Перемещение в рамках одного лица",
                                en: "Transfer within one person")
    static let mobilePost = L(kk: "Жылжымалы көлік бекеті", ru: "Мобильный транспортный пост", en: "Mobile transport post")

    static let tin = L(kk: "ЖСН/БСН", ru: "ИИН/БИН", en: "IIN/BIN")
    static let nonResident = L(kk: "Бейрезидент", ru: "Нерезидент", en: "Non-resident")
    static let name = L(kk: "Атауы", ru: "Наименование", en: "Name")
    static let branchTin = L(kk: "Құрылымдық бөлімшенің БСН-і", ru: "БИН структурного подразделения", en: "Branch BIN")
    static let reorganizedTin = L(kk: "Қайта ұйымдастырылған тұлғаның БСН-і", ru: "БИН реорганизованного лица",
                                  en: "Reorganised person's BIN")
    static let categories = L(kk: "Санаты", ru: "Категория", en: "Category")
    static let registerCountry = L(kk: "Тіркелген елі", ru: "Страна регистрации", en: "Country of registration")
    static let country = L(kk: "Елі", ru: "Страна", en: "Country")
    static let address = L(kk: "Нақты мекенжайы", ru: "Фактический адрес", en: "Address")
    static let warehouse = L(kk: "Виртуалды қойма", ru: "Виртуальный склад", en: "Virtual warehouse")
    static let consignor = L(kk: "Жүк жөнелтуші", ru: "Грузоотправитель", en: "Consignor")
    static let consignee = L(kk: "Жүк алушы", ru: "Грузополучатель", en: "Consignee")
    static let additionalInfo = L(kk: "Қосымша мәліметтер", ru: "Дополнительные сведения", en: "Additional information")
    static let carrier = L(kk: "Тасымалдаушы", ru: "Перевозчик", en: "Carrier")
    static let transport = L(kk: "Көлік түрі", ru: "Вид транспорта", en: "Transport")
    static let vehicle = L(kk: "Көлік нөмірі", ru: "Госномер автомобиля", en: "Vehicle plate")
    static let trailer = L(kk: "Тіркеме нөмірі", ru: "Номер прицепа", en: "Trailer plate")
    static let wagon = L(kk: "Вагон нөмірі", ru: "Номер вагона", en: "Wagon number")
    static let board = L(kk: "Борт нөмірі", ru: "Бортовой номер", en: "Board number")
    static let ship = L(kk: "Кеме нөмірі", ru: "Номер судна", en: "Vessel number")
    static let driver = L(kk: "Жүргізуші", ru: "Водитель", en: "Driver")
    static let stampPrint = L(kk: "Пломба нөмірі", ru: "Номер пломбы", en: "Seal imprint number")
    static let from = L(kk: "Қайдан", ru: "Откуда", en: "From")
    static let to = L(kk: "Қайда", ru: "Куда", en: "To")
    static let underContract = L(kk: "Шарт бойынша", ru: "По договору", en: "Under a contract")
    static let contractNumber = L(kk: "Шарт нөмірі", ru: "Номер договора", en: "Contract number")
    static let contractDate = L(kk: "Шарт күні", ru: "Дата договора", en: "Contract date")
    static let paymentTerms = L(kk: "Төлем шарттары", ru: "Условия оплаты", en: "Terms of payment")
    static let deliveryTerms = L(kk: "Жеткізу шарттары", ru: "Условия поставки", en: "Delivery terms")
    static let powerOfAttorney = L(kk: "Сенімхат нөмірі", ru: "Номер доверенности", en: "Power of attorney")
    static let powerOfAttorneyDate = L(kk: "Сенімхат күні", ru: "Дата доверенности", en: "Power of attorney date")
    static let currency = L(kk: "Валюта", ru: "Валюта", en: "Currency")
    static let rate = L(kk: "Валюта бағамы", ru: "Курс валюты", en: "Exchange rate")
    static let totalWithoutTax = L(kk: "Жанама салықтарсыз барлық құны", ru: "Всего стоимость без косвенных налогов",
                                   en: "Total without indirect taxes")
    static let totalExcise = L(kk: "Акциз сомасы барлығы", ru: "Всего сумма акциза", en: "Total excise")
    static let totalVat = L(kk: "ҚҚС сомасы барлығы", ru: "Всего сумма НДС", en: "Total VAT")
    static let totalWithTax = L(kk: "Салықтармен барлық құны", ru: "Всего стоимость с налогами", en: "Total with taxes")
    static let kogdOfSender = L(kk: "Жөнелтушінің МКО", ru: "КОГД отправителя", en: "Sender's tax office")
    static let kogdOfRecipient = L(kk: "Алушының МКО", ru: "КОГД получателя", en: "Recipient's tax office")
    static let operationCode = L(kk: "Операция коды", ru: "Код операции", en: "Operation code")
    static let productSellerType = L(kk: "Жеткізуші түрі", ru: "Тип поставщика", en: "Seller type")
    static let sellerKogd = L(kk: "Жеткізушінің МКО", ru: "КОГД поставщика", en: "Supplier's tax office")
    static let customerKogd = L(kk: "Алушының МКО", ru: "КОГД получателя", en: "Recipient's tax office")
    static let aircraft = L(kk: "Әуе кемесінің тіркеу нөмірі", ru: "Регистрационный номер воздушного судна",
                            en: "Aircraft registration")
    static let aircraftType = L(kk: "Әуе кемесінің түрі", ru: "Тип воздушного судна", en: "Aircraft type")
    static let flight = L(kk: "Рейс нөмірі", ru: "Номер рейса", en: "Flight number")
    static let warrant = L(kk: "Талап нөмірі", ru: "Номер требования", en: "Warrant number")
    static let sharingSeller = L(kk: "Жеткізушінің ӨБК шарты", ru: "Контракт СРП поставщика",
                                 en: "Supplier's production-sharing contract")
    static let sharingCustomer = L(kk: "Алушының ӨБК шарты", ru: "Контракт СРП получателя",
                                   en: "Recipient's production-sharing contract")
    static let preservedBlock = L(kk: "Қосымша блок", ru: "Дополнительный блок", en: "Further block")
    static let preservedNote = L(kk: "алынған күйінде сақталған, басып шығарылмайды",
                                 ru: "сохранён в полученном виде, не печатается",
                                 en: "kept as received, not printed")

    static let lineNumber = L(kk: "№", ru: "№", en: "No.")
    static let productName = L(kk: "Тауар атауы", ru: "Наименование товара", en: "Product")
    static let tnved = L(kk: "СЭҚ ТН коды", ru: "Код ТН ВЭД", en: "TN VED")
    static let unit = L(kk: "Өлш. бір.", ru: "Ед. изм.", en: "Unit")
    static let quantity = L(kk: "Саны", ru: "Кол-во", en: "Quantity")
    static let price = L(kk: "Бағасы", ru: "Цена", en: "Price")
    static let withoutTax = L(kk: "Салықсыз құны", ru: "Стоимость без налогов", en: "Without taxes")
    static let excise = L(kk: "Акциз", ru: "Акциз", en: "Excise")
    static let vatRate = L(kk: "ҚҚС %", ru: "Ставка НДС", en: "VAT rate")
    static let vat = L(kk: "ҚҚС", ru: "НДС", en: "VAT")
    static let withTax = L(kk: "Салықпен құны", ru: "Стоимость с налогами", en: "With taxes")
    static let productId = L(kk: "Тауар сәйкестендіргіші", ru: "Идентификатор товара", en: "Product id")
    static let gtin = L(kk: "GTIN", ru: "GTIN", en: "GTIN")
    static let cargoNumber = L(kk: "№", ru: "№", en: "No.")
    static let cargoName = L(kk: "Жүк сыныбы", ru: "Класс груза", en: "Cargo class")
    static let cargoCode = L(kk: "Жүк коды", ru: "Код груза", en: "Cargo code")
    static let packaging = L(kk: "Қаптама", ru: "Упаковка", en: "Packaging")
    static let seats = L(kk: "Орын саны", ru: "Мест", en: "Places")
    static let grossWeight = L(kk: "Брутто", ru: "Брутто", en: "Gross")
    static let netWeight = L(kk: "Нетто", ru: "Нетто", en: "Net")
    static let cargoDocuments = L(kk: "Құжаттар", ru: "Документы", en: "Documents")

    static let signSupplier = L(kk: "Жеткізуші", ru: "Поставщик", en: "Supplier")
    static let signConsignor = L(kk: "Жүкті тапсырды (жүк жөнелтуші)", ru: "Груз сдал (грузоотправитель)",
                                 en: "Handed over by (consignor)")
    static let signCarrier = L(kk: "Жүкті тасымалдауға қабылдады (тасымалдаушы)", ru: "Груз к перевозке принял (перевозчик)",
                               en: "Accepted for carriage by (carrier)")
    static let signRecipient = L(kk: "Жүкті қабылдады (алушы)", ru: "Груз получил (получатель)",
                                 en: "Received by (recipient)")
    static let signDriver = L(kk: "Жүргізуші", ru: "Водитель", en: "Driver")

    /// "IIN/BIN of …" for a role.
    static func roleTin(_ role: LocalizedText) -> LocalizedText {
        L(kk: "%1$@ ЖСН/БСН-і", ru: "ИИН/БИН: %1$@", en: "%1$@'s IIN/BIN", filling: [role])
    }

    static func typeName(_ type: SntType) -> LocalizedText {
        switch type {
        case .primary: L(kk: "Бастапқы", ru: "Первичная", en: "Primary")
        case .fixed: L(kk: "Түзету", ru: "Исправленная", en: "Correction")
        case .returned: L(kk: "Тауарды қайтару", ru: "Возврат товара", en: "Return of goods")
        }
    }
}
