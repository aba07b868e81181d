import ArgumentParser
import Foundation
import Regression

/// The arguments `regress accept` and `regress reject` share: the cases named, or every
/// pending result, in the case files and folders given.
package struct PendingSelection: ParsableArguments {
    /// Case names, case files and folders.
    @Argument(help: ArgumentHelp("""
        Case names, and the case files or folders to look in (an argument ending in .json, or a \
        folder that exists, is a place to look; the others are names). (default place: the \
        current folder)
        """, valueName: "name-or-path"))
    package var targets: [String] = []

    /// Whether every pending result is meant.
    @Flag(help: "Every pending result in the places given, instead of named cases.")
    package var all = false

    /// Options as the parser fills them.
    package init() {}

    /// The case names among the targets.
    var names: [String] { targets.filter { !Self.isPlace($0) } }

    /// The case files and folders among the targets, or the current folder.
    var places: [String] {
        let places = targets.filter(Self.isPlace)
        return places.isEmpty ? ["."] : places
    }

    /// Refuses both names and `--all`, or neither.
    package func validate() throws {
        if all && !names.isEmpty {
            throw ValidationError("name cases or give --all, not both (\(names.joined(separator: ", ")))")
        }
        if !all && names.isEmpty {
            throw ValidationError("name the cases, or give --all for every pending result")
        }
    }

    /// The pending results meant: every one in the places, or those of the named cases.
    /// - Throws: ``CommandError/noPendingResult(_:paths:)`` for a name without one.
    func pending() throws -> [PendingResult] {
        let found = try PendingResult.find(at: places)
        guard !all else { return found }
        let missing = names.filter { name in !found.contains { $0.name == name } }
        guard missing.isEmpty else { throw CommandError.noPendingResult(missing, paths: places) }
        return found.filter { names.contains($0.name) }
    }

    /// Whether `target` names a place to look in rather than a case.
    private static func isPlace(_ target: String) -> Bool {
        var isFolder: ObjCBool = false
        return target.hasSuffix(".json")
            || (FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) && isFolder.boolValue)
    }
}
