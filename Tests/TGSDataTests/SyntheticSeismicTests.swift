import TGSData
import XCTest

final class SyntheticSeismicTests: XCTestCase {
    func testImagesDependOnSizeSeedAndNumberOnly() {
        let generator = SyntheticSeismic(size: 24, seed: 9)
        let five = generator.samples(count: 5)
        XCTAssertEqual(SyntheticSeismic(size: 24, seed: 9).samples(count: 5), five)
        XCTAssertEqual(generator.samples(count: 3), Array(five.prefix(3)), "image i does not depend on the count")
        XCTAssertEqual(generator.sample(number: 4), five[4])
        XCTAssertNotEqual(SyntheticSeismic(size: 24, seed: 10).sample(number: 0).image, five[0].image)
    }

    /// About 39% of the images are empty and the others spread over the coverage classes.
    func testTwoHundredImagesCoverTheClasses() {
        let classes = SyntheticSeismic(size: 32, seed: 1).samples(count: 200).map { CoverageClass.of(mask: $0.mask) }
        let emptyFraction = Double(classes.count(where: { $0 == 0 })) / 200
        XCTAssertTrue((0.3...0.5).contains(emptyFraction), "\(emptyFraction)")
        XCTAssertGreaterThanOrEqual(Set(classes.filter { $0 > 0 }).count, 8)
    }

    func testIDsAreDistinctTenDigitHexNames() {
        let ids = SyntheticSeismic(size: 16, seed: 4).samples(count: 50).map(\.id)
        XCTAssertEqual(Set(ids).count, 50)
        for id in ids {
            XCTAssertEqual(id.count, 10)
            XCTAssertTrue(id.allSatisfy { $0.isHexDigit && !$0.isUppercase }, id)
        }
    }

    /// Salt is told apart by texture, not brightness: across images with salt and
    /// sediment, the mean intensity inside the salt is within a few levels of the mean
    /// outside, while its spread (standard deviation) is smaller in nearly every image.
    func testSaltDiffersInTextureNotInMeanIntensity() {
        var meanGaps: [Double] = [], quieter = 0, mixed = 0
        for sample in SyntheticSeismic(size: 48, seed: 6).samples(count: 60) {
            let salt = zip(sample.image.pixels, sample.mask).filter { $0.1 == 1 }.map { Double($0.0) }
            let rest = zip(sample.image.pixels, sample.mask).filter { $0.1 == 0 }.map { Double($0.0) }
            guard salt.count > 200, rest.count > 200 else { continue }
            mixed += 1
            meanGaps.append(abs(mean(salt) - mean(rest)))
            if deviation(salt) < deviation(rest) { quieter += 1 }
        }
        XCTAssertGreaterThan(mixed, 10)
        XCTAssertLessThan(mean(meanGaps), 4, "mean gap in 8-bit levels")
        XCTAssertGreaterThanOrEqual(Double(quieter), 0.9 * Double(mixed))
    }

    private func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    private func deviation(_ values: [Double]) -> Double {
        let center = mean(values)
        return (values.reduce(0) { $0 + ($1 - center) * ($1 - center) } / Double(values.count)).squareRoot()
    }
}
