/// Something the answer depends on but could not settle: a fact that was not given, or a part
/// of Order 657 that is not in our copy. Raw values are stable ids.
public enum OpenQuestion: String, CaseIterable, Sendable, Codable {
    case direction
    case goods
    case operation
    case transport
    case vehicleMass = "vehicle-mass"
    case toIndividual = "to-individual"
    /// The SNT is needed either way, but by road the carrier draws it up (item 14.7).
    case transportDecidesDrafter = "transport-decides-drafter"
    /// Item 15 breaks off before it lists the retail payment cases (domain.md U15).
    case retailPaymentCases = "retail-payment-cases"
    /// When transit needs an SNT is in items we have not read (domain.md U15).
    case transitRules = "transit-rules"

    /// True when giving a fact settles it; false when it needs text of the Order we lack.
    public var isMissingFact: Bool { self != .retailPaymentCases && self != .transitRules }

    public var text: LocalizedText {
        switch self {
        case .goods:
            LocalizedText(kk: "Тауарлар тізбенің қай жолдарына жатады (немесе ешқайсысына жатпайды).",
                          ru: "К каким строкам перечня относятся товары (или ни к одной).",
                          en: "Which lines of the list the goods belong to (or none).")
        case .direction:
            LocalizedText(kk: "Тауарлар қайда бағытталады: Қазақстан Республикасының ішінде, әкелу, әкету немесе транзит.",
                          ru: "Куда идут товары: по Республике Казахстан, ввоз, вывоз или транзит.",
                          en: "Where the goods go: inside Kazakhstan, import, export or transit.")
        case .operation:
            LocalizedText(kk: "Бұл өткізу ме, бір тұлғаның ішінде орын ауыстыру ма, әлде өткізу емес басқа тиеп-жөнелту ме.",
                          ru: "Это реализация, перемещение в рамках одного лица или отгрузка без реализации.",
                          en: "Whether this is a sale, a movement within one person, or a shipment that is not a sale.")
        case .transport:
            LocalizedText(kk: "Тауарлар қандай көлікпен тасымалданады: 2,5 тоннаға дейінгі автомобильдерге ерекшелік бар.",
                          ru: "Каким транспортом перевозятся товары: для автомобилей до 2,5 тонны есть исключение.",
                          en: "How the goods travel: cars of up to 2.5 t are excepted.")
        case .vehicleMass:
            LocalizedText(kk: "Автомобильдің рұқсат етілген ең жоғары массасы: 2500 кг-ға дейін қоса алғанда ерекшелікке жатады.",
                          ru: "Разрешённая максимальная масса автомобиля: до 2500 кг включительно — исключение.",
                          en: "The car's permitted maximum mass: up to and including 2,500 kg is excepted.")
        case .toIndividual:
            LocalizedText(kk: "Тауарлар жеке тұлғаға жеткізіле ме: онда 2,5 тоннаға дейінгі автомобильде де ТІЖ-ді тасымалдаушы ресімдейді.",
                          ru: "Доставляются ли товары физическому лицу: тогда СНТ оформляет перевозчик, даже на автомобиле до 2,5 тонны.",
                          en: "Whether the goods go to an individual: then the carrier draws up an SNT, even in a car of up to 2.5 t.")
        case .transportDecidesDrafter:
            LocalizedText(kk: "Тауарлар қандай көлікпен тасымалданады: автомобиль көлігімен ТІЖ-ді тасымалдаушы ресімдейді, басқа көлікпен — әкелгенде алушы, әкеткенде жеткізуші.",
                          ru: "Каким транспортом перевозятся товары: при автомобильной перевозке СНТ оформляет перевозчик, при другой — получатель при ввозе или поставщик при вывозе.",
                          en: "How the goods travel: by road the carrier draws up the SNT; otherwise the recipient on import, the supplier on export.")
        case .retailPaymentCases:
            LocalizedText(kk: "Бөлшек сауданың қай есеп айырысу тәсілдері ТІЖ-ден босатылатыны: бұйрықтың біздегі көшірмесінде 15-тармақ осы тізбенің алдында үзіліп қалған.",
                          ru: "При каких способах расчётов розничная продажа освобождена от СНТ: в нашей копии приказа пункт 15 обрывается перед этим перечнем.",
                          en: "Which ways of paying free a retail sale from the SNT: our copy of the Order breaks off item 15 before that list.")
        case .transitRules:
            LocalizedText(kk: "Транзитке ТІЖ қашан қажет және оны қашан тіркеу керек: бұл тармақтар біздегі көшірмеде жоқ.",
                          ru: "Когда при транзите нужна СНТ и в какой срок её регистрировать: этих пунктов в нашей копии нет.",
                          en: "When transit needs an SNT and by when to register it: those items are not in our copy.")
        }
    }
}
