import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaApp
import QoimaCore
import QoimaStore

/// Opening the SNT editor on a draft of 1,000 goods lines: from the store to every section built
/// and the lines list populated, and to the window's first painted frame. Needs a display
/// (run under `xvfb-run`); without one it says so and measures nothing.
@MainActor
struct EditorBenchmark {
    let folder: URL
    let lineCount = 1000
    let runs = 7

    func run() throws -> [String: Any]? {
        guard let database = try WindowBenchmarkSetup.start("editor", folder: folder) else { return nil }
        defer { try? FileManager.default.removeItem(at: folder) }
        let snt = BenchmarkSnt.make(lineCount: lineCount)
        let companies = CompanyStore(database: database)
        _ = try companies.findOrAdd(bin: snt.seller.tin?.rawValue ?? "000140000002", name: snt.seller.name)
        let company = try companies.all()[0]
        let draftId = try SntDraftStore(database: database).createDraft(companyId: company.id, snt)
        let paths = ApplicationPaths.locate()
        let settings = try Settings(schemaID: QoimaVersion.applicationID, schemaDirectory: paths.schemaDirectory,
                                    file: folder.appendingPathComponent("settings.ini").path)
        let context = DeskContext(database: database, company: company, settings: settings)

        var built: [Double] = []
        var painted: [Double] = []
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let start = clock.now
            let editor = try SntEditorWindow(draftId: draftId, context: context, transientFor: nil)
            precondition(editor.model.lines.count == lineCount)
            built.append((clock.now - start).seconds)
            var framePainted = false
            editor.present()
            MainContext.run(until: { gtk_widget_get_realized(editor.window.widget) != 0 }, timeout: 10)
            if let frameClock = gtk_widget_get_frame_clock(editor.window.widget) {
                ObjectHandle(frameClock, transfer: .none).connect("after-paint") { framePainted = true }
            }
            guard MainContext.run(until: { framePainted }, timeout: 10) else { fatalError("the editor never painted") }
            painted.append((clock.now - start).seconds)
            gtk_window_close(editor.window.cPointer())
            MainContext.drain()
        }
        let builtMedian = built.sorted()[runs / 2], paintedMedian = painted.sorted()[runs / 2]
        print(String(format: "editor, %d lines: built %.0f ms, first frame %.0f ms (median of %d)",
                     lineCount, builtMedian * 1000, paintedMedian * 1000, runs))
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return ["lines": lineCount, "runs": runs, "build": build, "builtMilliseconds": builtMedian * 1000,
                "firstFrameMilliseconds": paintedMedian * 1000, "targetMilliseconds": 300, "renderer": "cairo"]
    }
}
