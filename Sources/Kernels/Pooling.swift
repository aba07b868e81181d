/// Max pooling over 2 x 2 windows with stride 2, with PyTorch's choice of maximum.
package enum Pooling {
    /// Windows handled together, one per vector lane.
    private typealias Windows = SIMD8<Float>

    /// 2x2 max-pool, stride 2, floor (101 -> 50): output `[C, H/2, W/2]`, and for each output
    /// element the flat index into `x` of its maximum.
    ///
    /// The maximum of a window is found as PyTorch does: the window is scanned in row-major
    /// order and an element replaces the current maximum when it is greater or is NaN
    /// (`val > max || isnan(val)`), starting from -infinity at the first element. So among
    /// equal values the FIRST wins (+0.0 and -0.0 are equal), a window with NaN yields its
    /// last NaN, and a window of -infinity yields its first element. The last row and column
    /// of an odd-sized input belong to no window.
    /// - Parameter x: `[C, H, W]`, or a batch `[N, C, H, W]` (pooled plane by plane alike).
    /// - Returns: the maxima `[C, H/2, W/2]` (`[N, C, H/2, W/2]`) and, in the same order,
    ///   their indices into `x.scalars`.
    /// - Complexity: O(N·C·H·W).
    package static func maxPool2x2(_ x: Tensor) -> (output: Tensor, argmax: [Int32]) {
        precondition(x.shape.count == 3 || x.shape.count == 4,
                     "max-pool input must be [C, H, W] or [N, C, H, W], got \(x.shape)")
        precondition(x.count <= Int(Int32.max), "max-pool input of \(x.count) elements is too large")
        let (height, width) = (x.shape[x.shape.count - 2], x.shape[x.shape.count - 1])
        let channels = x.shape.dropLast(2).reduce(1, *)
        let (outputHeight, outputWidth) = (height / 2, width / 2)
        let count = channels * outputHeight * outputWidth
        var argmax = [Int32](repeating: 0, count: count)
        var output = Tensor(shape: x.shape.dropLast(2) + [outputHeight, outputWidth])
        output.scalars.withWriter { maxima in
            argmax.withWriter { indices in
                x.scalars.withReader { x in
                    for row in 0..<(channels * outputHeight) {
                        let (c, oy) = row.quotientAndRemainder(dividingBy: outputHeight)
                        let top = (c * height + 2 * oy) * width
                        let out = row * outputWidth
                        var ox = 0
                        while 2 * (ox + Windows.scalarCount) <= width {
                            poolWindows(x, top: top + 2 * ox, width: width, maxima: maxima, indices: indices,
                                        at: out + ox)
                            ox += Windows.scalarCount
                        }
                        for ox in ox..<outputWidth {
                            let best = windowMaximum(x, at: top + 2 * ox, width: width)
                            maxima[out + ox] = x[best]
                            indices[out + ox] = Int32(truncatingIfNeeded: best)
                        }
                    }
                }
            }
        }
        return (output, argmax)
    }

    /// The maxima of `Windows.scalarCount` neighbouring windows, whose top-left elements are
    /// `top`, `top + 2`, …, each chosen as ``windowMaximum(_:at:width:)`` does, with vector
    /// selections instead of branches (random data would mispredict them).
    @inline(__always)
    private static func poolWindows(_ x: BufferReader<Float>, top: Int, width: Int, maxima: BufferWriter<Float>,
                                    indices: BufferWriter<Int32>, at out: Int) {
        let upper: SIMD16<Float> = x.vector(at: top)
        let lower: SIMD16<Float> = x.vector(at: top + width)
        var maximum = upper.evenHalf
        var position = SIMD8<Int32>(repeating: 0)
        func consider(_ candidate: Windows, offset: Int) {
            let replaces = (candidate .> maximum) .| (candidate .!= candidate)
            maximum.replace(with: candidate, where: replaces)
            position.replace(with: Int32(truncatingIfNeeded: offset), where: replaces)
        }
        consider(upper.oddHalf, offset: 1)
        consider(lower.evenHalf, offset: width)
        consider(lower.oddHalf, offset: width + 1)
        for lane in 0..<Windows.scalarCount {
            maxima[out + lane] = maximum[lane]
            indices[out + lane] = Int32(truncatingIfNeeded: top + 2 * lane) + position[lane]
        }
    }

    /// The index of the maximum of the 2 x 2 window whose first element is `first`:
    /// scanning in row-major order, an element replaces the maximum when
    /// `value > maximum || value.isNaN`, starting from the first element (the same as
    /// starting from -infinity).
    private static func windowMaximum(_ x: BufferReader<Float>, at first: Int, width: Int) -> Int {
        var best = first
        for k in 1..<4 {
            let index = first + (k / 2) * width + k % 2
            if x[index] > x[best] || x[index].isNaN {
                best = index
            }
        }
        return best
    }

    /// The gradient of ``maxPool2x2(_:)``: zeros of `inputShape`, then each output gradient
    /// added to the input element that was its window's maximum (`dx[argmax[i]] += dy[i]`,
    /// which is PyTorch's arithmetic, so a gradient of -0.0 arrives as +0.0).
    /// - Parameters:
    ///   - outputGradient: `[C, H/2, W/2]`.
    ///   - argmax: the indices returned with the forward output.
    ///   - inputShape: `[C, H, W]`, the shape of the forward input.
    /// - Returns: the gradient with respect to the input, of `inputShape`.
    /// - Complexity: O(C·H·W).
    package static func maxPool2x2Gradient(_ outputGradient: Tensor, argmax: [Int32], inputShape: [Int]) -> Tensor {
        precondition(inputShape.count == 3
                     && outputGradient.shape == [inputShape[0], inputShape[1] / 2, inputShape[2] / 2],
                     "gradient \(outputGradient.shape) does not match a max-pool of \(inputShape)")
        precondition(argmax.count == outputGradient.count,
                     "\(argmax.count) indices for \(outputGradient.count) gradients")
        var inputGradient = Tensor(shape: inputShape)
        inputGradient.scalars.withWriter { dx in
            outputGradient.scalars.withReader { dy in
                for (i, index) in argmax.enumerated() {
                    dx[Int(index)] += dy[i]
                }
            }
        }
        return inputGradient
    }
}
