import Kernels
import XCTest

/// ``ReferenceKernels`` on examples small enough to compute by hand. The values are
/// small integers, so every result is exact whatever the order of the sums.
final class ReferenceKernelsHandComputedTests: XCTestCase {
    private let kernels = ReferenceKernels()

    /// x = 1 2 3 / 4 5 6 / 7 8 9 (one channel).
    private let image = Tensor(shape: [1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
    /// An asymmetric 3x3 kernel: 1 at (0,0), 10 at (0,1), 100 at (2,2), so that a flipped
    /// or transposed kernel gives other numbers.
    private let asymmetric = Tensor(shape: [1, 1, 3, 3], scalars: [1, 10, 0, 0, 0, 0, 0, 0, 100])

    /// A delta at (row, column) in a [1, 3, 3] tensor.
    private func delta(_ row: Int, _ column: Int, size: Int = 3) -> Tensor {
        var t = Tensor(shape: [1, size, size])
        t.scalars[row * size + column] = 1
        return t
    }

    func testConvolution3x3Padding1() {
        // y[oy,ox] = 0.5 + x[oy-1,ox-1] + 10·x[oy-1,ox] + 100·x[oy+1,ox+1], zero outside:
        // y[0,0] = 100·5 = 500, y[0,1] = 100·6 = 600, y[0,2] = 0 (x[1,3] is padding),
        // y[1,0] = 10·1 + 100·8 = 810, y[1,1] = 1 + 20 + 900 = 921, y[1,2] = 2 + 30 = 32,
        // y[2,0] = 10·4 = 40, y[2,1] = 4 + 50 = 54, y[2,2] = 5 + 60 = 65; each plus 0.5.
        let y = kernels.convolve(image, weight: asymmetric, bias: Tensor(shape: [1], scalars: [0.5]), padding: 1)
        XCTAssertEqual(y.shape, [1, 3, 3])
        XCTAssertEqual(y.scalars, [500.5, 600.5, 0.5, 810.5, 921.5, 32.5, 40.5, 54.5, 65.5])
    }

    func testConvolution3x3WithoutPaddingShrinksTheImage() {
        // Only y[1,1] of the padded case survives, at [0,0]: 1 + 20 + 900.
        let y = kernels.convolve(image, weight: asymmetric, bias: Tensor(shape: [1]), padding: 0)
        XCTAssertEqual(y.shape, [1, 1, 1])
        XCTAssertEqual(y.scalars, [921])
    }

    func testConvolution1x1MixesChannels() {
        // Channels c0 = 1 2 3 4 and c1 = 10 20 30 40; y0 = 1 + 2·c0 - c1, y1 = 0.5·c0 + 0.25·c1.
        let x = Tensor(shape: [2, 2, 2], scalars: [1, 2, 3, 4, 10, 20, 30, 40])
        let w = Tensor(shape: [2, 2, 1, 1], scalars: [2, -1, 0.5, 0.25])
        let y = kernels.convolve(x, weight: w, bias: Tensor(shape: [2], scalars: [1, 0]), padding: 0)
        XCTAssertEqual(y.shape, [2, 2, 2])
        XCTAssertEqual(y.scalars, [-7, -15, -23, -31, 3, 6, 9, 12])
    }

    func testConvolutionInputGradientOfADeltaIsTheKernel() {
        // dx[y,x] = Σ dy[oy,ox]·w[y-oy+1, x-ox+1]; with dy = δ(1,1) that is w[y,x].
        let dx = kernels.convolveInputGradient(delta(1, 1), weight: asymmetric, padding: 1)
        XCTAssertEqual(dx.shape, [1, 3, 3])
        XCTAssertEqual(dx.scalars, asymmetric.scalars)
    }

    func testConvolutionInputGradientOfOnes() {
        // Each x[y,x] receives the taps that reach it from a valid output:
        // tap (0,0) reaches y ≤ 1, x ≤ 1; tap (0,1) reaches y ≤ 1; tap (2,2) reaches y ≥ 1, x ≥ 1.
        let dx = kernels.convolveInputGradient(Tensor(shape: [1, 3, 3], repeating: 1), weight: asymmetric, padding: 1)
        XCTAssertEqual(dx.scalars, [11, 11, 10, 11, 111, 110, 0, 100, 100])
    }

    func testConvolutionParameterGradients() {
        // dw[kh,kw] = Σ dy[oy,ox]·x[oy+kh-1, ox+kw-1]; with dy = δ(0,0): x[kh-1, kw-1].
        let atCorner = kernels.convolveParameterGradients(delta(0, 0), input: image, kernelSize: 3, padding: 1)
        XCTAssertEqual(atCorner.weight.shape, [1, 1, 3, 3])
        XCTAssertEqual(atCorner.weight.scalars, [0, 0, 0, 0, 1, 2, 0, 4, 5])
        XCTAssertEqual(atCorner.bias.scalars, [1])
        // With dy = 1 everywhere: the sum of x over each shifted window, e.g.
        // dw[0,0] = 1+2+4+5 = 12, dw[1,1] = 45, dw[2,2] = 5+6+8+9 = 28; db = 9.
        let ones = kernels.convolveParameterGradients(Tensor(shape: [1, 3, 3], repeating: 1), input: image,
                                                      kernelSize: 3, padding: 1)
        XCTAssertEqual(ones.weight.scalars, [12, 21, 16, 27, 45, 33, 24, 39, 28])
        XCTAssertEqual(ones.bias.scalars, [9])
    }

    /// x = 1 2 / 3 4 and w = 1…9 row-major (one channel in, one out): input (iy, ix)
    /// stamps x[iy,ix]·w onto the output at (2iy, 2ix); stamps overlap on even rows and
    /// columns.
    func testTransposedConvolutionSizeAndTapPattern() {
        let x = Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
        let w = Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let y = kernels.transposedConvolve(x, weight: w, bias: Tensor(shape: [1], scalars: [0]))
        XCTAssertEqual(y.shape, [1, 5, 5], "output is 2H+1 x 2W+1")
        // Row 0: w row 0, plus 2·(w row 0) from column 2. Row 1: only kh = 1. Row 2: all
        // four stamps meet at (2,2): 9 + 2·7 + 3·3 + 4·1. Rows 3 and 4: the stamps of row 1 of x.
        let expected: [Float] = [
            1, 2, 5, 4, 6,
            4, 5, 14, 10, 12,
            10, 14, 36, 24, 30,
            12, 15, 34, 20, 24,
            21, 24, 55, 32, 36,
        ]
        XCTAssertEqual(y.scalars, expected)
        let withBias = kernels.transposedConvolve(x, weight: w, bias: Tensor(shape: [1], scalars: [-1]))
        XCTAssertEqual(withBias.scalars, y.scalars.map { $0 - 1 })
    }

    func testTransposedConvolutionGradients() {
        let x = Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
        let w = Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        // dx[iy,ix] = Σ w[kh,kw]·dy[2iy+kh, 2ix+kw]; with dy = δ(2,2): w[2-2iy, 2-2ix].
        let dx = kernels.transposedConvolveInputGradient(delta(2, 2, size: 5), weight: w)
        XCTAssertEqual(dx.shape, [1, 2, 2])
        XCTAssertEqual(dx.scalars, [9, 7, 3, 1])
        // With dy = 1 everywhere each input sees the whole kernel: 45.
        let dxOnes = kernels.transposedConvolveInputGradient(Tensor(shape: [1, 5, 5], repeating: 1), weight: w)
        XCTAssertEqual(dxOnes.scalars, [45, 45, 45, 45])
        // dw[kh,kw] = Σ x[iy,ix]·dy[2iy+kh, 2ix+kw]; with dy = δ(2,2) only even taps:
        // (0,0) from x[1,1], (0,2) from x[1,0], (2,0) from x[0,1], (2,2) from x[0,0].
        let gradients = kernels.transposedConvolveParameterGradients(delta(2, 2, size: 5), input: x)
        XCTAssertEqual(gradients.weight.shape, [1, 1, 3, 3])
        XCTAssertEqual(gradients.weight.scalars, [4, 0, 3, 0, 0, 0, 2, 0, 1])
        XCTAssertEqual(gradients.bias.scalars, [1])
    }

    /// Signed zeros follow IEEE 754: -0 + (-0·1) stays -0, and a +0 start turns it into +0.
    func testSignedZeros() {
        let x = Tensor(shape: [1, 1, 1], scalars: [0])
        let w = Tensor(shape: [1, 1, 1, 1], scalars: [-1])
        let negativeBias = kernels.convolve(x, weight: w, bias: Tensor(shape: [1], scalars: [-0.0]), padding: 0)
        XCTAssertEqual(negativeBias.scalars[0].bitPattern, (-0.0 as Float).bitPattern)
        let positiveBias = kernels.convolve(x, weight: w, bias: Tensor(shape: [1], scalars: [0]), padding: 0)
        XCTAssertEqual(positiveBias.scalars[0].bitPattern, (0.0 as Float).bitPattern)
        // Gradients start at +0: Σ of a single -0 is +0.
        let gradients = kernels.convolveParameterGradients(Tensor(shape: [1, 1, 1], scalars: [-0.0]), input: x,
                                                           kernelSize: 1, padding: 0)
        XCTAssertEqual(gradients.bias.scalars[0].bitPattern, (0.0 as Float).bitPattern)
    }
}
