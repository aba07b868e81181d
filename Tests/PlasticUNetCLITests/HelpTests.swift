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
}
