import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HDF5Kit
import XCTest

final class EvaluateCommandTests: XCTestCase {
    private func evaluate(_ arguments: [String]) throws -> ToolResult {
        try ToolRunner.run(["evaluate"] + arguments)
    }

    func testEvaluateAgreesWithScoreOnPredictsMasks() throws {
        let model = try SharedTrainedModel.url()
        let folder = try makeTemporaryDirectory(for: self)
        let perImage = folder.appendingPathComponent("images.csv"), json = folder.appendingPathComponent("report.json")
        let evaluation = try evaluate([model.path, "--data", EvaluationFixtures.smallData.path, "--split", "val",
                                       "--trace", "online", "--threshold", "0.45", "--json", json.path,
                                       "--per-image", perImage.path])
        XCTAssertEqual(evaluation.status, 0, evaluation.stderr)
        // The validation images alone, in a folder of their own, and their true masks.
        let ids = try String(contentsOf: perImage, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }
        XCTAssertGreaterThan(ids.count, 1)
        let images = folder.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        for id in ids {
            try FileManager.default.copyItem(at: EvaluationFixtures.smallData.appendingPathComponent("train/images/\(id).png"),
                                             to: images.appendingPathComponent("\(id).png"))
        }
        let table = try String(contentsOf: EvaluationFixtures.smallData.appendingPathComponent("train.csv"), encoding: .utf8)
        let rows = table.split(separator: "\n").filter { row in ids.contains { row.hasPrefix($0 + ",") } }
        XCTAssertEqual(rows.count, ids.count)
        let truth = folder.appendingPathComponent("truth.csv")
        try Data((["id,rle_mask"] + rows.map(String.init)).joined(separator: "\n").utf8).write(to: truth)

        let out = folder.appendingPathComponent("out")
        let prediction = try ToolRunner.run(["predict", model.path, "--images", images.path, "--out", out.path,
                                             "--trace", "online", "--threshold", "0.45"])
        XCTAssertEqual(prediction.status, 0, prediction.stderr)
        let expected = try EvaluationFixtures.jsonObject(json)
        for pred in [out.appendingPathComponent("submission.csv"), out] {
            let scored = folder.appendingPathComponent("scored.json")
            let score = try ToolRunner.run(["score", "--truth", truth.path, "--pred", pred.path, "--size", "32",
                                            "--json", scored.path])
            XCTAssertEqual(score.status, 0, score.stderr)
            let report = try EvaluationFixtures.jsonObject(scored)
            for key in ["score", "image_count"] {
                XCTAssertEqual(report[key] as? Double, expected[key] as? Double, key)
            }
            for key in ["precision", "by_coverage_class", "by_truth"] {
                XCTAssertEqual(report[key] as? NSObject, expected[key] as? NSObject, key)
            }
        }
    }

