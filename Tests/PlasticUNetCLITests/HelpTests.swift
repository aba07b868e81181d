import XCTest

final class HelpTests: XCTestCase {
    func testHelpExitsZeroAndUnknownSubcommandsExitTwo() throws {
        let help = try ToolRunner.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: plastic-unet"), help.stdout)
        let unknown = try ToolRunner.run(["no-such-command"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("plastic-unet: error:"), unknown.stderr)
    }
}
