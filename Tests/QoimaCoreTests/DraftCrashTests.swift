import Foundation
@testable import QoimaStore
import XCTest

/// Drafts survive SIGKILL at any moment: a child process edits drafts in a loop through the
/// autosaver and prints each committed edit; it is killed 200 times at random; every printed
/// edit must then be there, whole, findable, and the database must pass its integrity check.
final class DraftCrashTests: XCTestCase {
    func testEveryCommittedEditSurvivesSIGKILL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("q.sqlite").path
        var generator = SystemRandomNumberGenerator()
        var reported: [Int64: Int] = [:]

        for _ in 0..<200 {
            let process = Process()
            process.executableURL = try CLIRunner.executable()
            process.arguments = ["db", "exercise-drafts", "--database", path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait for the first line (the draft exists), then kill at a random moment.
            var received = Data()
            while !received.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                received.append(chunk)
            }
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            received.append(output.fileHandleForReading.readDataToEndOfFile())
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            for line in String(decoding: received, as: UTF8.self).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard words.count == 3, words[0] == "committed", let id = Int64(words[1]), let edit = Int(words[2])
                else { continue }
                reported[id] = max(reported[id] ?? 0, edit)
            }
        }

        XCTAssertGreaterThan(reported.count, 100, "most runs got to commit edits before the kill")
        let database = try QoimaDatabase(location: DatabaseLocation(explicitPath: path))
        XCTAssertEqual(try database.scalar("PRAGMA integrity_check"), "ok")
        XCTAssertEqual(try database.check(), [])
        let store = SntDraftStore(database: database)
        let list = SntList(database: database)
        for (id, edit) in reported {
            let stored = try XCTUnwrap(try store.draft(id: id), "draft \(id)")
            let storedEdit = try XCTUnwrap(Int(stored.snt.number.dropFirst()), stored.snt.number)
            XCTAssertGreaterThanOrEqual(storedEdit, edit, "draft \(id) lost a reported edit")
            // Whole, never half-applied: the body, its lines and its search entry agree.
            XCTAssertEqual(stored.snt.goods?.lines.count, storedEdit % 7 + 1)
            XCTAssertEqual(try database.scalar("SELECT count(*) FROM sntLine WHERE sntId = \(id)"),
                           String(storedEdit % 7 + 1))
            XCTAssertTrue(try list.page(SntListQuery(search: stored.snt.number), limit: 1000).map(\.id).contains(id),
                          "draft \(id) is found by its number")
            XCTAssertEqual(try database.scalar("SELECT count(*) FROM auditLog WHERE entityId = \(id) AND action = 'edit'"),
                           String(stored.revision - 1), "one audit entry per committed edit")
        }
    }
}
