/// Section E: the carrier and the transport.
public enum SntTransportRules {
    public static let carrierNameRequired = SntRule(
        "CARRIER-NAME-REQUIRED", fields: [.carrierName], source: "domain.md §5.2",
        kk: "Тасымалдаушының атауын көрсетіңіз.",
        ru: "Укажите наименование перевозчика.",
        en: "Enter the carrier's name.")

    public static let transportTypeRequired = SntRule(
        "TRANSPORT-TYPE-REQUIRED", fields: [.transportTypes], source: "domain.md §5.2",
        kk: "Кемінде бір көлік түрін таңдаңыз.",
        ru: "Выберите хотя бы один вид транспорта.",
        en: "Choose at least one kind of transport.")

    public static let carPlateRequired = SntRule(
        "CAR-PLATE-REQUIRED", fields: [.carStateNumber], source: "Order 657 item 14 (one SNT per vehicle); domain.md §5.2",
        kk: "Автомобиль көлігі: көлік құралының мемлекеттік нөмірін көрсетіңіз.",
        ru: "Автомобильный транспорт: укажите государственный номер транспортного средства.",
        en: "Road transport: enter the vehicle's plate number.")

    public static let wagonNumberRequired = SntRule(
        "WAGON-NUMBER-REQUIRED", fields: [.carriageNumber], source: "domain.md §5.2",
        kk: "Темір жол көлігі: вагон нөмірін көрсетіңіз.",
        ru: "Железнодорожный транспорт: укажите номер вагона.",
        en: "Rail transport: enter the wagon number.")

    public static let boardNumberRequired = SntRule(
        "BOARD-NUMBER-REQUIRED", fields: [.boardNumber], source: "domain.md §5.2",
        kk: "Әуе көлігі: әуе кемесінің борттық нөмірін көрсетіңіз.",
        ru: "Воздушный транспорт: укажите бортовой номер.",
        en: "Air transport: enter the aircraft's board number.")

    public static let shipNumberRequired = SntRule(
        "SHIP-NUMBER-REQUIRED", fields: [.shipNumber], source: "domain.md §5.2",
        kk: "Су көлігі: кеменің нөмірін көрсетіңіз.",
        ru: "Морской транспорт: укажите номер судна.",
        en: "Sea transport: enter the vessel number.")

    public static let transportNumberUnused = SntRule(
        "TRANSPORT-NUMBER-UNUSED",
        fields: [.carStateNumber, .trailerStateNumber, .carriageNumber, .boardNumber, .shipNumber],
        severity: .warning, source: "Order 657 item 13; domain.md §5.2",
        kk: "Бұл нөмір таңдалмаған көлік түріне жатады: көлік түрін таңдаңыз немесе нөмірді өшіріңіз.",
        ru: "Этот номер относится к невыбранному виду транспорта: выберите вид транспорта или удалите номер.",
        en: "This number belongs to a kind of transport that is not chosen: choose it or clear the number.")

    public static let roadTransportExpected = SntRule(
        "ROAD-TRANSPORT-EXPECTED", fields: [.carriage], severity: .warning, source: "Order 657 item 14.3, 14.5, 14.7",
        kk: "ЕАЭО-дан әкелу немесе ЕАЭО-ға әкету: E бөлімін — тасымалдаушы мен көлік құралын толтырыңыз.",
        ru: "Ввоз из ЕАЭС или вывоз в ЕАЭС: заполните раздел E — перевозчика и транспортное средство.",
        en: "An import from or export to the EAEU: fill in section E, the carrier and the vehicle.")

    public static let all: [SntRule] = [
        carrierNameRequired, transportTypeRequired, carPlateRequired, wagonNumberRequired, boardNumberRequired,
        shipNumberRequired, transportNumberUnused, roadTransportExpected,
    ]
}
