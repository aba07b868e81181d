import Foundation
import XCTest

final class HelpTests: XCTestCase {
    func testHelpExitsZeroAndUnknownSubcommandsExitTwo() throws {
        let help = try ToolRunner.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: plastic-unet"), help.stdout)
        assertOneLineError(try ToolRunner.run(["no-such-command"]), containing: ["no-such-command", "--help"])
    }

    /// A usage error is one line that points to the help, not the whole usage text.
    func testUsageErrorsAreOneLine() throws {
        assertOneLineError(try ToolRunner.run(["train", "--no-such-option"]), containing: ["--no-such-option", "--help"])
        assertOneLineError(try ToolRunner.run(["init"]), containing: ["--out"])
    }

    /// Every `plastic-unet COMMAND` that a help text or the README's code shows is a
    /// subcommand that exists.
    func testHelpTextsAndTheReadmeNameOnlyCommandsThatExist() throws {
        let root = try ToolRunner.run(["--help"]).stdout
        let commands = Self.subcommands(in: root)
        XCTAssertTrue(commands.isSuperset(of: ["train", "evaluate", "init", "data"]), "\(commands)")
        // The README in prose says "plastic-unet trains ..."; its commands are in code.
        let readme = try String(contentsOf: PackageFiles.url("README.md"), encoding: .utf8)
        let code = { (fence: String) in
            readme.components(separatedBy: fence).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        }
        var texts = [root] + code("`") + code("```")
        for command in commands.sorted() {
            let help = try ToolRunner.run(["help", command])
            XCTAssertEqual(help.status, 0, command)
            texts.append(help.stdout)
            for subcommand in Self.subcommands(in: help.stdout) {
                texts.append(try ToolRunner.run([command, subcommand, "--help"]).stdout)
            }
        }
        let named = try NSRegularExpression(pattern: "plastic-unet ([a-z][a-z-]*)")
        for text in texts {
            for match in named.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let word = String(text[Range(match.range(at: 1), in: text)!])
                XCTAssertTrue(commands.contains(word) || word == "help", "plastic-unet \(word) is no command")
            }
        }
    }

    /// The names listed under SUBCOMMANDS in a help text.
    private static func subcommands(in help: String) -> Set<String> {
        guard let section = help.components(separatedBy: "SUBCOMMANDS:").dropFirst().first else { return [] }
        return Set(section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        })
    }
}
