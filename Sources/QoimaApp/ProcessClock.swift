import Foundation

/// Time since this process started, read from the kernel (`/proc/self/stat`, field 22), so the
/// measure includes loading and linking, not only our own code.
public enum ProcessClock {
    public static func millisecondsSinceStart() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let afterName = stat.lastIndex(of: ")") else { return nil }
        // Fields after "(comm)" start at field 3; starttime is field 22.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 19, let startTicks = Double(fields[19]) else { return nil }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        var now = timespec()
        clock_gettime(CLOCK_BOOTTIME, &now)
        let nowMilliseconds = Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
        return nowMilliseconds - startTicks / ticksPerSecond * 1000
    }
}
