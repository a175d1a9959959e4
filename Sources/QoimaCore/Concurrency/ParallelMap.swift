import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core, in order: the array is cut into a few chunks per core, each chunk is
    /// mapped on its own, and the results are put back in place. For work that takes far longer
    /// than a lock (parsing and checking documents), not for cheap transforms.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count > 1, cores > 1 else { return map(transform) }
        let chunkCount = Swift.min(count, cores * 4)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let chunks = Mutex([Int: [Result]]())
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = Swift.min(count, chunk * chunkSize)..<Swift.min(count, (chunk + 1) * chunkSize)
            guard !range.isEmpty else { return }
            let mapped = self[range].map(transform)
            chunks.withLock { $0[chunk] = mapped }
        }
        return chunks.withLock { chunks in (0..<chunkCount).flatMap { chunks[$0] ?? [] } }
    }
}
