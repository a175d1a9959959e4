import Foundation

/// Store changes come one per transaction; a burst is read once, on the main loop's next turn.
@MainActor
final class CoalescedRefresh {
    private var scheduled = false
    private let refresh: @MainActor () -> Void

    init(_ refresh: @escaping @MainActor () -> Void) {
        self.refresh = refresh
    }

    func schedule() {
        guard !scheduled else { return }
        scheduled = true
        DispatchQueue.main.async { [weak self] in
            MainActor.assumeIsolated {
                guard let self else { return }
                self.scheduled = false
                self.refresh()
            }
        }
    }
}
