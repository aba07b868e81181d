import Kernels
import PlasticUNet
import Scoring
import XCTest

/// The `stored` and `zero` modes predict several images at once (a share on each thread,
/// the first stages image by image where the batch's activations are large), with the
/// Winograd layers' weights transformed once; each image still gets the bits of its own
/// pass, whatever the batch cut and the threads.
final class BatchedPredictionTests: XCTestCase {
    private var configuration = ModelConfiguration(rule: .hebb, width: 2, size: 20)

    /// A model whose trace is not zero, so that `stored` and `zero` differ.
    private func predictor(threads: Int) -> Predictor {
        let parameters = ParameterSet.initialised(for: configuration, seed: 3)
        let size = configuration.size
        let trace = PlasticTrace(hebb: Tensor(shape: [size, size],
                                              scalars: (0..<size * size).map { Float($0 % 7) / 10 - 0.3 }),
                                 etaSensitivity: nil, samples: 9)
        return Predictor(network: PlasticNetwork(configuration: configuration,
                                                 kernels: FastKernels(threadCount: threads)),
                         parameters: parameters, storedTrace: trace)
    }

    /// Eleven images: two batches of four and one of three.
    private var images: [(id: String, image: [Float])] {
        let pixels = configuration.size * configuration.size
        return (0..<11).map { n in
            (id: "image\(n)", image: (0..<pixels).map { Float(($0 * 31 + n * 17) % 101) / 100 })
        }
    }

    func testEachImageOfABatchHasTheBitsOfItsOwnPass() {
        assertEachImageHasTheBitsOfItsOwnPass()
    }

    /// At side 20 the two shallowest stages (sides 20 and 10) compute with Winograd's
    /// arithmetic, from the weights that the predictor prepared; the single passes
    /// transform them on each call.
    func testEachImageOfABatchHasTheBitsOfItsOwnPassWithWinograd() {
        configuration.convolution = .winograd
        assertEachImageHasTheBitsOfItsOwnPass()
    }

    /// At side 256 and width 2 the first stage's output for a batch of 3 or more images
    /// (2 x 256 x 256 floats each) exceeds the megabyte that a batch's activations may take,
    /// so that stage runs image by image and the rest together; for 8 images the second
    /// stage too.
    func testTheFirstStagesOfLargeImagesRunImageByImageWithTheBitsOfEachImagesPass() {
        configuration.size = 256
        let predictor = predictor(threads: 1)
        let network = predictor.network
        XCTAssertEqual([1, 2, 3, 4, 8].map { network.imageByImageStages(batch: $0) }, [0, 0, 1, 1, 2])
        assertEachImageHasTheBitsOfItsOwnPass()
        // Eight images in one pass: two stages image by image.
        let eight = images.prefix(8).map { Tensor(shape: [256, 256], scalars: $0.image) }
        let together = network.probabilities(of: eight, parameters: network.prepared(predictor.parameters),
                                             trace: nil)
        for (image, probabilities) in zip(eight, together) {
            let alone = network.forward(image: image, parameters: predictor.parameters, trace: nil).probabilities
            XCTAssertEqual(probabilities.scalars.map(\.bitPattern), alone.scalars.map(\.bitPattern))
        }
    }

    private func assertEachImageHasTheBitsOfItsOwnPass() {
        let reference = predictor(threads: 1)
        for mode in [TraceMode.stored, .zero] {
            let trace = mode == .zero ? PlasticTrace.zero(for: configuration) : reference.storedTrace
            for threads in [1, 2, 3] {
                let predictions = predictor(threads: threads).predict(images, traceMode: mode)
                XCTAssertEqual(predictions.count, images.count)
                XCTAssertEqual(Set(predictions.map(\.id)), Set(images.map(\.id)))
                for (id, probabilities) in predictions {
                    let image = images.first { $0.id == id }!.image
                    let alone = reference.network.forward(
                        image: Tensor(shape: [configuration.size, configuration.size], scalars: image),
                        parameters: reference.parameters, trace: trace).probabilities
                    XCTAssertEqual(probabilities.scalars.map(\.bitPattern), alone.scalars.map(\.bitPattern),
                                   "\(mode), \(threads) threads, \(id)")
                }
            }
        }
    }

    func testTheStreamPredictsTheModesIndependentImagesTogetherAndOnlineOneByOne() {
        let predictor = predictor(threads: 2)
        XCTAssertEqual(predictor.stream(traceMode: .stored).batchSize, 2 * PredictionStream.imagesPerThread)
        XCTAssertEqual(predictor.stream(traceMode: .zero).batchSize, 2 * PredictionStream.imagesPerThread)
        XCTAssertEqual(predictor.stream(traceMode: .online).batchSize, 1)
        // Online: a batch handed to the stream is still one image after the other.
        var together = predictor.stream(traceMode: .online)
        var oneByOne = predictor.stream(traceMode: .online)
        let batch = together.next(images.prefix(3).map(\.image))
        for (image, probabilities) in zip(images.prefix(3), batch) {
            XCTAssertEqual(oneByOne.next([image.image]), [probabilities])
        }
    }
}
