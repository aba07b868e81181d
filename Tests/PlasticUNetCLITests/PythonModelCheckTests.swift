import Foundation
import XCTest

/// Reads a model file with h5py (Tests/Python/check_model.py), an implementation
/// independent of this package's HDF5 code.
final class PythonModelCheckTests: XCTestCase {
    private static let script = PackageFiles.url("Tests/Python/check_model.py")

    func testH5pyReadsTheModelFile() throws {
        let folder = try makeTemporaryDirectory(for: self)
        try requireExternalTool("python3 with h5py and numpy",
                                isAvailable: try runExternal("python3", ["-c", "import h5py, numpy"], in: folder).status == 0)
        let url = folder.appendingPathComponent("small.h5")
        try ModelFiles.initialise(url, ["--width", "2", "--size", "32", "--rule", "hebb", "--alpha", "yoked",
                                        "--learn-eta"])
        let check = try runExternal("python3", [Self.script.path, url.path, "width=2", "size=32", #"rule="hebb""#,
                                #"alpha="yoked""#, "learn_eta=true"], in: folder)
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertEqual(check.output, "ok\n")
    }
}
