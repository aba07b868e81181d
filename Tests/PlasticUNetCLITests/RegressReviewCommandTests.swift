import Foundation
import Kernels
import Regression
import XCTest

/// `regress review | accept | reject` on the results a failed check left, CI mode, and
/// `check --kernels`.
final class RegressReviewCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try makeTemporaryDirectory(for: self)
    }

    /// The project's oja-free case in the test's folder with one expected value nudged, and
    /// the results of its failed check pending beside it.
    private func pendingNudgedCase() throws -> (case: URL, check: ToolResult) {
        let url = try GoldenCopies.copy("oja-free", into: folder) { $0.runs[0].results.tensors["/plastic/w"]?.l2 *= 1 + 1e-9 }
        let check = try ToolRunner.run(["regress", "check", url.path])
        XCTAssertEqual(check.status, 1, check.stdout + check.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: GoldenCaseFile.obtainedURL(for: url).path))
        return (url, check)
    }

    private func bytes(_ url: URL) throws -> Data {
        try Data(contentsOf: url)
    }

    /// check fails → review shows check's table → accept makes the case pass, without
    /// running it, keeping the obtaining program → nothing pending.
    func testAFailedCheckIsReviewedAndAcceptedAndThenPasses() throws {
        let (url, check) = try pendingNudgedCase()
        let review = try ToolRunner.run(["regress", "review", folder.path])
        XCTAssertEqual(review.status, 1, review.stdout + review.stderr)
        XCTAssertTrue(review.stdout.hasPrefix("pending oja-free in \(GoldenCaseFile.obtainedURL(for: url).path) for "
                                              + "\(url.path): 1 of 665 fields moved (obtained by plastic-unet "),
                      review.stdout)
        let table = { (text: String) in
            text.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  (recorded by") }
        }
        XCTAssertEqual(table(review.stdout), table(check.stdout), "review prints check's table")
        XCTAssertTrue(review.stdout.hasSuffix("1 pending\n"), review.stdout)

        let accept = try ToolRunner.run(["regress", "accept", "oja-free", folder.path])
        XCTAssertEqual(accept.status, 0, accept.stderr)
        XCTAssertEqual(accept.stdout, "accepted oja-free into \(url.path): 1 of 665 fields changed\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: GoldenCaseFile.obtainedURL(for: url).path))
        let original = try GoldenCaseFile.read(GoldenCopies.goldens.appendingPathComponent("oja-free.json"))
        let accepted = try GoldenCaseFile.read(url)
        XCTAssertEqual(accepted.runs[0].results, original.runs[0].results)
        XCTAssertEqual(accepted.recipe.config, original.recipe.config)
        XCTAssertTrue(accepted.generator.hasPrefix("plastic-unet "))

        XCTAssertEqual(try ToolRunner.run(["regress", "check", url.path]).status, 0)
        let clean = try ToolRunner.run(["regress", "review", url.path])
        XCTAssertEqual(clean.status, 0, clean.stdout)
        XCTAssertEqual(clean.stdout, "nothing pending\n")
    }

    /// An obtained file of another recipe is refused and leaves the case as it is; reject
    /// removes pending files, those without a case among them; names without a pending
    /// result are refused.
    func testAcceptRefusesAnotherRecipeAndRejectRemovesPendingFiles() throws {
        let (url, _) = try pendingNudgedCase()
        let obtained = GoldenCaseFile.obtainedURL(for: url)
        var other = try GoldenCaseFile.read(obtained)
        other.recipe.data?.fingerprint = String(repeating: "0", count: 64)
        try Data(GoldenCaseFile.text(of: other).utf8).write(to: obtained)
        let before = try bytes(url)
        assertOneLineError(try ToolRunner.run(["regress", "accept", "oja-free", folder.path]),
                           containing: [obtained.path, "another case than oja-free"])
        XCTAssertEqual(try bytes(url), before)

        let orphan = folder.appendingPathComponent("gone.obtained.json")
        other.name = "gone"
        try Data(GoldenCaseFile.text(of: other).utf8).write(to: orphan)
        let review = try ToolRunner.run(["regress", "review", folder.path])
        XCTAssertEqual(review.status, 1)
        XCTAssertTrue(review.stdout.contains("pending gone in \(orphan.path): no case beside it any more"),
                      review.stdout)
        assertOneLineError(try ToolRunner.run(["regress", "accept", "gone", folder.path]),
                           containing: [orphan.path, "no case file beside it"])
        assertOneLineError(try ToolRunner.run(["regress", "accept", "nothing", folder.path]),
                           containing: ["no pending result of nothing in \(folder.path)"])
        assertOneLineError(try ToolRunner.run(["regress", "accept", folder.path]), containing: ["--all"])

        let reject = try ToolRunner.run(["regress", "reject", "--all", folder.path])
        XCTAssertEqual(reject.status, 0, reject.stderr)
        XCTAssertEqual(reject.stdout.split(separator: "\n").count, 2, reject.stdout)
        XCTAssertEqual(try ToolRunner.run(["regress", "review", folder.path]).stdout, "nothing pending\n")
        XCTAssertEqual(try bytes(url), before)
    }

    /// Under CI=true (or --ci), record, update and accept exit 2 and change no file; check
    /// still writes the obtained results.
    func testCIModeRefusesToWriteCases() throws {
        let (url, _) = try pendingNudgedCase()
        let obtained = GoldenCaseFile.obtainedURL(for: url)
        let before = try [url, obtained].map(bytes)
        let ci = ["CI": "true"]
        let data = GoldenCopies.goldens.appendingPathComponent("../tgs-12-s32").standardizedFileURL.path
        let recorded = folder.appendingPathComponent("new.json")
        for (arguments, environment) in [
            (["regress", "update", url.path], ci), (["regress", "update", "--ci", url.path], [:]),
            (["regress", "accept", "--all", folder.path], ci), (["regress", "accept", "--ci", "oja-free", folder.path], [:]),
            (["regress", "record", "--data", data, "--width", "1", "--epochs", "1", "--out", recorded.path], ci),
        ] {
            assertOneLineError(try ToolRunner.run(arguments, environment: environment),
                               containing: ["CI mode", arguments[1]])
            XCTAssertEqual(try [url, obtained].map(bytes), before, "\(arguments)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: recorded.path))

        try FileManager.default.removeItem(at: obtained)
        XCTAssertEqual(try ToolRunner.run(["regress", "check", url.path], environment: ci).status, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: obtained.path), "check writes its obtained results in CI")
    }

    /// --kernels all runs the case on every path this CPU has and passes; with the test-only
    /// switch perturbing the last path, it fails naming both paths and the field.
    func testEveryKernelPathGivesTheSameResultsAndADisagreementIsNamed() throws {
        let url = try GoldenCopies.copy("oja-free", into: folder)
        let paths = KernelPath.supported.map(\.rawValue)
        let agreed = try ToolRunner.run(["regress", "check", "--kernels", "all", url.path])
        XCTAssertEqual(agreed.status, 0, agreed.stdout + agreed.stderr)
        for path in paths {
            XCTAssertTrue(agreed.stdout.contains("[\(path)] pass oja-free (665 fields)\n"), agreed.stdout)
        }
        XCTAssertTrue(agreed.stdout.hasSuffix("kernel paths \(paths.joined(separator: ", ")): every case gives the "
                                              + "same results on each\n"), agreed.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: GoldenCaseFile.obtainedURL(for: url).path))

        let (first, last) = (paths[0], paths[paths.count - 1])
        let perturbed = try ToolRunner.run(["regress", "check", "--kernels", "all", url.path],
                                           environment: ["PLASTIC_UNET_TEST_PERTURB_KERNELS": last])
        XCTAssertEqual(perturbed.status, 1, perturbed.stdout + perturbed.stderr)
        XCTAssertTrue(perturbed.stdout.contains("[\(last)] FAIL oja-free: 1 of 665 fields"), perturbed.stdout)
        XCTAssertTrue(perturbed.stdout.contains("DISAGREE oja-free: kernel paths \(first) and \(last) give 1 of 665 "
                                                + "fields differently"), perturbed.stdout)
        XCTAssertTrue(perturbed.stdout.contains("  evaluation.stored.score "), perturbed.stdout)
        let obtained = try GoldenCaseFile.read(GoldenCaseFile.obtainedURL(for: url))
        let expected = try GoldenCaseFile.read(url)
        XCTAssertEqual(obtained.runs[0].results.evaluation["stored"]?.score,
                       expected.runs[0].results.evaluation["stored"]?.score.nextUp, "the failing path's results are kept")

        assertOneLineError(try ToolRunner.run(["regress", "check", "--kernels", "sse9", url.path]),
                           containing: ["sse9"])
    }
}
