/// Max pooling over 2 x 2 windows with stride 2, with PyTorch's choice of maximum.
public enum Pooling {
    /// 2x2 max-pool, stride 2, floor (101 -> 50): output `[C, H/2, W/2]`, and for each output
    /// element the flat index into `x` of its maximum.
    ///
    /// The maximum of a window is found as PyTorch does: the window is scanned in row-major
    /// order and an element replaces the current maximum when it is greater or is NaN
    /// (`val > max || isnan(val)`), starting from -infinity at the first element. So among
    /// equal values the FIRST wins (+0.0 and -0.0 are equal), a window with NaN yields its
    /// last NaN, and a window of -infinity yields its first element. The last row and column
    /// of an odd-sized input belong to no window.
    /// - Parameter x: `[C, H, W]`.
    /// - Returns: the maxima `[C, H/2, W/2]` and, in the same order, their indices into
    ///   `x.scalars`.
    /// - Complexity: O(C·H·W).
    public static func maxPool2x2(_ x: Tensor) -> (output: Tensor, argmax: [Int32]) {
        precondition(x.shape.count == 3, "max-pool input must be [C, H, W], got \(x.shape)")
        precondition(x.count <= Int(Int32.max), "max-pool input of \(x.count) elements is too large")
        let (channels, height, width) = (x.shape[0], x.shape[1], x.shape[2])
        let (outputHeight, outputWidth) = (height / 2, width / 2)
        var output = Tensor(shape: [channels, outputHeight, outputWidth])
        var argmax = [Int32](repeating: 0, count: output.count)
        var i = 0
        for c in 0..<channels {
            for oy in 0..<outputHeight {
                for ox in 0..<outputWidth {
                    let first = (c * height + 2 * oy) * width + 2 * ox
                    var best = first
                    var maximum = -Float.infinity
                    for row in stride(from: first, through: first + width, by: width) {
                        for index in row...(row + 1) {
                            let value = x.scalars[index]
                            if value > maximum || value.isNaN {
                                maximum = value
                                best = index
                            }
                        }
                    }
                    output.scalars[i] = x.scalars[best]
                    argmax[i] = Int32(best)
                    i += 1
                }
            }
        }
        return (output, argmax)
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
    public static func maxPool2x2Gradient(_ outputGradient: Tensor, argmax: [Int32], inputShape: [Int]) -> Tensor {
        precondition(inputShape.count == 3
                     && outputGradient.shape == [inputShape[0], inputShape[1] / 2, inputShape[2] / 2],
                     "gradient \(outputGradient.shape) does not match a max-pool of \(inputShape)")
        precondition(argmax.count == outputGradient.count,
                     "\(argmax.count) indices for \(outputGradient.count) gradients")
        var inputGradient = Tensor(shape: inputShape)
        for (i, index) in argmax.enumerated() {
            inputGradient.scalars[Int(index)] += outputGradient.scalars[i]
        }
        return inputGradient
    }
}
