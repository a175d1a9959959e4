import Foundation

/// Looks for a password in every file under a folder, in the forms a program might write it:
/// UTF-8, UTF-16 (both byte orders), Base64 at each of the three alignments it can have inside
/// a longer Base64 text, and hex in both cases.
struct SecretScanner {
    struct Finding: Equatable, CustomStringConvertible {
        let file: String
        let form: String
        var description: String { "\(form) in \(file)" }
    }

    let forms: [(name: String, bytes: [UInt8])]

    init(_ password: String) {
        let utf8 = Array(password.utf8)
        var forms: [(String, [UInt8])] = [
            ("UTF-8", utf8),
            ("UTF-16LE", password.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("UTF-16BE", password.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
            ("hex", Array(utf8.map { String(format: "%02x", $0) }.joined().utf8)),
            ("HEX", Array(utf8.map { String(format: "%02X", $0) }.joined().utf8)),
        ]
        for offset in 0..<3 {
            forms.append(("Base64+\(offset)", Array(SecretScanner.base64Core(of: utf8, after: offset).utf8)))
        }
        self.forms = forms
    }

    /// The Base64 characters that depend on `bytes` alone when `offset` bytes come before them
    /// (those bordering the unknown neighbours are left out).
    static func base64Core(of bytes: [UInt8], after offset: Int) -> String {
        let encoded = Array(Data([UInt8](repeating: 0, count: offset) + bytes).base64EncodedString().utf8)
        let end = offset + bytes.count
        var core: [UInt8] = []
        for (index, character) in encoded.enumerated() {
            let firstBit = index * 6
            let lastBit = firstBit + 5
            if firstBit / 8 >= offset, lastBit / 8 < end { core.append(character) }
        }
        return String(decoding: core, as: UTF8.self)
    }

    /// Every form found in every regular file under `folder` (hidden ones included).
    func findings(under folder: URL) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try SecretScanner.files(under: folder) {
            let contents = try [UInt8](Data(contentsOf: file))
            for form in forms where SecretScanner.contains(contents, form.bytes) {
                findings.append(Finding(file: file.path, form: form.name))
            }
        }
        return findings
    }

    static func files(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return try walker.compactMap { item in
            let url = item as! URL
            return try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true ? url : nil
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
