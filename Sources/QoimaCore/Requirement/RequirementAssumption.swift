/// Every reading of Order 657 that "Is an SNT required?" rests on without the legal text settling
/// it, in one place, each tagged with its domain.md item so it can be changed once the full
/// Russian text of the Order is read. Raw values are stable ids.
public enum RequirementAssumption: String, CaseIterable, Sendable, Codable {
    /// Lines 8 and 9 are defined by where the goods go, so any EAEU import is line 8.
    case eaeuLinesFollowDirection = "lines-8-9-follow-direction"
    case carMeansRoadMotorVehicle = "car-means-road-motor-vehicle"
    case limitIsPermittedMaximumMass = "limit-is-permitted-maximum-mass"
    case lightCarExceptionKeepsItem14_1 = "light-car-exception-keeps-item-14-1"
    case individualDeliveryHasNoLightCarException = "item-14-7-has-no-light-car-exception"
    case ownMovementHasNoLightCarException = "item-14-8-has-no-light-car-exception"
    case ownMovementExceptionOverridesItem14_1 = "item-14-8-exception-overrides-item-14-1"
    case importFromOutsideEAEUUnderItem14_1 = "import-from-outside-eaeu-under-item-14-1"
    case eaeuWithoutVirtualWarehouseForAllGoods = "eaeu-without-virtual-warehouse-for-all-goods"
    case multimodalIsNotACar = "multimodal-is-not-a-car"
    case deadlinesAsReported = "deadlines-as-reported"
    case statePropertyMonthlyDeadline = "state-property-monthly-deadline"

    /// The entry of domain.md §15 that keeps this open.
    public var domainReference: String { "domain.md U15" }

