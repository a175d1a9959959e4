import QoimaCore

/// Why the form store refused a change, in words the user can act on.
public enum UFormStoreError: Error, Equatable, CustomStringConvertible {
    case missing(Int64)
    /// Sent, being sent, processed or cancelled: only drafts and failed forms change.
    case notEditable(UFormReference)
    /// IS ESF has seen it, or it is on its way: never deleted.
    case notADraft(UFormReference)
    /// Something else was stored under the deleted draft's id meanwhile.
    case idTaken(id: Int64, number: String)
    /// ESF, KKM, DT and FNO forms are IS ESF's own.
    case systemKind(UFormType)

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .missing(id):
            return LocalizedText(kk: "%1$@ нөмірлі форма жоқ", ru: "формы с локальным номером %1$@ нет",
                                 en: "there is no form with local id %1$@").text(in: language, [String(id)])
        case let .notEditable(form):
            if let state = form.sendState, state.isActive {
                return LocalizedText(kk: "№%1$@ форма жіберілуде (%2$@): оны өзгертуге болмайды",
                                     ru: "форма № %1$@ отправляется (%2$@): изменить её нельзя",
                                     en: "form %1$@ is being sent (%2$@): it cannot be changed")
                    .text(in: language, [form.number, state.label.text(in: language)])
            }
            return LocalizedText(kk: "№%1$@ форманың күйі «%2$@»: тек жобаны немесе қатесі бар форманы өзгертуге болады",
                                 ru: "форма № %1$@ в статусе «%2$@»: изменить можно только черновик или форму с ошибкой",
                                 en: "form %1$@ is %2$@: only a draft or a failed form can be changed")
                .text(in: language, [form.number, form.status.label.text(in: language)])
        case let .notADraft(form):
            return LocalizedText(kk: "№%1$@ форма ЭШФ АЖ-ға жіберілген (%2$@): ол жойылмайды",
                                 ru: "форма № %1$@ уже отправлялась в ИС ЭСФ (%2$@): её нельзя удалить",
                                 en: "form %1$@ has gone to IS ESF (%2$@): it cannot be deleted")
                .text(in: language, [form.number, (form.sendState?.label ?? form.status.label).text(in: language)])
        case let .idTaken(id, number):
            return LocalizedText(kk: "№%1$@ жобасын қайтару мүмкін емес: %2$@ нөмірі басқа құжатқа берілген",
                                 ru: "черновик № %1$@ не восстановить: локальный номер %2$@ уже занят",
                                 en: "draft %1$@ cannot be put back: its local id %2$@ is taken")
                .text(in: language, [number, String(id)])
        case let .systemKind(type):
            return LocalizedText(kk: "%1$@ формаларын ЭШФ АЖ өзі жасайды; оларды Qoima-да құруға болмайды",
                                 ru: "формы вида «%1$@» формирует сама ИС ЭСФ; в Qoima их не создают",
                                 en: "IS ESF makes %1$@ forms itself; they are not drawn up in Qoima")
                .text(in: language, [type.label.text(in: language)])
        }
    }
}
