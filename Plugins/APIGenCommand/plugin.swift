import Foundation
import PackagePlugin

/// Command plugin: `swift package --allow-writing-to-package-directory generate-api [--target T]`
/// regenerates checked-in sources. In each target it runs `apigen` for every OpenAPI document in
/// the target's folder, or for the document an `apigen.yaml` there names with `schema:`.
/// Without `--target`, only targets that already hold generated files: the others are the
/// build plugin's.
@main
struct APIGenCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        let targets = names.isEmpty ? context.package.targets : try context.package.targets(named: names)
        let tool = try context.tool(named: "apigen")
        var ran = 0
        for case let target as SourceModuleTarget in targets {
            let files = try FileManager.default.contentsOfDirectory(at: target.directoryURL, includingPropertiesForKeys: nil)
            let configuration = DocumentDiscovery.configuration(in: files)
            let keys = DocumentDiscovery.outputKeys(ofConfigurationAt: configuration)
            let documents = try DocumentDiscovery.documents(in: files).map { DocumentDiscovery.shaped($0, by: keys) }
            guard !documents.isEmpty || configuration != nil else {
                if !names.isEmpty { throw DocumentDiscovery.Failure(description: "target '\(target.name)' has no OpenAPI document and no apigen.yaml") }
                continue
            }
            // PackagePlugin does not say which plugins a target applies: a target holding no
            // file apigen wrote is left to the build plugin unless it is named.
            if names.isEmpty && !DocumentDiscovery.holdsGeneratedFiles(files) {
                print("generate-api: skipped target '\(target.name)': it holds no file that apigen wrote, so the build plugin generates it (or it is new: name it with --target \(target.name) to write its first files)")
                continue
            }
            let jobs: [DocumentDiscovery.Document?] = documents.isEmpty ? [nil] : documents
            for document in jobs {
                var args = DocumentDiscovery.arguments(for: document, configuration: configuration, output: target.directoryURL, nonisolated: false,
                                                          package: context.package.directoryURL, declaringFiles: false)
                if check { args.append("--check") }
                print("apigen \(args.joined(separator: " "))")
                let process = Process()
                process.executableURL = tool.url
                process.arguments = args
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw DocumentDiscovery.Failure(description: "apigen failed for target '\(target.name)' (exit \(process.terminationStatus))")
                }
                ran += 1
            }
        }
        if ran == 0 { Diagnostics.warning("generate-api: no target has an OpenAPI document or an apigen.yaml") }
    }
}
