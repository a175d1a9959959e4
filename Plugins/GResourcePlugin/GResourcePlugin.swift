import Foundation
import PackagePlugin

/// Compiles `ui/*.ui` (and the rest of `resources/qoima.gresource.xml`) into a GResource
/// embedded in the target as a Swift source, and compiles the gettext catalogues and the
/// GSettings schema into the build tree, so `swift build` alone yields a runnable app.
@main
struct GResourcePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL
        let inputs = try ["ui", "resources"].flatMap { try files(under: root.appending(path: $0)) }
        return [
            .buildCommand(
                displayName: "Compiling Qoima resources",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    root.appending(path: "scripts/compile-resources.sh").path,
                    root.path,
                    output.path,
                ],
                inputFiles: inputs + [root.appending(path: "scripts/compile-resources.sh")],
                outputFiles: [output.appending(path: "EmbeddedResources.swift")]
            )
        ]
    }

    private func files(under directory: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }
    }
}
