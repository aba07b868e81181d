import Foundation
import Regression

/// Copies of the project's golden cases for tests that change them.
enum GoldenCopies {
    /// The project's golden cases.
    static let goldens = PackageFiles.url("fixtures/golden")

    /// A copy of the golden `name` in `folder`, its data (and model) named by absolute
    /// paths, edited by `edit`.
    static func copy(_ name: String, into folder: URL, _ edit: (inout GoldenCase) -> Void = { _ in }) throws -> URL {
        let source = goldens.appendingPathComponent(name + ".json")
        var golden = try GoldenCaseFile.read(source)
        for keyPath in [\GoldenRecipe.data, \GoldenRecipe.model] {
            if let reference = golden.recipe[keyPath: keyPath] {
                golden.recipe[keyPath: keyPath]?.path = goldens.appendingPathComponent(reference.path)
                    .standardizedFileURL.path
            }
        }
        edit(&golden)
        let url = folder.appendingPathComponent(name + ".json")
        try Data(GoldenCaseFile.text(of: golden).utf8).write(to: url)
        return url
    }
}