    func testTheReportsValidateAndAgreeWithAnIndependentRecount() throws {
        let model = try SharedTrainedModel.url()
        let folder = try makeTemporaryDirectory(for: self)
        for split in ["val", "all"] {
            let json = folder.appendingPathComponent("\(split).json"), perImage = folder.appendingPathComponent("\(split).csv")
            let result = try evaluate([model.path, "--data", EvaluationFixtures.smallData.path, "--split", split,
                                       "--json", json.path, "--per-image", perImage.path])
            XCTAssertEqual(result.status, 0, result.stderr)
            try EvaluationFixtures.checkReport(json, perImage: perImage, in: folder)
        }
        let untrained = folder.appendingPathComponent("untrained.h5")
        try ModelFiles.initialise(untrained, ModelFiles.smallModel + ["--rule", "oja"])
        let json = folder.appendingPathComponent("untrained.json")
        let result = try evaluate([untrained.path, "--data", EvaluationFixtures.smallData.path, "--split", "all",
                                   "--trace", "zero", "--json", json.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        try EvaluationFixtures.checkReport(json, in: folder)
    }

    func testScoreAndLossAtThresholdOneHalfAreThoseOfTheLastValidation() throws {
        let model = try SharedTrainedModel.url()
        let json = try makeTemporaryDirectory(for: self).appendingPathComponent("report.json")
        let result = try evaluate([model.path, "--data", EvaluationFixtures.smallData.path, "--json", json.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try EvaluationFixtures.jsonObject(json)
        let file = try HDF5File.open(model)
        let score = try file.root.dataset("history/epochs/val_score").read(Double.self)
        let loss = try file.root.dataset("history/epochs/val_loss").read(Double.self)
        // JSONDecoder, not JSONSerialization: the latter parses some decimals an ulp off.
        struct Numbers: Decodable { let score: Double, loss: Double }
        let numbers = try JSONDecoder().decode(Numbers.self, from: Data(contentsOf: json))
        XCTAssertEqual(numbers.score, score.last)
        XCTAssertEqual(numbers.loss, loss.last)
        XCTAssertEqual(report["trace_mode"] as? String, "stored")
        XCTAssertEqual(report["threshold"] as? Double, 0.5)
        let sha = try XCTUnwrap((report["model"] as? [String: Any])?["sha256"] as? String)
        XCTAssertEqual(sha.count, 64)
        XCTAssertTrue(result.stdout.contains("score    \(String(format: "%.4f", score.last ?? -1)) at threshold 0.50"),
                      result.stdout)
    }

    func testTheOutputsDoNotDependOnTheThreadsOrTheRun() throws {
        let model = try SharedTrainedModel.url()
        let folder = try makeTemporaryDirectory(for: self)
        var outputs: [[Data]] = []
        for (run, threads) in [1, 2, 2].enumerated() {
            let json = folder.appendingPathComponent("\(run).json"), perImage = folder.appendingPathComponent("\(run).csv")
            let plots = folder.appendingPathComponent("plots\(run)")
            let result = try evaluate([model.path, "--data", EvaluationFixtures.smallData.path, "--trace", "online",
                                       "--threads", "\(threads)", "--json", json.path, "--per-image", perImage.path,
                                       "--plots", plots.path])
            XCTAssertEqual(result.status, 0, result.stderr)
            outputs.append(try [json, perImage, plots.appendingPathComponent("overlays.svg")].map { try Data(contentsOf: $0) })
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[1], outputs[2])
        XCTAssertFalse(String(decoding: outputs[0][0], as: UTF8.self).contains(folder.path))
    }

    func testThePlotsAreWellFormedSVG() throws {
        let model = try SharedTrainedModel.url()
        let plots = try makeTemporaryDirectory(for: self).appendingPathComponent("plots/nested")
        let result = try evaluate([model.path, "--data", EvaluationFixtures.smallData.path, "--split", "all",
                                   "--plots", plots.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: plots.path).sorted()
        XCTAssertEqual(names, ["coverage.svg", "overlays.svg", "threshold-sweep.svg", "training.svg"])
        for name in names {
            let document = try XMLDocument(contentsOf: plots.appendingPathComponent(name), options: [])
            XCTAssertEqual(document.rootElement()?.name, "svg", name)
            XCTAssertTrue(result.stdout.contains("wrote \(plots.appendingPathComponent(name).path)"), result.stdout)
        }
        let overlays = try XMLDocument(contentsOf: plots.appendingPathComponent("overlays.svg"), options: [])
        XCTAssertEqual(try overlays.nodes(forXPath: "//*[local-name()='image']").count, 12)
    }

    func testAnUntrainedModelNeedsSplitAll() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let model = folder.appendingPathComponent("untrained.h5")
        try ModelFiles.initialise(model)
        let result = try evaluate([model.path, "--data", EvaluationFixtures.smallData.path])
        assertOneLineError(result, containing: ["\(model.path) records no split", "--split all"])
    }

    func testOtherDataIsRefusedForASplitAndNotedForAll() throws {
        let model = try SharedTrainedModel.url()
        let folder = try makeTemporaryDirectory(for: self)
        // The fixture without its last image: other data of the same size.
        let data = folder.appendingPathComponent("data")
        try FileManager.default.copyItem(at: EvaluationFixtures.smallData, to: data)
        let table = data.appendingPathComponent("train.csv")
        let rows = try String(contentsOf: table, encoding: .utf8).split(separator: "\n")
        try Data((rows.dropLast().joined(separator: "\n") + "\n").utf8).write(to: table)
        let json = folder.appendingPathComponent("report.json")
        try Data("old".utf8).write(to: json)
        let refused = try evaluate([model.path, "--data", data.path, "--json", json.path])
        assertOneLineError(refused, containing: ["the data is not the data \(model.path) was trained on", "--split all"])
        XCTAssertEqual(try String(contentsOf: json, encoding: .utf8), "old")
        let accepted = try evaluate([model.path, "--data", data.path, "--split", "all", "--json", json.path])
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        XCTAssertTrue(accepted.stderr.hasPrefix("plastic-unet: note: the data (fingerprint "), accepted.stderr)
        XCTAssertEqual((try EvaluationFixtures.jsonObject(json))["image_count"] as? Int, 11)
    }

    func testBadInputStopsWithOneLineAndWritesNothing() throws {
        let model = try SharedTrainedModel.url()
        let folder = try makeTemporaryDirectory(for: self)
        let json = folder.appendingPathComponent("report.json")
        let missing = folder.appendingPathComponent("missing.h5")
        assertOneLineError(try evaluate([missing.path, "--json", json.path]), containing: [missing.path])
        let corrupt = folder.appendingPathComponent("corrupt.h5")
        try Data("not a model".utf8).write(to: corrupt)
        assertOneLineError(try evaluate([corrupt.path, "--json", json.path]), containing: [corrupt.path, "not an HDF5 file"])
        assertOneLineError(try evaluate([model.path, "--json", json.path]), containing: ["images are 101 x 101", "32 x 32"])
        assertOneLineError(try evaluate([model.path, "--threshold", "1.5"]), containing: ["--threshold must be in [0, 1]"])
        assertOneLineError(try evaluate([model.path, "--split", "test"]), containing: ["'val', 'train' or 'all'"])
        assertOneLineError(try evaluate([model.path, "--data", EvaluationFixtures.smallData.path,
                                         "--json", folder.appendingPathComponent("no/such/report.json").path]),
                           containing: ["no/such/report.json", "does not exist"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: json.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["corrupt.h5"])
    }
}
