import Foundation

/// One line of the Magazine of paper SNTs (domain.md §12): a paper blank issued for an SNT,
/// numbered per company and year without gaps, later entered into IS ESF, or spoiled. Entries
/// are never deleted: a spoiled blank keeps its number. The changes below check the rules and
/// return the changed entry; the store applies them inside its transaction.
public struct MagazineEntry: Hashable, Sendable {
    public enum State: String, CaseIterable, Sendable, Codable {
        /// Issued on paper, not yet entered into IS ESF.
        case issued
        /// Entered into IS ESF: the registration number is known.
        case entered
        /// The blank was spoiled; its number stays used.
        case spoiled

        public var name: LocalizedText {
            switch self {
            case .issued: LocalizedText(kk: "Қағазда берілді", ru: "Выписана на бумаге", en: "Issued on paper")
            case .entered: LocalizedText(kk: "ЭШФ АЖ-ға енгізілді", ru: "Введена в ИС ЭСФ", en: "Entered into IS ESF")
            case .spoiled: LocalizedText(kk: "Бүлінген бланк", ru: "Испорченный бланк", en: "Spoiled blank")
            }
        }
    }

    public let id: Int64
    public let companyId: Int64
    /// The Magazine's year: the paper date's.
    public let year: Int
    /// 1, 2, 3… within the company and year.
    public let number: Int
    public var state: State
    /// A 2.1 of the paper SNT.
    public var paperDate: CalendarDate
    /// A 2.1.1; nil only for a spoiled blank recorded without an SNT.
    public var reason: PaperReason?
    /// The SNT (local id) the blank was issued for; nil for a blank spoiled without one, or when
    /// its draft was deleted.
    public var sntId: Int64?
    /// The day IS ESF worked again, from KGD's announcement; the deadline counts from it.
    public var restoreDate: CalendarDate?
    public var registrationNumber: SntRegistrationNumber?
    /// When IS ESF registered the electronic SNT (its `inputDate`).
    public var enteredAt: Date?
    /// Who issued the blank, for the Magazine's last column.
    public var responsible: String
    /// The `MagazineLayout` version the entry was made under; a Magazine prints with it.
    public var layoutVersion: Int
    public var spoilReason: String?
    public var spoiledAt: Date?

    public init(id: Int64, companyId: Int64, year: Int, number: Int, state: State, paperDate: CalendarDate,
                reason: PaperReason?, sntId: Int64?, restoreDate: CalendarDate? = nil,
                registrationNumber: SntRegistrationNumber? = nil, enteredAt: Date? = nil, responsible: String = "",
                layoutVersion: Int = MagazineLayout.current.version, spoilReason: String? = nil, spoiledAt: Date? = nil) {
        self.id = id
        self.companyId = companyId
        self.year = year
        self.number = number
        self.state = state
        self.paperDate = paperDate
        self.reason = reason
        self.sntId = sntId
        self.restoreDate = restoreDate
        self.registrationNumber = registrationNumber
        self.enteredAt = enteredAt
        self.responsible = responsible
        self.layoutVersion = layoutVersion
        self.spoilReason = spoilReason
        self.spoiledAt = spoiledAt
    }

    /// "7/2026": the number within its year, as messages and the Magazine show it.
    public var label: String { "\(number)/\(year)" }

    /// The deadline, once the restore date is known.
    public func deadline(calendar: WorkingCalendar = .kazakhstan) -> PaperEntryDeadline? {
        restoreDate.map { PaperEntryDeadline(restoreDate: $0, calendar: calendar) }
    }

    /// Where the entry stands on `today`.
    public func status(on today: CalendarDate, calendar: WorkingCalendar = .kazakhstan) -> MagazineEntryStatus {
        let deadline = deadline(calendar: calendar)
        switch state {
        case .spoiled:
            return .spoiled
        case .entered:
            guard let deadline, let enteredAt else { return .entered(inTime: nil) }
            return .entered(inTime: deadline.isMet(enteredOn: KazakhstanClock.day(of: enteredAt)))
        case .issued:
            guard let deadline else { return .waitingForRestore }
            return deadline.isOverdue(on: today)
                ? .overdue(deadline)
                : .open(deadline, workingDaysLeft: deadline.workingDaysLeft(on: today))
        }
    }

    public func isOverdue(on today: CalendarDate, calendar: WorkingCalendar = .kazakhstan) -> Bool {
        if case .overdue = status(on: today, calendar: calendar) { return true }
        return false
    }
}

// MARK: The rules of each change

extension MagazineEntry {
    /// A paper SNT is issued on a day that has come.
    public static func checkIssue(paperDate: CalendarDate, today: CalendarDate) throws {
        guard paperDate <= today else { throw MagazineError.paperDateInFuture(paperDate, today: today) }
    }