    public var text: LocalizedText {
        switch self {
        case .eaeuLinesFollowDirection:
            LocalizedText(
                kk: "Тізбенің 8 және 9-жолдары тауардың түріне емес, бағытына байланысты деп есептеледі: ЕАЭО-ға мүше мемлекеттен кез келген әкелу — 8-жол, оған кез келген әкету — 9-жол.",
                ru: "Строки 8 и 9 перечня определяются направлением, а не видом товара: любой ввоз из государства — члена ЕАЭС относится к строке 8, любой вывоз в него — к строке 9.",
                en: "Lines 8 and 9 of the list are defined by where the goods go, not by what they are: any import from an EAEU state is line 8, any export to one is line 9.")
        case .carMeansRoadMotorVehicle:
            LocalizedText(
                kk: "14-тармақтың 3) және 5) тармақшаларындағы «автомобиль» кез келген автокөлік құралы ретінде түсініледі, оның ішінде жүк автомобильдері мен фургондар.",
                ru: "«Автомобиль» в подпунктах 3) и 5) пункта 14 понимается как любое автотранспортное средство, включая грузовые автомобили и фургоны.",
                en: "The “car” of items 14.3 and 14.5 is read as any road motor vehicle, lorries and vans included.")
        case .limitIsPermittedMaximumMass:
            LocalizedText(
                kk: "2,5 тонна шегі көлік құралының рұқсат етілген ең жоғары массасымен салыстырылады; бұйрықтың біздегі көшірмесінде жүк көтергіштік туралы да айтылады.",
                ru: "Предел 2,5 тонны сравнивается с разрешённой максимальной массой транспортного средства; в нашей копии приказа говорится также о грузоподъёмности.",
                en: "The 2.5 t limit is compared with the vehicle's permitted maximum mass; our copy of the Order also speaks of load-carrying capacity.")
        case .lightCarExceptionKeepsItem14_1:
            LocalizedText(
                kk: "2,5 тоннаға дейінгі автомобильге арналған ерекшелік 14-тармақтың 1) тармақшасын алып тастамайды: 1–6-жолдардағы тауарларды Қазақстан Республикасының аумағында тиеп-жөнелтуге ТІЖ бәрібір қажет.",
                ru: "Исключение для автомобиля до 2,5 тонны не отменяет подпункт 1) пункта 14: на отгрузку товаров строк 1–6 по территории Республики Казахстан СНТ всё равно нужна.",
                en: "The exception for cars of up to 2.5 t does not lift item 14.1: goods of lines 1–6 still need an SNT for their shipment inside Kazakhstan.")
        case .individualDeliveryHasNoLightCarException:
            LocalizedText(
                kk: "Жеке тұлғаға автомобиль көлігімен жеткізуге (14-тармақтың 7) тармақшасы) 2,5 тоннаға дейінгі автомобильде де ТІЖ қажет: 7) тармақшада мұндай ерекшелік жоқ.",
                ru: "Доставка физическому лицу автомобильным транспортом (подпункт 7) пункта 14) требует СНТ и на автомобиле до 2,5 тонны: в подпункте 7) такого исключения нет.",
                en: "Delivery to an individual by road (item 14.7) needs an SNT even in a car of up to 2.5 t: item 14.7 has no such exception.")
        case .ownMovementHasNoLightCarException:
            LocalizedText(
                kk: "Бір тұлғаның ішінде шекара арқылы орын ауыстыруға (14-тармақтың 8) тармақшасы) 2,5 тоннаға дейінгі автомобильде де ТІЖ қажет: 8) тармақшада мұндай ерекшелік жоқ.",
                ru: "Перемещение в рамках одного лица через границу (подпункт 8) пункта 14) требует СНТ и на автомобиле до 2,5 тонны: в подпункте 8) такого исключения нет.",
                en: "Movement within one person across the border (item 14.8) needs an SNT even in a car of up to 2.5 t: item 14.8 has no such exception.")
        case .ownMovementExceptionOverridesItem14_1:
            LocalizedText(
                kk: "14-тармақтың 8) тармақшасындағы 6-жол тауарларына арналған ерекшелік 1) тармақшадан басым деп есептеледі, дегенмен 1) тармақшада 6-жол тауарларының орнын ауыстыру да аталған.",
                ru: "Исключение подпункта 8) пункта 14 для товаров строки 6 считается имеющим приоритет над подпунктом 1), хотя в подпункте 1) перемещение товаров строки 6 тоже названо.",
                en: "The exception of item 14.8 for goods of line 6 is read as overriding item 14.1, although item 14.1 names the movement of line 6 goods too.")
        case .importFromOutsideEAEUUnderItem14_1:
            LocalizedText(
                kk: "14-тармақта ЕАЭО-дан тыс жерден әкелу аталмаған; сол жақтан әкелінген 1–6-жолдардағы тауарларға кедендік ресімдеуден кейін Қазақстан Республикасының аумағында тиеп-жөнелту үшін 1) тармақша бойынша ТІЖ қажет деп есептеледі.",
                ru: "В пункте 14 ввоз из-за пределов ЕАЭС не назван; считается, что на товары строк 1–6, ввезённые оттуда, СНТ нужна по подпункту 1) — на их отгрузку по территории Республики Казахстан после таможенного оформления.",
                en: "Item 14 names no import from outside the EAEU; goods of lines 1–6 imported from there are taken to need an SNT under item 14.1 for their shipment inside Kazakhstan after customs clearance.")
        case .eaeuWithoutVirtualWarehouseForAllGoods:
            LocalizedText(
                kk: "ЕАЭО-дан әкелуге немесе ЕАЭО-ға әкетуге ТІЖ тауарлар 1–7-жолдарға да жатса, «Виртуалды қойма» модулінсіз ресімделеді.",
                ru: "СНТ на ввоз из ЕАЭС или вывоз в ЕАЭС оформляется без модуля «Виртуальный склад», даже если товары относятся и к строкам 1–7.",
                en: "An SNT for an EAEU import or export is drawn up without the Virtual Warehouse module even when the goods also belong to lines 1–7.")
        case .multimodalIsNotACar:
            LocalizedText(
                kk: "Аралас тасымал 2,5 тоннаға дейінгі автомобильге арналған ерекшелікке жатпайды деп есептеледі.",
                ru: "Считается, что на смешанную перевозку исключение для автомобиля до 2,5 тонны не распространяется.",
                en: "A multimodal carriage is taken not to qualify for the exception for cars of up to 2.5 t.")
        case .deadlinesAsReported:
            LocalizedText(
                kk: "Мерзімдер қосымша дереккөздерден алынған: бұйрықтың мерзімдер туралы тармақтары біздегі көшірмеде жоқ.",
                ru: "Сроки взяты из вторичных источников: пунктов приказа о сроках в нашей копии нет.",
                en: "Deadlines come from secondary sources: the Order's items on deadlines are not in our copy.")
        case .statePropertyMonthlyDeadline:
            LocalizedText(
                kk: "Мемлекет меншігіне айналдырылған мүлікке арналған ай сайынғы мерзім 2020 жылғы пилоттық жобаның ережелерінен алынған және ескірген болуы мүмкін.",
                ru: "Ежемесячный срок для имущества, обращённого в собственность государства, взят из правил пилотного проекта 2020 года и может быть устаревшим.",
                en: "The monthly deadline for property turned into state ownership comes from the 2020 pilot rules and may be outdated.")
        }
    }
}
