/// Why a change to the Magazine was refused, naming what is wrong and where; nothing was changed.
public enum MagazineError: Error, Equatable, CustomStringConvertible {
    case paperDateInFuture(CalendarDate, today: CalendarDate)
    case restoreDateInFuture(CalendarDate, today: CalendarDate)
    case restoreBeforePaper(CalendarDate, paperDate: CalendarDate, entry: String)
    case restoreOfSpoiled(String)
    case enterSpoiled(String)
    case alreadyEntered(String, registrationNumber: String)
    case registrationNumberInvalid(String)
    case enteredInFuture(CalendarDate, today: CalendarDate)
    case enteredBeforePaper(CalendarDate, paperDate: CalendarDate, entry: String)
    /// The SNT has no registration number to take.
    case sntNotRegistered(entry: String, sntId: Int64)
    case alreadySpoiled(String)
    case spoilEntered(String, registrationNumber: String)
    case spoilReasonMissing
    case noSuchEntry(String)
    case noSuchSnt(Int64)
    case sntOfOtherCompany(Int64)
    /// Only an outgoing draft IS ESF has not seen is issued on paper.
    case sntNotDraft(Int64, number: String, status: String)
    /// The SNT has a live (issued or entered) entry already.
    case sntAlreadyOnPaper(Int64, entry: String)
    /// The draft kept changing while it was being issued.
    case sntChangedMeanwhile(Int64)

    /// What the error is about: the CLI names its option, the app its field.
    public enum Field: String, Sendable {
        case snt, paperDate, reason, restoreDate, registrationNumber, enteredAt, spoilReason, entry
    }

    public var field: Field {
        switch self {
        case .paperDateInFuture: .paperDate
        case .restoreDateInFuture, .restoreBeforePaper: .restoreDate
        case .registrationNumberInvalid, .sntNotRegistered: .registrationNumber
        case .enteredInFuture, .enteredBeforePaper: .enteredAt
        case .spoilReasonMissing: .spoilReason
        case .noSuchSnt, .sntOfOtherCompany, .sntNotDraft, .sntAlreadyOnPaper, .sntChangedMeanwhile: .snt
        case .restoreOfSpoiled, .enterSpoiled, .alreadyEntered, .alreadySpoiled, .spoilEntered, .noSuchEntry: .entry
        }
    }

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String { text.text(in: language) }

