import Foundation
import GRDBSQLite

/// The same rows written with nothing but SQLite: prepared statements, bound values, one
/// transaction. What an import is compared with.
struct RawSQLiteBaseline {
    enum SQLiteValue {
        case null, integer(Int64), real(Double), text(String)
    }

    /// Inserts `documents` (each a list of table rows, written in order) in one transaction and
    /// returns the seconds it took.
    static func insert(into path: String, statements: [String], documents: [[(statement: Int, values: [SQLiteValue])]]) -> Double {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let connection else {
            fatalError("cannot open \(path)")
        }
        defer { sqlite3_close_v2(connection) }
        execute(connection, "PRAGMA foreign_keys = ON")
        execute(connection, "PRAGMA journal_mode = WAL")
        execute(connection, "PRAGMA cache_size = -131072") // as QoimaDatabase's writer
        let prepared = statements.map { sql -> OpaquePointer in
            var statement: OpaquePointer?
            guard sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
                  let statement else { fatalError(String(cString: sqlite3_errmsg(connection))) }
            return statement
        }
        defer { prepared.forEach { sqlite3_finalize($0) } }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let clock = ContinuousClock()
        let start = clock.now
        execute(connection, "BEGIN IMMEDIATE")
        for document in documents {
            for (index, values) in document {
                let statement = prepared[index]
                for (position, value) in values.enumerated() {
                    let column = Int32(position + 1)
                    switch value {
                    case .null: sqlite3_bind_null(statement, column)
                    case let .integer(number): sqlite3_bind_int64(statement, column, number)
                    case let .real(number): sqlite3_bind_double(statement, column, number)
                    case let .text(text): sqlite3_bind_text(statement, column, text, -1, transient)
                    }
                }
                guard sqlite3_step(statement) == SQLITE_DONE else { fatalError(String(cString: sqlite3_errmsg(connection))) }
                sqlite3_reset(statement)
            }
        }
        execute(connection, "COMMIT")
        return (clock.now - start).seconds
    }

    private static func execute(_ connection: OpaquePointer, _ sql: String) {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else {
            fatalError(String(cString: sqlite3_errmsg(connection)))
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
