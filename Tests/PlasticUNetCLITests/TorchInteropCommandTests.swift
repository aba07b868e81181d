import Foundation
import HDF5Kit
import XCTest

/// `export --torch` and `import` through the command line: the round trip that `diff`
/// calls identical, a model file that trains and evaluates, and one-line errors.
final class TorchInteropCommandTests: XCTestCase {
    private func exported(in folder: URL) throws -> (model: URL, stateDict: URL) {
        let model = folder.appendingPathComponent("trained.h5")
        try EvaluationFixtures.trainSmallModel(model)
        let stateDict = folder.appendingPathComponent("state.h5")
        let export = try ToolRunner.run(["export", model.path, "--torch", stateDict.path])
        XCTAssertEqual(export.status, 0, export.stderr)
        return (model, stateDict)
    }

    func testExportThenImportIsIdenticalInParametersAndTrace() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (model, stateDict) = try exported(in: folder)
        let back = folder.appendingPathComponent("back.h5")
        let imported = try ToolRunner.run(["import", stateDict.path, "--rule", "hebb", "--alpha", "free",
                                           "--out", back.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("trace from hebb"), imported.stdout)
        let diff = try ToolRunner.run(["diff", model.path, back.path, "--only", "/parameters", "--only", "/plastic",
                                       "--only", "/trace/hebb"])
        XCTAssertEqual(diff.status, 0, diff.stdout)
        XCTAssertTrue(diff.stdout.hasSuffix("identical\n"), diff.stdout)
        // The whole files differ: the import is a new, untrained model.
        XCTAssertEqual(try ToolRunner.run(["diff", model.path, back.path]).status, 1)
    }

    func testAnImportedModelTrainsAndEvaluates() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (_, stateDict) = try exported(in: folder)
        let back = folder.appendingPathComponent("back.h5")
        XCTAssertEqual(try ToolRunner.run(["import", stateDict.path, "--rule", "hebb", "--alpha", "free",
                                           "--out", back.path]).status, 0)
        let data = EvaluationFixtures.smallData.path
        let evaluate = try ToolRunner.run(["evaluate", back.path, "--data", data, "--split", "all"])
        XCTAssertEqual(evaluate.status, 0, evaluate.stderr)
        let trained = folder.appendingPathComponent("more.h5")
        let train = try ToolRunner.run(["train", "--init", back.path, "--data", data, "--epochs", "1",
                                        "--out", trained.path])
        XCTAssertEqual(train.status, 0, train.stderr)
    }

    func testTheStateDictIsFlatFloat32UnderTheOriginalKeys() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (_, stateDict) = try exported(in: folder)
        let file = try HDF5File.open(stateDict)
        let children = try file.root.children()
        XCTAssertTrue(children.allSatisfy { $0.kind == .dataset })
        XCTAssertEqual(children.count, 104)
        XCTAssertEqual(try file.root.dataset("uconv1.uconv.1.mconv.0.weight").shape(), [2, 4, 3, 3])
        XCTAssertEqual(try file.root.dataset("eta").shape(), [1])
        XCTAssertEqual(try file.root.dataset("hebb").elementType(), .float32)
        try file.close()
    }

    func testEachWayAStateDictDoesNotFitIsOneLineNamingTheKey() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (model, stateDict) = try exported(in: folder)
        let out = folder.appendingPathComponent("out.h5")
        let importing = { (source: URL, alpha: String) in
            try ToolRunner.run(["import", source.path, "--rule", "hebb", "--alpha", alpha, "--out", out.path])
        }
        assertOneLineError(try importing(stateDict, "yoked"), containing: ["key alpha has shape 32 x 32", "--alpha free"])
        try ModelFiles.edit(stateDict) { root in
            try root.removeLink("outc.conv.bias")
            try root.createDataset("outc.conv.bias.renamed", shape: [1], values: [Float(0)])
        }
        assertOneLineError(try importing(stateDict, "free"), containing: ["missing key outc.conv.bias"])
        try ModelFiles.edit(stateDict) { root in
            try root.createDataset("outc.conv.bias", shape: [2], values: [Float(0), 0])
        }
        assertOneLineError(try importing(stateDict, "free"), containing: ["key outc.conv.bias has shape 2, expected 1"])
        try ModelFiles.edit(stateDict) { root in
            try root.removeLink("outc.conv.bias")
            try root.createDataset("outc.conv.bias", shape: [1], values: [Float(0)])
        }
        assertOneLineError(try importing(stateDict, "free"), containing: ["unexpected key outc.conv.bias.renamed"])
        assertOneLineError(try importing(model, "free"), containing: [model.path, "is not a dataset"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let text = folder.appendingPathComponent("text.h5")
        try Data("not HDF5".utf8).write(to: text)
        assertOneLineError(try importing(text, "free"), containing: [text.path])
        assertOneLineError(try importing(folder.appendingPathComponent("missing.h5"), "free"), containing: ["missing.h5"])
    }

    func testRuleNoneNeedsNoAlphaAndThePlasticRulesDo() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let model = folder.appendingPathComponent("none.h5"), stateDict = folder.appendingPathComponent("none-torch.h5")
        try ModelFiles.initialise(model, ["--rule", "none", "--width", "2", "--size", "32"])
        XCTAssertEqual(try ToolRunner.run(["export", model.path, "--torch", stateDict.path]).status, 0)
        let back = folder.appendingPathComponent("back.h5")
        let imported = try ToolRunner.run(["import", stateDict.path, "--rule", "none", "--out", back.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        assertOneLineError(try ToolRunner.run(["import", stateDict.path, "--rule", "oja", "--out", back.path]),
                           containing: ["--alpha", "rule oja"])
    }

    func testAFailedExportLeavesTheTargetAsItWas() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let target = folder.appendingPathComponent("state.h5")
        try Data("keep".utf8).write(to: target)
        let notAModel = folder.appendingPathComponent("text.h5")
        try Data("not HDF5".utf8).write(to: notAModel)
        assertOneLineError(try ToolRunner.run(["export", notAModel.path, "--torch", target.path]),
                           containing: [notAModel.path])
        let otherHDF5 = folder.appendingPathComponent("other.h5")
        let other = try HDF5File.create(at: otherHDF5)
        try other.root.createDataset("data", shape: [1], values: [Float(1)])
        try other.close()
        assertOneLineError(try ToolRunner.run(["export", otherHDF5.path, "--onnx", target.path]),
                           containing: [otherHDF5.path, "not a plastic-unet model file"])
        XCTAssertEqual(try Data(contentsOf: target), Data("keep".utf8))
        assertOneLineError(try ToolRunner.run(["export", otherHDF5.path]), containing: ["--torch", "--onnx"])
        assertOneLineError(try ToolRunner.run(["export", otherHDF5.path, "--torch", otherHDF5.path]),
                           containing: ["replace the model file"])
        assertOneLineError(try ToolRunner.run(["export", otherHDF5.path, "--torch", target.path, "--onnx", target.path]),
                           containing: ["one file"])
        assertOneLineError(try ToolRunner.run(["export", otherHDF5.path, "--torch", target.path, "--trace", "zero"]),
                           containing: ["--trace"])
    }
}