    public var text: LocalizedText {
        switch self {
        case let .paperDateInFuture(date, today):
            LocalizedText(kk: "қағаз ТІЖ күні (A 2.1) %1$@ бүгінгі күннен (%2$@) кейін: қағаз ТІЖ берілгеннен кейін ғана журналға тіркеледі",
                          ru: "дата бумажной СНТ (A 2.1) %1$@ позже сегодняшней, %2$@: СНТ записывается в журнал, когда она уже выписана на бумаге",
                          en: "the paper date (A 2.1) %1$@ is after today, %2$@: a paper SNT is recorded once it has been issued",
                          filling: [.date(date), .date(today)])
        case let .restoreDateInFuture(date, today):
            LocalizedText(kk: "қалпына келтіру күні %1$@ бүгінгі күннен (%2$@) кейін: МКК хабарлағандай, ЭШФ АЖ қайта жұмыс істеген күнді көрсетіңіз",
                          ru: "дата восстановления %1$@ позже сегодняшней, %2$@: укажите день, когда ИС ЭСФ снова заработала по объявлению КГД",
                          en: "the restore date %1$@ is after today, %2$@: give the day IS ESF worked again, as KGD announced it",
                          filling: [.date(date), .date(today)])
        case let .restoreBeforePaper(date, paperDate, entry):
            LocalizedText(kk: "қалпына келтіру күні %1$@ %3$@ жазбаның қағаз ТІЖ күнінен (%2$@) бұрын: іркіліс қағаз ТІЖ берілгеннен кейін ғана аяқтала алады",
                          ru: "дата восстановления %1$@ раньше даты бумажной СНТ %2$@ (запись %3$@): сбой мог закончиться только после того, как СНТ выписана на бумаге",
                          en: "the restore date %1$@ is before the paper date %2$@ of entry %3$@: the outage can only have ended after the paper SNT was issued",
                          filling: [.date(date), .date(paperDate), .verbatim(entry)])
        case let .restoreOfSpoiled(entry):
            LocalizedText(kk: "%1$@ жазба — бүлінген бланк: оның енгізу мерзімі жоқ, қалпына келтіру күні қажет емес",
                          ru: "запись %1$@ — испорченный бланк: срока ввода у неё нет, дата восстановления не нужна",
                          en: "entry %1$@ is a spoiled blank: it has no deadline and needs no restore date",
                          filling: [.verbatim(entry)])
        case let .enterSpoiled(entry):
            LocalizedText(kk: "%1$@ жазба — бүлінген бланк: ол ЭШФ АЖ-ға енгізілмейді; ТІЖ-ді жаңа бланкіге жазыңыз",
                          ru: "запись %1$@ — испорченный бланк: он в ИС ЭСФ не вводится; выпишите СНТ на новом бланке",
                          en: "entry %1$@ is a spoiled blank, which is never entered into IS ESF; issue the SNT on a new blank",
                          filling: [.verbatim(entry)])
        case let .alreadyEntered(entry, number):
            LocalizedText(kk: "%1$@ жазба ЭШФ АЖ-ға %2$@ нөмірімен енгізіліп қойған",
                          ru: "запись %1$@ уже введена в ИС ЭСФ под номером %2$@",
                          en: "entry %1$@ is already entered into IS ESF as %2$@",
                          filling: [.verbatim(entry), .verbatim(number)])
        case let .registrationNumberInvalid(number):
            LocalizedText(kk: "«%1$@» — ЭШФ АЖ беретін тіркеу нөмірі емес; пішіні: %2$@",
                          ru: "«%1$@» — не регистрационный номер ИС ЭСФ; его вид: %2$@",
                          en: "\"%1$@\" is not an IS ESF registration number, which reads %2$@",
                          filling: [.verbatim(number), .verbatim(SntRegistrationNumber.patternText)])
        case let .enteredInFuture(day, today):
            LocalizedText(kk: "енгізілген күн %1$@ бүгінгі күннен (%2$@) кейін",
                          ru: "дата ввода %1$@ позже сегодняшней, %2$@",
                          en: "the day entered, %1$@, is after today, %2$@",
                          filling: [.date(day), .date(today)])
        case let .enteredBeforePaper(day, paperDate, entry):
            LocalizedText(kk: "енгізілген күн %1$@ %3$@ жазбаның қағаз ТІЖ күнінен (%2$@) бұрын",
                          ru: "дата ввода %1$@ раньше даты бумажной СНТ %2$@ (запись %3$@)",
                          en: "the day entered, %1$@, is before the paper date %2$@ of entry %3$@",
                          filling: [.date(day), .date(paperDate), .verbatim(entry)])
        case let .sntNotRegistered(entry, sntId):
            LocalizedText(kk: "%1$@ жазба: оның ТІЖ-інде (%2$@) ЭШФ АЖ тіркеу нөмірі әлі жоқ; оны жіберіңіз немесе тіркеу нөмірін көрсетіңіз",
                          ru: "запись %1$@: у её СНТ (%2$@) ещё нет регистрационного номера ИС ЭСФ; отправьте её или укажите номер",
                          en: "entry %1$@: its SNT (%2$@) has no IS ESF registration number yet; send it, or give the number",
                          filling: [.verbatim(entry), .verbatim(String(sntId))])
        case let .alreadySpoiled(entry):
            LocalizedText(kk: "%1$@ жазба бүлінген бланк ретінде белгіленіп қойған",
                          ru: "запись %1$@ уже отмечена как испорченный бланк",
                          en: "entry %1$@ is already recorded as a spoiled blank",
                          filling: [.verbatim(entry)])
        case let .spoilEntered(entry, number):
            LocalizedText(kk: "%1$@ жазбаны бүлінген деп белгілеуге болмайды: оның ТІЖ-і ЭШФ АЖ-ға %2$@ нөмірімен енгізілген",
                          ru: "запись %1$@ нельзя отметить испорченной: её СНТ введена в ИС ЭСФ под номером %2$@",
                          en: "entry %1$@ cannot be spoiled: its SNT is entered into IS ESF as %2$@",
                          filling: [.verbatim(entry), .verbatim(number)])
        case .spoilReasonMissing:
            LocalizedText(kk: "бланктің неге бүлінгенін жазыңыз", ru: "укажите, почему бланк испорчен",
                          en: "say why the blank was spoiled")
        case let .noSuchEntry(entry):
            LocalizedText(kk: "журналда %1$@ жазба жоқ", ru: "записи %1$@ в журнале нет",
                          en: "the Magazine has no entry %1$@", filling: [.verbatim(entry)])
        case let .noSuchSnt(id):
            LocalizedText(kk: "%1$@ нөмірлі ТІЖ жоқ", ru: "СНТ с локальным номером %1$@ нет",
                          en: "there is no SNT with local id %1$@", filling: [.verbatim(String(id))])
        case let .sntOfOtherCompany(id):
            LocalizedText(kk: "%1$@ ТІЖ басқа өз компанияға тиесілі", ru: "СНТ %1$@ принадлежит другой своей компании",
                          en: "SNT %1$@ belongs to another own company", filling: [.verbatim(String(id))])
        case let .sntNotDraft(id, number, status):
            LocalizedText(kk: "%1$@ ТІЖ (№%2$@) шығыс жоба емес (мәртебесі %3$@): қағаз ТІЖ ЭШФ АЖ әлі көрмеген жобадан жазылады",
                          ru: "СНТ %1$@ (№ %2$@) — не исходящий черновик (статус %3$@): на бумаге выписывается черновик, которого ИС ЭСФ ещё не видела",
                          en: "SNT %1$@ (number %2$@) is not an outgoing draft (status %3$@): a paper SNT is issued from a draft IS ESF has not seen",
                          filling: [.verbatim(String(id)), .verbatim(number), .verbatim(status)])
        case let .sntAlreadyOnPaper(id, entry):
            LocalizedText(kk: "%1$@ ТІЖ қағазда журналдың %2$@ жазбасымен берілген; қайта жазу үшін алдымен сол бланкіні бүлінген деп белгілеңіз",
                          ru: "СНТ %1$@ уже выписана на бумаге, запись журнала %2$@; чтобы выписать её снова, сначала отметьте тот бланк испорченным",
                          en: "SNT %1$@ is already issued on paper as Magazine entry %2$@; spoil that blank first to issue it again",
                          filling: [.verbatim(String(id)), .verbatim(entry)])
        case let .sntChangedMeanwhile(id):
            LocalizedText(kk: "%1$@ ТІЖ қағазға жазылып жатқанда өзгертілді; қайталап көріңіз",
                          ru: "СНТ %1$@ изменилась, пока её выписывали на бумаге; повторите",
                          en: "SNT %1$@ changed while it was being issued on paper; try again",
                          filling: [.verbatim(String(id))])
        }
    }
}

extension LocalizedText {
    /// The same text in every language: a date, a number, a name.
    static func verbatim(_ text: String) -> LocalizedText { LocalizedText(kk: text, ru: text, en: text) }

    static func date(_ date: CalendarDate) -> LocalizedText { verbatim(date.ddMMyyyy) }
}
