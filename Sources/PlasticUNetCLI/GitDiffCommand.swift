import ArgumentParser
import Checksums
import Foundation
import ModelDiff
import Reports

/// `plastic-unet git-diff`: git's external diff interface, so that `git diff` shows what
/// changed in a model file instead of "Binary files differ".
package struct GitDiffCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "git-diff",
        abstract: "Show what changed in a model file between two versions, as git's external diff driver.",
        discussion: """
        git runs it with seven arguments (the path, then the old file, its blob hex and mode, then the new \
        file, its hex and mode; two more for a rename); set it up once per repository:

          echo '*.h5 diff=plastic-unet' >> .gitattributes
          git config diff.plastic-unet.command 'plastic-unet git-diff'

        For two HDF5 files it prints diff's report with the default tolerance 0: for model files the \
        config keys that changed, the "what moved" table of every tensor and the verdict; for other HDF5 \
        files their structure and values. For a file added or deleted (/dev/null on one side) it prints \
        inspect's listing of the other side; for a git-lfs pointer the pointer (the object is not read); \
        for any other file its size and SHA-256. git log -p and git show need --ext-diff to use it.

        Exit codes: 0 shown (git stops with "external diff died" on anything else, so every file that can \
        be shown is); 2 not the arguments git gives.
        """)

    /// The path in the repository.
    @Argument(help: ArgumentHelp("The path in the repository.", valueName: "path"))
    package var path: String

    /// The old and new sides as git gives them: file, blob hex, mode each; a rename adds
    /// the new path and git's similarity header.
    @Argument(help: ArgumentHelp("old-file old-hex old-mode new-file new-hex new-mode [new-path header]",
                                 valueName: "side"))
    package var sides: [String]

    /// A command as the parser fills it.
    package init() {}

    /// The file that stands for the absent side of an added or deleted file.
    static let absent = "/dev/null"

    /// Refuses anything but git's six or eight arguments after the path.
    package func validate() throws {
        guard sides.count == 6 || sides.count == 8 else {
            throw ValidationError("git-diff takes the 7 (or 9) arguments git's external diff interface gives, got "
                                  + "\(sides.count + 1)")
        }
    }

    /// Prints the header and the comparison or listing.
    package func run() throws {
        let (oldFile, newFile) = (sides[0], sides[3])
        let newPath = sides.count == 8 ? sides[6] : path
        print("plastic-unet git-diff a/\(path) b/\(newPath)")
        switch (oldFile == Self.absent, newFile == Self.absent) {
        case (true, true): return
        case (true, false):
            print("new file b/\(newPath)")
            print(Self.listing(of: newFile), terminator: "")
        case (false, true):
            print("deleted file a/\(path)")
            print(Self.listing(of: oldFile), terminator: "")
        case (false, false):
            print(Self.comparison(oldFile, newFile, names: ("a/" + path, "b/" + newPath)), terminator: "")
        }
    }

    /// diff's report of two HDF5 files, or the listing of each side when one is not HDF5.
    static func comparison(_ old: String, _ new: String, names: (String, String)) -> String {
        let reading = ProgramReading.commands
        let options = FileDiff.Options(tolerance: Tolerance(absolute: 0, relative: 0), only: [], hashFiles: false)
        if let a = try? reading.read(URL(fileURLWithPath: old)), let b = try? reading.read(URL(fileURLWithPath: new)),
           let report = try? FileDiff.compare(a, b, options: options, behaviour: nil, digests: nil) {
            return DiffReportText.text(of: report, names: names)
        }
        return "--- \(names.0): " + listing(of: old) + "+++ \(names.1): " + listing(of: new)
    }

    /// The first line of a git-lfs pointer file.
    static let lfsPointerStart = "version https://git-lfs.github.com/spec/"

    /// inspect's listing of an HDF5 file, a git-lfs pointer as it is, or the size and
    /// SHA-256 of any other file.
    static func listing(of file: String) -> String {
        if let inspection = try? FileInspection(url: URL(fileURLWithPath: file)) {
            return inspection.text() + "\n"
        }
        guard let bytes = FileManager.default.contents(atPath: file) else { return "cannot be read\n" }
        if bytes.count < 1024, let text = String(data: bytes, encoding: .utf8), text.hasPrefix(lfsPointerStart) {
            return "a git-lfs pointer (its object is not read):\n" + text
        }
        return "\(bytes.count) bytes, sha256 \(SHA256.hash(bytes).hex) (not an HDF5 file)\n"
    }
}
