import Evaluation
import Foundation
import Scoring

#if canImport(FoundationXML)
import FoundationXML
#endif
import ImageFiles
import Kernels
import ModelFile
import ModelRuns
import PlasticUNet
import TGSData
import Training
import XCTest

final class EvaluationPlotsTests: XCTestCase {
    /// Five synthetic 16 x 16 images.
    private let data = SyntheticSeismic(size: 16, seed: 3).dataSet(count: 5)

    /// An evaluation of `data` whose probabilities are given, not predicted: 0.8 on the true
    /// salt of each image, 0.3 elsewhere, and 0.6 on a band of rows that depends on the image.
    private func evaluation() -> ModelEvaluation {
        let samples = data.samples.sorted { IDOrder.precedes($0.id, $1.id) }
        let predictions = samples.enumerated().map { index, sample in
            (id: sample.id, probabilities: Tensor(shape: [16, 16], scalars: sample.mask.enumerated().map { pixel, salt in
                salt == 1 ? 0.8 : (pixel / 16 == index ? 0.6 : 0.3)
            }))
        }
        let report = Evaluator.report(
            model: nil, data: DataIdentity(fingerprint: data.fingerprint, size: 16, split: .all, imageCount: 5),
            traceMode: .stored, threshold: 0.5,
            predictions: zip(samples, predictions).map { ($1.probabilities.scalars, $0.mask, $0.id) })
        return ModelEvaluation(report: report, predictions: predictions)
    }

    /// A model of `data`'s size, with two epochs of history when `trained`.
    private func model(trained: Bool) -> ModelFileContents {
        var contents = ModelFileContents.untrained(configuration: RunConfiguration(
            model: ModelConfiguration(width: 1, size: 16), training: TrainingOptions()))
        if trained {
            contents.history = HistoryRecord(trainLoss: [0.7, 0.69, 0.65, 0.66, 0.6, 0.62],
                                             epochs: [EpochRecord(trainLoss: 0.68, validationLoss: 0.66,
                                                                  validationScore: 0.5, learningRate: 3e-4),
                                                      EpochRecord(trainLoss: 0.63, validationLoss: 0.61,
                                                                  validationScore: 0.6, learningRate: 3e-4)])
            contents.dataset = DatasetRecord(fingerprint: data.fingerprint, size: 16, trainIDs: ["a", "b", "c"],
                                             validationIDs: ["d", "e"])
        }
        return contents
    }

    func testOutlinesFollowThePixelEdges() {
        // One salt pixel at (1, 1) of 3 x 3: its four edges.
        var mask = [Bool](repeating: false, count: 9)
        mask[4] = true
        XCTAssertEqual(MaskOutline.pathData(mask, size: 3), "M1 1h1M1 2h1M1 1v1M2 1v1")
        // A full 2 x 2 mask: the border, each side one merged segment.
        XCTAssertEqual(MaskOutline.pathData([true, true, true, true], size: 2), "M0 0h2M0 2h2M0 0v2M2 0v2")
        // An L of three pixels in 2 x 2 (all but the bottom right).
        XCTAssertEqual(MaskOutline.pathData([true, true, true, false], size: 2),
                       "M0 0h2M1 1h1M0 2h1M0 0v2M1 1v1M2 0v1")
        XCTAssertEqual(MaskOutline.pathData([false, false, false, false], size: 2), "")
    }

    func testTheOverlaySampleSpreadsOverTheClasses() {
        // 10 images of class 0, 3 of class 1, 1 of class 5.
        let images = (0..<14).map { index -> ImageResult in
            let salt = index < 10 ? 0 : (index < 13 ? 5 : 45)
            return ImageResult(id: String(format: "%02d", index),
                               overlap: MaskOverlap(truthPixels: salt, predictedPixels: 0, intersection: 0),
                               pixelCount: 100, loss: nil)
        }
        // Turns: 0, 1, 5, 0, 1, 0 -> class 0 takes 3, class 1 takes 2, class 5 takes 1.
        let chosen = OverlaySelection.choose(images, limit: 6)
        XCTAssertEqual(chosen.map(\.coverageClass), [0, 0, 0, 1, 1, 5])
        // Evenly spaced within a class: positions (2j + 1) * n / (2k): 1, 5, 8 of 10; 0, 2 of 3.
        XCTAssertEqual(chosen.map(\.id), ["01", "05", "08", "10", "12", "13"])
        XCTAssertEqual(OverlaySelection.choose(images, limit: 100).count, 14)
    }

    func testThePlotsAreWellFormedSVGWithEmbeddedImages() throws {
        let files = try EvaluationPlots.files(of: evaluation(), model: model(trained: true), data: data)
        XCTAssertEqual(files.map(\.name), ["threshold-sweep.svg", "coverage.svg", "overlays.svg", "training.svg"])
        for file in files {
            let document = try XMLDocument(xmlString: file.text, options: [])
            XCTAssertEqual(document.rootElement()?.name, "svg", file.name)
        }
        let overlays = try XMLDocument(xmlString: files[2].text, options: [])
        let images = try overlays.nodes(forXPath: "//*[local-name()='image']")
        XCTAssertEqual(images.count, 5)
        for case let image as XMLElement in images {
            let uri = try XCTUnwrap(image.attribute(forName: "xlink:href")?.stringValue)
            XCTAssertTrue(uri.hasPrefix("data:image/png;base64,"))
            let png = try XCTUnwrap(Data(base64Encoded: String(uri.dropFirst("data:image/png;base64,".count))))
            let picture = try PNGFile.decode(png, name: "overlay")
            XCTAssertEqual([picture.width, picture.height, picture.bitDepth], [16, 16, 8])
        }
        let plain = try EvaluationPlots.files(of: evaluation(), model: model(trained: false), data: data)
        XCTAssertEqual(plain.map(\.name), ["threshold-sweep.svg", "coverage.svg", "overlays.svg"])
    }
}
