import Foundation
import XCTest

/// The Python scripts of `examples/`, run on files the program wrote: the ONNX export in
/// onnxruntime against `predict`, the training curves, and (where PyTorch is installed,
/// never required) the original module against `predict`.
final class PythonExamplesTests: XCTestCase {
    private static let tolerance = "1e-5"

    private func example(_ name: String) -> String { PackageFiles.url("examples/\(name)").path }
    private func check(_ name: String) -> String { PackageFiles.url("Tests/Python/\(name)").path }

    private func requirePython(_ modules: String, in folder: URL) throws {
        try requireExternalTool("python3 with \(modules)",
                                isAvailable: try runExternal("python3", ["-c", "import \(modules)"], in: folder).status == 0)
    }

    /// Trains a small model with `arguments` on the fixture data and returns its file.
    private func trainedModel(_ arguments: [String], in folder: URL, name: String) throws -> URL {
        let model = folder.appendingPathComponent("\(name).h5")
        let train = try ToolRunner.run(["train", "--data", EvaluationFixtures.smallData.path, "--width", "2",
                                        "--epochs", "1", "--out", model.path] + arguments)
        XCTAssertEqual(train.status, 0, train.stderr)
        return model
    }

    /// `predict`'s probabilities of the fixture images in `mode`.
    private func predicted(_ model: URL, mode: String, in folder: URL) throws -> URL {
        let probabilities = folder.appendingPathComponent("\(model.lastPathComponent)-\(mode)-probabilities.h5")
        let predict = try ToolRunner.run(["predict", model.path, "--images", imageFolder.path, "--trace", mode,
                                          "--out", folder.appendingPathComponent("masks-\(mode)").path,
                                          "--probabilities", probabilities.path])
        XCTAssertEqual(predict.status, 0, predict.stderr)
        return probabilities
    }

    private var imageFolder: URL { EvaluationFixtures.smallData.appendingPathComponent("train/images") }

    private func images() throws -> [String] {
        try EvaluationFixtures.imageIDs(in: imageFolder).map { imageFolder.appendingPathComponent("\($0).png").path }
    }

    private func assertSame(_ actual: URL, as probabilities: URL, in folder: URL, _ label: String) throws {
        let compare = try runExternal("python3", [check("compare_probabilities.py"), actual.path, probabilities.path,
                                                  Self.tolerance], in: folder)
        XCTAssertEqual(compare.output, "ok\n", label)
    }

    func testTheONNXExportMatchesPredictInOnnxruntime() throws {
        let folder = try makeTemporaryDirectory(for: self)
        try requirePython("onnx, onnxruntime, h5py, numpy, PIL", in: folder)
        let variants: [(name: String, arguments: [String], modes: [String])] = [
            ("oja-free", ["--rule", "oja"], ["stored", "zero", "online"]),
            ("hebb-yoked-first", ["--rule", "hebb", "--alpha", "yoked", "--trace-rows", "first"], ["online", "stored"]),
            ("none", ["--rule", "none"], ["stored"]),
        ]
        var models = try variants.map { (try trainedModel($0.arguments, in: folder, name: $0.name), $0.name, $0.modes) }
        // The PyTorch fixture: its alpha and trace are large, so a wrong plastic term shows.
        let imported = folder.appendingPathComponent("imported.h5")
        XCTAssertEqual(try ToolRunner.run(["import", PackageFiles.url("fixtures/interop/torch-oja-free-w2-s32.h5").path,
                                           "--rule", "oja", "--alpha", "free", "--out", imported.path]).status, 0)
        models.append((imported, "imported", ["stored", "zero", "online"]))
        for (model, name, modes) in models {
            for mode in modes {
                let label = "\(name) \(mode)"
                let onnx = folder.appendingPathComponent("\(name)-\(mode).onnx")
                let export = try ToolRunner.run(["export", model.path, "--onnx", onnx.path, "--trace", mode])
                XCTAssertEqual(export.status, 0, export.stderr)
                XCTAssertEqual(try runExternal("python3", [check("check_onnx.py"), onnx.path], in: folder).output,
                               "ok\n", label)
                let actual = folder.appendingPathComponent("\(name)-\(mode).npy")
                let start = mode == "online" ? ["--initial-trace", model.path] : []
                let run = try runExternal("python3", [example("onnx_predict.py"), onnx.path] + (try images()) + start
                                          + ["--out", actual.path], in: folder)
                XCTAssertEqual(run.status, 0, "\(label): \(run.output)")
                try assertSame(actual, as: try predicted(model, mode: mode, in: folder), in: folder, label)
            }
        }
    }

    func testTheTrainingCurvesArePlotted() throws {
        let folder = try makeTemporaryDirectory(for: self)
        try requirePython("matplotlib, h5py, numpy", in: folder)
        let model = try trainedModel(["--epochs", "2"], in: folder, name: "curves")
        let plot = folder.appendingPathComponent("curves.png")
        let run = try runExternal("python3", [example("plot_history.py"), model.path, "--out", plot.path], in: folder)
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(Array(try Data(contentsOf: plot).prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let missing = try runExternal("python3", [example("plot_history.py"), folder.appendingPathComponent("no.h5").path,
                                                  "--out", plot.path], in: folder)
        XCTAssertEqual(missing.status, 2, missing.output)
    }

    /// PyTorch is too large for CI: this check runs where a developer has it.
    func testTheOriginalModuleInPyTorchMatchesPredict() throws {
        let folder = try makeTemporaryDirectory(for: self)
        guard try runExternal("python3", ["-c", "import torch, h5py, numpy, PIL"], in: folder).status == 0 else {
            throw XCTSkip("PyTorch is not installed")
        }
        let model = try trainedModel(["--rule", "hebb"], in: folder, name: "torch")
        let image = try XCTUnwrap(try images().first)
        let single = folder.appendingPathComponent("single")
        try FileManager.default.createDirectory(at: single, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: image, toPath: single.appendingPathComponent("one.png").path)
        for mode in ["stored", "zero"] {
            let actual = folder.appendingPathComponent("torch-\(mode).npy")
            let run = try runExternal("python3", [example("torch_predict.py"), model.path, image, "--trace", mode,
                                                  "--out", actual.path], in: folder)
            XCTAssertEqual(run.status, 0, run.output)
            let probabilities = folder.appendingPathComponent("one-\(mode).h5")
            let predict = try ToolRunner.run(["predict", model.path, "--images", single.path, "--trace", mode,
                                              "--out", folder.appendingPathComponent("one-\(mode)").path,
                                              "--probabilities", probabilities.path])
            XCTAssertEqual(predict.status, 0, predict.stderr)
            let reshaped = try runExternal("python3", ["-c", "import numpy, sys; a = numpy.load(sys.argv[1]); "
                                                        + "numpy.save(sys.argv[1], a.reshape((1,) + a.shape[-2:]))",
                                                       actual.path], in: folder)
            XCTAssertEqual(reshaped.status, 0, reshaped.output)
            try assertSame(actual, as: probabilities, in: folder, mode)
        }
    }
}
