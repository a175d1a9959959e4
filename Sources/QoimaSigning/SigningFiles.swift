import Foundation

/// Reading the files signing works with (keys, certificates, CA bundles), with an error that
/// tells a missing file from one that cannot be read.
enum SigningFiles {
    static func contents(of path: String) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SigningError.unreadableFile(path: path, reason: "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SigningError.unreadableFile(path: path, reason: "no permission to read it")
        }
        return Array(data)
    }
}
