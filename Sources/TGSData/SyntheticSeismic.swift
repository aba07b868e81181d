import RandomStreams

/// Synthetic seismic images with salt, in the manner of the TGS Salt data.
///
/// Image i is drawn from `RandomStream(seed: seed, name: "synth", index: i)` alone (its
/// id from `"synth-id"`, see ``SyntheticIdentifier``), so it depends on (size, seed, i)
/// and not on how many images are made. It is:
/// - without salt with probability 0.39; otherwise a coverage class 1...10 is chosen
///   uniformly and then a salt pixel count uniformly within that class (``SaltBody``);
/// - outside the salt, layered reflectors (``SedimentLayers``);
/// - inside the salt, a weak chaotic texture: value noise with cells of 1 to 4 pixels;
/// - everywhere, bell-shaped noise, then `base + gain * amplitude`, rounded to 8 bits.
///
/// Both amplitudes have mean about 0, so the mean intensity inside the salt is about that
/// of its surroundings: only the texture tells salt apart.
package struct SyntheticSeismic: Sendable {
    /// The probability that an image has no salt.
    package static let emptyProbability = 0.39

    /// The side S of the images.
    package let size: Int
    /// The seed of the streams.
    package let seed: UInt64
    private let identifiers: SyntheticIdentifier

    /// A generator of `size` x `size` images from `seed`.
    /// - Precondition: `size >= DataSet.minimumSize`.
    package init(size: Int, seed: UInt64) {
        precondition(size >= DataSet.minimumSize, "size must be at least \(DataSet.minimumSize)")
        self.size = size
        self.seed = seed
        identifiers = SyntheticIdentifier(seed: seed)
    }

    /// Images 0 ..< `count`.
    package func samples(count: Int) -> [SyntheticSample] {
        (0..<count).map(sample(number:))
    }

    /// Image number `number` (counting from 0).
    /// - Complexity: O(S² log S).
    package func sample(number: Int) -> SyntheticSample {
        var stream = RandomStream(seed: seed, name: "synth", index: UInt64(number))
        let saltPixels = Self.saltPixelCount(pixelCount: size * size, stream: &stream)
        let depth = 50 + stream.nextInt(below: 910)
        let sediments = SedimentLayers.amplitudes(size: size, stream: &stream)
        let mask = saltPixels > 0
            ? SaltBody.mask(size: size, saltPixels: saltPixels, stream: &stream)
            : [UInt8](repeating: 0, count: size * size)
        let side = Double(size)
        let cellHeight = 1.2 + 1.0 * stream.nextDouble()
        let chaos = ValueNoise(width: side, height: side, cellWidth: cellHeight * (1 + 0.8 * stream.nextDouble()),
                               cellHeight: cellHeight, stream: &stream)
        let chaosLevel = 0.03 + 0.03 * stream.nextDouble()
        let base = 0.42 + 0.16 * stream.nextDouble()
        let gain = 0.25 + 0.08 * stream.nextDouble()
        let noiseLevel = 0.02 + 0.02 * stream.nextDouble()
        var bytes = [UInt8](repeating: 0, count: size * size)
        for y in 0..<size {
            for x in 0..<size {
                let pixel = y * size + x
                let amplitude = mask[pixel] == 1 ? chaosLevel * chaos.value(x: Double(x), y: Double(y)) : sediments[pixel]
                // The sum of three uniforms, centred and scaled to standard deviation 1: bell-shaped noise
                // without a logarithm per pixel.
                let noise = 2 * (stream.nextDouble() + stream.nextDouble() + stream.nextDouble() - 1.5)
                let value = base + gain * (amplitude + noiseLevel * noise)
                bytes[pixel] = UInt8((min(max(value, 0), 1) * 255).rounded())
            }
        }
        return SyntheticSample(id: identifiers.id(number: number), image: GrayImage(width: size, height: size, bytes: bytes),
                               mask: mask, depth: depth)
    }

    /// The data set of images 0 ..< `count`, exactly as loading them from the files
    /// ``DataSetWriter`` writes gives it.
    package func dataSet(count: Int) -> DataSet {
        DataSet(size: size, samples: samples(count: count).map(\.sample))
    }

    /// 0 with probability ``emptyProbability``; otherwise a count whose coverage class is
    /// uniform in 1...10, uniform among the counts of that class.
    private static func saltPixelCount(pixelCount: Int, stream: inout RandomStream) -> Int {
        guard stream.nextDouble() >= emptyProbability else { return 0 }
        let coverageClass = 1 + stream.nextInt(below: 10)
        // Class c holds the counts k with (c - 1) n < 10 k <= c n.
        let smallest = (coverageClass - 1) * pixelCount / 10 + 1
        let largest = coverageClass * pixelCount / 10
        return smallest + stream.nextInt(below: largest - smallest + 1)
    }
}

/// One synthetic image as it is written to a data folder.
package struct SyntheticSample: Equatable, Sendable {
    /// The id: 10 lowercase hex digits.
    package let id: String
    /// The 8-bit image.
    package let image: GrayImage
    /// The mask, row-major, 1 for salt.
    package let mask: [UInt8]
    /// The depth written to `depths.csv`.
    package let depth: Int

    /// The sample as loading it from its files gives it.
    package var sample: Sample {
        Sample(id: id, image: image.normalized, mask: mask, depth: Double(depth))
    }
}
