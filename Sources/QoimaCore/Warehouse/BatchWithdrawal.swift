import Foundation

/// What takes goods out of a batch before IS ESF has posted it: the lines of a universal form
/// and the statuses in which a form or an SNT still holds them (domain.md §4, §10; the effects
/// are assumed, U7, U8, as the sandbox models them).
public enum BatchWithdrawal {
    /// The lines of `form` that take goods from the sender's batches: a write-off's and a
    /// movement's lines, the inputs of production and detailing. Balance entry and correction
    /// take nothing (they add or set), and system-made forms are IS ESF's own.
    public static func lines(of form: UForm) -> [UFormProduct] {
        switch form.type {
        case .writeOff?, .movement?: form.products
        case .manufacture?, .detailing?: form.sourceProducts
        default: []
        }
    }

    /// How much of batch `batch` the form takes (its lines summed); zero when none name it.
    public static func quantity(of batch: Int64, in form: UForm) -> Decimal {
        lines(of: form).filter { $0.productId == batch }.reduce(Decimal(0)) { $0 + ($1.quantity ?? 0) }
    }

    /// Form statuses after which a form holds nothing: posted, cancelled or refused.
    public static let finalFormStatuses: Set<UFormStatus> = [.processed, .canceled, .failed]

    /// SNT statuses in which a sent SNT holds its goods: on its way to registration, or
    /// registered and not answered yet.
    public static let holdingSntStatuses: Set<SntStatus> = [.created, .notViewed, .delivered]
}
