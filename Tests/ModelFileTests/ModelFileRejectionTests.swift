import Foundation
import HDF5Kit
import ModelFile
import XCTest

final class ModelFileRejectionTests: XCTestCase {
    /// What `validate` says first of a file edited here: the edit broke the writer's seal.
    private let brokenSeal = "/: the seal does not match the file's bytes: the file was damaged, or changed by another "
        + "program"

    /// A valid file, then `edit` applied to it through HDF5Kit.
    private func editedFile(_ edit: (HDF5Group) throws -> Void) throws -> URL {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("m.h5")
        try ModelFileWriter.write(ModelFileFixtures.trained(rule: .hebb, alpha: .free, learnEta: false), to: url)
        let file = try HDF5File.open(url, mode: .readWrite)
        try edit(file.root)
        try file.close()
        return url
    }

    private func assertRead(_ url: URL, failsWith expected: String, file: StaticString = #filePath,
                            line: UInt = #line) {
        XCTAssertThrowsError(try ModelFileReader.read(url, using: .direct).contents, file: file, line: line) { error in
            XCTAssertEqual("\(error)", expected, file: file, line: line)
        }
    }

    func testAnotherProgramsFileIsNotAModelFile() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("other.h5")
        let other = try HDF5File.create(at: url)
        try other.root.createDataset("data", shape: [2], values: [Float(1), 2])
        try other.close()
        let message = "\(url.path): not a plastic-unet model file (no format attribute)"
        assertRead(url, failsWith: message)
        XCTAssertThrowsError(try ModelFileValidator.validate(HDF5Reading.direct.read(url))) { XCTAssertEqual("\($0)", message) }
    }

    func testAnotherFormatOrVersionIsRefused() throws {
        let other = try editedFile { try $0.setAttribute("format", .string("keras")) }
        assertRead(other, failsWith: "\(other.path): not a plastic-unet model file (format is \"keras\")")
        let newer = try editedFile { try $0.setAttribute("format_version", .int64(2)) }
        assertRead(newer, failsWith: "\(newer.path): format_version 2 is not supported (this version reads 1)")
    }

    func testAMissingDatasetIsNamed() throws {
        let url = try editedFile { try $0.group("plastic").removeLink("w") }
        assertRead(url, failsWith: "\(url.path): /plastic/w: missing")
        XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)).map(\.description), [brokenSeal, "/plastic/w: missing"])
    }

    func testAWrongShapeOrDtypeIsNamed() throws {
        let url = try editedFile { root in
            let group = try root.group("trace")
            try group.removeLink("hebb")
            try group.createDataset("hebb", shape: [32, 31], values: [Float](repeating: 0, count: 32 * 31))
                .setAttribute("samples", .int64(0))
            try root.group("history").removeLink("train_loss")
            try root.group("history").createDataset("train_loss", shape: [3], values: [Double](repeating: 0, count: 3))
        }
        assertRead(url, failsWith: "\(url.path): /trace/hebb: shape [32, 31], expected [S, S] = [32, 32]")
        XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)).map(\.description), [
            brokenSeal,
            "/trace/hebb: shape [32, 31], expected [S, S] = [32, 32]",
            "/history/train_loss: dtype float64, expected float32",
            "/history/step_digests: shape [40, 4], expected [steps, 4] = [3, 4]",
        ])
    }

    func testAttributesAreChecked() throws {
        let url = try editedFile { root in
            try root.group("optimizer").setAttribute("step", .float64(3))
            try root.group("dataset").setAttribute("n_val", .int64(5))
            try root.group("parameters/down1.conv").dataset("weight").setAttribute("torch_name", .string("x"))
            try root.setAttribute("comment", .string("hand edited"))
        }
        XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)).map(\.description), [
            brokenSeal,
            "/: unexpected attribute comment",
            "/optimizer: attribute step has type float64, expected int64",
            "/dataset: attribute n_val is 5, expected n_val = 2",
            "/parameters/down1.conv/weight: attribute torch_name is \"x\", expected \"conv1.dconv.0.weight\"",
        ])
    }

    /// The versioning rule: an object or a config key that no rule of this version names is
    /// one a newer version wrote, and the file is refused as a whole, by the reader and by
    /// `validate` alike.
    func testAnObjectOrAConfigKeyThisVersionDoesNotKnowIsRefusedAsNewer() throws {
        let newer = "written by a newer plastic-unet (plastic-unet 0.9.0); this is \(PlasticUNetVersion.current), "
            + "which does not know"
        let objects = try editedFile { root in
            try root.setAttribute("generator", .string("plastic-unet 0.9.0"))
            try root.group("plastic").createDataset("extra", shape: [1], values: [Float(0)])
            try root.createGroup("notes").createDataset("text", strings: ["hello"])
        }
        assertRead(objects, failsWith: "\(objects.path): \(newer) the group /notes")
        XCTAssertThrowsError(try ModelFileValidator.validate(HDF5Reading.direct.read(objects))) { error in
            XCTAssertEqual("\(error)", "\(objects.path): \(newer) the group /notes")
        }
        let key = try editedFile { root in
            try root.setAttribute("generator", .string("plastic-unet 0.9.0"))
            guard let config = try root.attribute("config")?.stringValue else { return XCTFail("no config") }
            try root.setAttribute("config", .string(String(config.dropLast()) + #","dilation":2}"#))
        }
        assertRead(key, failsWith: "\(key.path): \(newer) the config key \"dilation\"")
        XCTAssertThrowsError(try ModelFileValidator.validate(HDF5Reading.direct.read(key))) { error in
            XCTAssertEqual("\(error)", "\(key.path): \(newer) the config key \"dilation\"")
        }
    }

    func testObjectsOfAnotherRuleAreNotExpected() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("none.h5")
        try ModelFileWriter.write(ModelFileFixtures.trained(rule: .none, alpha: .free, learnEta: false), to: url)
        let file = try HDF5File.open(url, mode: .readWrite)
        try file.root.group("plastic").createDataset("eta", shape: [1], values: [Float(0.01)])
        try file.close()
        XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)).map(\.description), [
            brokenSeal,
            "/plastic/eta: not expected in this file (only when rule is hebb or oja)",
        ])
    }

    func testAnUnusableConfigIsReportedOnTheRoot() throws {
        let url = try editedFile { try $0.setAttribute("config", .string(#"{"rule":"oja"}"#)) }
        XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)).map(\.description),
                       [brokenSeal, #"/: attribute config: missing key "alpha""#])
    }
}
