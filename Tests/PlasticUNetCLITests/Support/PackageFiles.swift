import Foundation

/// Files of the package the tests read: fixtures, schemas, scripts.
enum PackageFiles {
    /// The package's root folder (this file is `Tests/PlasticUNetCLITests/Support/PackageFiles.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The file or folder at `path`, relative to the package's root.
    static func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }
}
