import Foundation
import PackagePlugin

/// Build-tool plugin: generates Swift from the OpenAPI documents in a target at build time.
/// It only finds files and builds arguments; `apigen` does the work.
@main
struct APIGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        let configuration = DocumentDiscovery.configuration(in: files)
        let keys = DocumentDiscovery.outputKeys(ofConfigurationAt: configuration)
        let documents = try DocumentDiscovery.documents(in: files).map { DocumentDiscovery.shaped($0, by: keys) }
        guard !documents.isEmpty else {
            Diagnostics.warning("APIGenPlugin: target '\(target.name)' has no openapi.yaml, openapi.json or Name.openapi.yaml")
            return []
        }
        let tool = try context.tool(named: "apigen")
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        return documents.map { document in
            .buildCommand(
                displayName: "Generating Swift from \(document.input.lastPathComponent)",
                executable: tool.url,
                arguments: DocumentDiscovery.arguments(for: document, configuration: configuration, output: output,
                                                       nonisolated: DocumentDiscovery.compilerSupportsNonisolatedTypes,
                                                       package: context.package.directoryURL),
                inputFiles: [document.input] + (configuration.map { [$0] } ?? []),
                outputFiles: document.outputNames.map { output.appending(path: $0) }
            )
        }
    }
}
