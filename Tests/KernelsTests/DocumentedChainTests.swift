import Kernels
import XCTest

/// Each output element of ``ReferenceKernels`` is the chain of fused multiply-adds that
/// ``ConvolutionKernels`` documents, in the documented order.
///
/// The chains are built here from the documentation: every element of small examples from
/// the written-out tap order below, and one element per operation term by term. The
/// inputs make partial sums round, so another order gives other bits for most elements
/// (checked: some reordering of some element's chain differs).
final class DocumentedChainTests: XCTestCase {
    private let kernels = ReferenceKernels()

    /// The documented order of the taps of a 3 x 3 kernel: kh, then kw, ascending.
    private let tapOrder = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2)]

    /// A tensor whose elements are ±(1 + u)·2^e with e in -4...4 and u on a 2^-23 grid:
    /// products of such values need 48 bits and have comparable sizes, so partial sums
    /// round differently in different orders.
    private func wideRange(_ shape: [Int], seed: UInt64) -> Tensor {
        var random = TestRandom(seed: seed)
        return Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in
            let exponent = random.int(in: -4...4)
            let sign: Float = random.int(in: 0...1) == 0 ? 1 : -1
            return sign * Float(sign: .plus, exponent: exponent, significand: 1 + abs(random.float()))
        })
    }

    /// `start`, then `acc = acc.addingProduct(a, b)` for each term in order.
    private func chain(_ start: Float, _ terms: [(Float, Float)]) -> Float {
        terms.reduce(start) { acc, term in acc.addingProduct(term.0, term.1) }
    }

    /// The terms reversed and rotated: other orders of the same terms.
    private func reorderings<T>(_ terms: [T]) -> [[T]] {
        [terms.reversed()] + (1..<max(terms.count, 1)).map { Array(terms[$0...] + terms[..<$0]) }
    }

    /// Checks every element of `actual` (row-major) against the chain `chains` gives for it,
    /// and that the chains are sensitive to their order.
    private func assertChains(_ actual: Tensor, _ chains: [(start: Float, terms: [(Float, Float)])],
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, chains.count, file: file, line: line)
        for (i, element) in chains.enumerated() {
            let documented = chain(element.start, element.terms)
            XCTAssertEqual(actual.scalars[i].bitPattern, documented.bitPattern,
                           "element \(i): \(actual.scalars[i]) vs \(documented)", file: file, line: line)
        }
        XCTAssertTrue(chains.contains { element in
            reorderings(element.terms).contains {
                chain(element.start, $0).bitPattern != chain(element.start, element.terms).bitPattern
            }
        }, "test data does not distinguish orders", file: file, line: line)
    }

    /// Element [c, y, x] of a [C, H, W] tensor, 0 for padding.
    private func at(_ t: Tensor, _ c: Int, _ y: Int, _ x: Int) -> Float {
        guard (0..<t.shape[1]).contains(y), (0..<t.shape[2]).contains(x) else { return 0 }
        return t.scalars[(c * t.shape[1] + y) * t.shape[2] + x]
    }

    /// Element [a, b, kh, kw] of a 3 x 3 kernel tensor.
    private func tap(_ w: Tensor, _ a: Int, _ b: Int, _ kh: Int, _ kw: Int) -> Float {
        w.scalars[((a * w.shape[1] + b) * 3 + kh) * 3 + kw]
    }

    func testConvolutionChains() {
        // k 3, p 1: y[co,oy,ox] starts at bias[co], then for ci, kh, kw: w[co,ci,kh,kw]·x[ci, oy+kh-1, ox+kw-1].
        let x = wideRange([3, 3, 4], seed: 11), w = wideRange([2, 3, 3, 3], seed: 12), b = wideRange([2], seed: 13)
        let y = kernels.convolve(x, weight: w, bias: b, padding: 1)
        var chains: [(start: Float, terms: [(Float, Float)])] = []
        for co in 0..<2 {
            for oy in 0..<3 {
                for ox in 0..<4 {
                    let terms = (0..<3).flatMap { ci in
                        tapOrder.map { kh, kw in (tap(w, co, ci, kh, kw), at(x, ci, oy + kh - 1, ox + kw - 1)) }
                    }
                    chains.append((b.scalars[co], terms))
                }
            }
        }
        assertChains(y, chains)
        // Term by term, y[co=0, oy=0, ox=3]: row -1 and column 4 are padding.
        var corner: [(Float, Float)] = []
        for ci in 0..<3 {
            corner += [
                (tap(w, 0, ci, 0, 0), 0), (tap(w, 0, ci, 0, 1), 0), (tap(w, 0, ci, 0, 2), 0),
                (tap(w, 0, ci, 1, 0), at(x, ci, 0, 2)), (tap(w, 0, ci, 1, 1), at(x, ci, 0, 3)), (tap(w, 0, ci, 1, 2), 0),
                (tap(w, 0, ci, 2, 0), at(x, ci, 1, 2)), (tap(w, 0, ci, 2, 1), at(x, ci, 1, 3)), (tap(w, 0, ci, 2, 2), 0),
            ]
        }
        XCTAssertEqual(y.scalars[3].bitPattern, chain(b.scalars[0], corner).bitPattern)
    }

    func testConvolutionInputGradientChains() {
        // k 3, p 1 (q = k-1-p = 1): dx[ci,y,x] starts at 0, then for co, a, b:
        // w[co,ci,2-a,2-b]·dy[co, y+a-1, x+b-1].
        let dy = wideRange([3, 3, 4], seed: 21), w = wideRange([3, 2, 3, 3], seed: 22)
        let dx = kernels.convolveInputGradient(dy, weight: w, padding: 1)
        var chains: [(start: Float, terms: [(Float, Float)])] = []
        for ci in 0..<2 {
            for y in 0..<3 {
                for x in 0..<4 {
                    let terms = (0..<3).flatMap { co in
                        tapOrder.map { a, b in (tap(w, co, ci, 2 - a, 2 - b), at(dy, co, y + a - 1, x + b - 1)) }
                    }
                    chains.append((0, terms))
                }
            }
        }
        assertChains(dx, chains)
        // Term by term, dx[ci=1, y=2, x=0]: row 3 and column -1 are padding.
        var corner: [(Float, Float)] = []
        for co in 0..<3 {
            corner += [
                (tap(w, co, 1, 2, 2), 0), (tap(w, co, 1, 2, 1), at(dy, co, 1, 0)), (tap(w, co, 1, 2, 0), at(dy, co, 1, 1)),
                (tap(w, co, 1, 1, 2), 0), (tap(w, co, 1, 1, 1), at(dy, co, 2, 0)), (tap(w, co, 1, 1, 0), at(dy, co, 2, 1)),
                (tap(w, co, 1, 0, 2), 0), (tap(w, co, 1, 0, 1), 0), (tap(w, co, 1, 0, 0), 0),
            ]
        }
        XCTAssertEqual(dx.scalars[(1 * 3 + 2) * 4 + 0].bitPattern, chain(0, corner).bitPattern)
    }

    func testConvolutionParameterGradientChains() {
        // dw[co,ci,kh,kw] starts at 0, then over (oy, ox) row-major: dy[co,oy,ox]·x[ci, oy+kh-1, ox+kw-1].
        // db[co] starts at 0 and adds dy[co,oy,ox] in row-major order.
        let dy = wideRange([2, 4, 4], seed: 31), x = wideRange([2, 4, 4], seed: 32)
        let gradients = kernels.convolveParameterGradients(dy, input: x, kernelSize: 3, padding: 1)
        var chains: [(start: Float, terms: [(Float, Float)])] = []
        for co in 0..<2 {
            for ci in 0..<2 {
                for (kh, kw) in tapOrder {
                    let terms = (0..<4).flatMap { oy in
                        (0..<4).map { ox in (at(dy, co, oy, ox), at(x, ci, oy + kh - 1, ox + kw - 1)) }
                    }
                    chains.append((0, terms))
                }
            }
        }
        assertChains(gradients.weight, chains)
        // db[co] as a chain of products with 1 (exact, so the same as plain additions).
        assertChains(gradients.bias, (0..<2).map { co in (0, dy.scalars[(16 * co)..<(16 * co + 16)].map { ($0, 1) }) })
    }

    func testTransposedConvolutionChains() {
        // y[co,oy,ox] starts at bias[co], then for ci, kh, kw with kh ≡ oy, kw ≡ ox (mod 2):
        // w[ci,co,kh,kw]·x[ci, (oy-kh)/2, (ox-kw)/2], 0 outside the input.
        let x = wideRange([3, 4, 5], seed: 41), w = wideRange([3, 2, 3, 3], seed: 42), b = wideRange([2], seed: 43)
        let y = kernels.transposedConvolve(x, weight: w, bias: b)
        var chains: [(start: Float, terms: [(Float, Float)])] = []
        for co in 0..<2 {
            for oy in 0..<9 {
                for ox in 0..<11 {
                    let terms = (0..<3).flatMap { ci in
                        tapOrder.filter { kh, kw in kh % 2 == oy % 2 && kw % 2 == ox % 2 }
                            .map { kh, kw in (tap(w, ci, co, kh, kw), at(x, ci, (oy - kh) / 2, (ox - kw) / 2)) }
                    }
                    chains.append((b.scalars[co], terms))
                }
            }
        }
        assertChains(y, chains)
        // Term by term, y[co=0, oy=0, ox=10]: taps (0,0), (0,2), (2,0), (2,2) read x[ci,0,5] (outside),
        // x[ci,0,4], and row -1 twice (outside).
        let corner: [(Float, Float)] = (0..<3).flatMap { ci -> [(Float, Float)] in
            [(tap(w, ci, 0, 0, 0), 0), (tap(w, ci, 0, 0, 2), at(x, ci, 0, 4)), (tap(w, ci, 0, 2, 0), 0),
             (tap(w, ci, 0, 2, 2), 0)]
        }
        XCTAssertEqual(y.scalars[10].bitPattern, chain(b.scalars[0], corner).bitPattern)
    }

    func testTransposedConvolutionGradientChains() {
        // dx[ci,iy,ix] starts at 0, then for co, kh, kw: w[ci,co,kh,kw]·dy[co, 2iy+kh, 2ix+kw].
        // dw[ci,co,kh,kw] starts at 0, then over (iy, ix) row-major: x[ci,iy,ix]·dy[co, 2iy+kh, 2ix+kw].
        let x = wideRange([2, 3, 3], seed: 51), w = wideRange([2, 3, 3, 3], seed: 52)
        let dy = wideRange([3, 7, 7], seed: 53)
        var inputChains: [(start: Float, terms: [(Float, Float)])] = []
        for ci in 0..<2 {
            for iy in 0..<3 {
                for ix in 0..<3 {
                    let terms = (0..<3).flatMap { co in
                        tapOrder.map { kh, kw in (tap(w, ci, co, kh, kw), at(dy, co, 2 * iy + kh, 2 * ix + kw)) }
                    }
                    inputChains.append((0, terms))
                }
            }
        }
        assertChains(kernels.transposedConvolveInputGradient(dy, weight: w), inputChains)
        var weightChains: [(start: Float, terms: [(Float, Float)])] = []
        for ci in 0..<2 {
            for co in 0..<3 {
                for (kh, kw) in tapOrder {
                    let terms = (0..<3).flatMap { iy in
                        (0..<3).map { ix in (at(x, ci, iy, ix), at(dy, co, 2 * iy + kh, 2 * ix + kw)) }
                    }
                    weightChains.append((0, terms))
                }
            }
        }
        assertChains(kernels.transposedConvolveParameterGradients(dy, input: x).weight, weightChains)
    }
}