    /// The outage ended on `date`: not before the paper SNT was issued, and not after today.
    public func restored(on date: CalendarDate, today: CalendarDate) throws -> MagazineEntry {
        guard state != .spoiled else { throw MagazineError.restoreOfSpoiled(label) }
        guard date <= today else { throw MagazineError.restoreDateInFuture(date, today: today) }
        guard date >= paperDate else { throw MagazineError.restoreBeforePaper(date, paperDate: paperDate, entry: label) }
        var entry = self
        entry.restoreDate = date
        return entry
    }

    /// IS ESF registered the electronic SNT as `registrationNumber` at `instant`.
    public func entered(as registrationNumber: SntRegistrationNumber, at instant: Date,
                        today: CalendarDate) throws -> MagazineEntry {
        switch state {
        case .spoiled: throw MagazineError.enterSpoiled(label)
        case .entered:
            throw MagazineError.alreadyEntered(label, registrationNumber: self.registrationNumber?.rawValue ?? "")
        case .issued: break
        }
        guard registrationNumber.isValid else { throw MagazineError.registrationNumberInvalid(registrationNumber.rawValue) }
        let day = KazakhstanClock.day(of: instant)
        guard day <= today else { throw MagazineError.enteredInFuture(day, today: today) }
        guard day >= paperDate else { throw MagazineError.enteredBeforePaper(day, paperDate: paperDate, entry: label) }
        var entry = self
        entry.state = .entered
        entry.registrationNumber = registrationNumber
        entry.enteredAt = instant
        return entry
    }

    /// The blank was spoiled, for `reason`; an entered SNT's blank cannot be.
    public func spoiled(because reason: String, at instant: Date) throws -> MagazineEntry {
        switch state {
        case .spoiled: throw MagazineError.alreadySpoiled(label)
        case .entered: throw MagazineError.spoilEntered(label, registrationNumber: registrationNumber?.rawValue ?? "")
        case .issued: break
        }
        let reason = try Self.checkSpoilReason(reason)
        var entry = self
        entry.state = .spoiled
        entry.spoilReason = reason
        entry.spoiledAt = instant
        return entry
    }

    /// The reason a blank was spoiled, trimmed; it must say something.
    public static func checkSpoilReason(_ reason: String) throws -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw MagazineError.spoilReasonMissing }
        return trimmed
    }
}

/// Where an entry stands on a given day: what the Magazine page shows and what stands out.
public enum MagazineEntryStatus: Hashable, Sendable {
    case spoiled
    /// Issued; the outage's end is not entered yet, so no deadline runs.
    case waitingForRestore
    /// Issued, the deadline not passed: `workingDaysLeft` is 0 on the last day.
    case open(PaperEntryDeadline, workingDaysLeft: Int)
    /// Issued, and the last day has passed.
    case overdue(PaperEntryDeadline)
    /// Entered; `inTime` is nil when no restore date was given.
    case entered(inTime: Bool?)

    public var text: LocalizedText {
        switch self {
        case .spoiled:
            MagazineEntry.State.spoiled.name
        case .waitingForRestore:
            LocalizedText(kk: "Қағазда берілді; ЭШФ АЖ қалпына келген күн енгізілмеген",
                          ru: "Выписана на бумаге; дата восстановления ИС ЭСФ не указана",
                          en: "Issued on paper; the day IS ESF was restored is not given")
        case let .open(deadline, left) where left <= 0:
            LocalizedText(kk: "Енгізудің соңғы күні: %1$@", ru: "Последний день ввода: %1$@",
                          en: "Last day to enter: %1$@", filling: [.verbatim(deadline.lastDay.ddMMyyyy)])
        case let .open(deadline, left):
            LocalizedText(kk: "Енгізу мерзімі %1$@ дейін (%2$@ жұмыс күні қалды)",
                          ru: "Ввести до %1$@ (осталось рабочих дней: %2$@)",
                          en: "Enter by %1$@ (working days left: %2$@)",
                          filling: [.verbatim(deadline.lastDay.ddMMyyyy), .verbatim(String(left))])
        case let .overdue(deadline):
            LocalizedText(kk: "Мерзімі өтті: %1$@ дейін енгізілуі керек еді",
                          ru: "Просрочена: нужно было ввести до %1$@",
                          en: "Overdue: it was due by %1$@", filling: [.verbatim(deadline.lastDay.ddMMyyyy)])
        case .entered(inTime: false):
            LocalizedText(kk: "ЭШФ АЖ-ға мерзімінен кеш енгізілді", ru: "Введена в ИС ЭСФ с опозданием",
                          en: "Entered into IS ESF late")
        case .entered:
            MagazineEntry.State.entered.name
        }
    }
}
