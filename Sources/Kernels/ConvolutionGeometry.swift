/// The extents of one stride-1 convolution, checked once for every implementation.
///
/// Shapes follow ``ConvolutionKernels``: input `[Ci, H, W]`, weight `[Co, Ci, k, k]`,
/// output `[Co, H+2p-k+1, W+2p-k+1]`. A shape that breaks these rules is a programming
/// error and stops the program.
struct ConvolutionGeometry {
    /// Ci.
    let inChannels: Int
    /// Co.
    let outChannels: Int
    /// H.
    let inputHeight: Int
    /// W.
    let inputWidth: Int
    /// k.
    let kernelSize: Int
    /// p.
    let padding: Int

    /// H + 2p - k + 1.
    var outputHeight: Int { inputHeight + 2 * padding - kernelSize + 1 }
    /// W + 2p - k + 1.
    var outputWidth: Int { inputWidth + 2 * padding - kernelSize + 1 }
    /// The padding of the input-gradient convolution, k - 1 - p.
    var transposedPadding: Int { kernelSize - 1 - padding }
    /// k·k, the taps of one (output, input) channel pair.
    var tapCount: Int { kernelSize * kernelSize }

    /// The geometry of a forward pass.
    /// - Parameters:
    ///   - input: `[Ci, H, W]`.
    ///   - weight: `[Co, Ci, k, k]`.
    ///   - padding: p, with `0 <= p < k`.
    init(input: [Int], weight: [Int], padding: Int) {
        precondition(input.count == 3, "convolution input must be [C, H, W], got \(input)")
        self.init(weight: weight, inputHeight: input[1], inputWidth: input[2], padding: padding)
        precondition(input[0] == inChannels, "input \(input) does not match weight \(weight)")
    }

    /// The geometry of a backward pass, recovered from the output gradient.
    /// - Parameters:
    ///   - outputGradient: `[Co, Ho, Wo]`.
    ///   - weight: `[Co, Ci, k, k]`.
    ///   - padding: p, with `0 <= p < k`.
    init(outputGradient: [Int], weight: [Int], padding: Int) {
        precondition(outputGradient.count == 3, "output gradient must be [C, H, W], got \(outputGradient)")
        precondition(weight.count == 4, "convolution weight must be [Co, Ci, k, k], got \(weight)")
        let k = weight[2]
        self.init(weight: weight, inputHeight: outputGradient[1] - 2 * padding + k - 1,
                  inputWidth: outputGradient[2] - 2 * padding + k - 1, padding: padding)
        precondition(outputGradient[0] == outChannels,
                     "output gradient \(outputGradient) does not match weight \(weight)")
    }

    /// The geometry of a weight-gradient pass.
    /// - Parameters:
    ///   - outputGradient: `[Co, Ho, Wo]`.
    ///   - input: `[Ci, H, W]`.
    ///   - kernelSize: k.
    ///   - padding: p, with `0 <= p < k`.
    init(outputGradient: [Int], input: [Int], kernelSize: Int, padding: Int) {
        precondition(outputGradient.count == 3 && input.count == 3,
                     "output gradient \(outputGradient) and input \(input) must be [C, H, W]")
        self.init(input: input, weight: [outputGradient[0], input[0], kernelSize, kernelSize],
                  padding: padding)
        precondition(outputGradient[1] == outputHeight && outputGradient[2] == outputWidth,
                     "output gradient \(outputGradient) does not match input \(input), k \(kernelSize), p \(padding)")
    }

    private init(weight: [Int], inputHeight: Int, inputWidth: Int, padding: Int) {
        precondition(weight.count == 4 && weight[2] == weight[3] && weight[2] >= 1,
                     "convolution weight must be [Co, Ci, k, k], got \(weight)")
        precondition(padding >= 0 && padding < weight[2], "padding \(padding) outside 0..<\(weight[2])")
        outChannels = weight[0]
        inChannels = weight[1]
        kernelSize = weight[2]
        self.padding = padding
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        precondition(inputHeight >= 0 && inputWidth >= 0 && outputHeight >= 0 && outputWidth >= 0,
                     "no convolution of a \(inputHeight) x \(inputWidth) input with k \(kernelSize), p \(padding)")
    }

    /// Stops the program unless `bias` is `[Co]`.
    func checkBias(_ bias: [Int]) {
        precondition(bias == [outChannels], "bias \(bias) does not match \(outChannels) output channels")
    }
}

/// The extents of one transposed convolution (k 3, stride 2, padding 0).
///
/// Shapes follow ``ConvolutionKernels``: input `[Ci, H, W]`, weight `[Ci, Co, 3, 3]`,
/// output `[Co, 2H+1, 2W+1]`.
struct TransposedConvolutionGeometry {
    /// The side of the kernel.
    static let kernelSize = 3
    /// Ci.
    let inChannels: Int
    /// Co.
    let outChannels: Int
    /// H.
    let inputHeight: Int
    /// W.
    let inputWidth: Int

    /// 2H + 1.
    var outputHeight: Int { 2 * inputHeight + 1 }
    /// 2W + 1.
    var outputWidth: Int { 2 * inputWidth + 1 }

    /// The geometry from the input and the weight.
    init(input: [Int], weight: [Int]) {
        precondition(input.count == 3, "transposed convolution input must be [C, H, W], got \(input)")
        self.init(weight: weight, inputHeight: input[1], inputWidth: input[2])
        precondition(input[0] == inChannels, "input \(input) does not match weight \(weight)")
    }

    /// The geometry from the output gradient `[Co, 2H+1, 2W+1]` and the weight.
    init(outputGradient: [Int], weight: [Int]) {
        precondition(outputGradient.count == 3 && outputGradient[1] % 2 == 1 && outputGradient[2] % 2 == 1,
                     "transposed convolution output gradient must be [C, 2H+1, 2W+1], got \(outputGradient)")
        self.init(weight: weight, inputHeight: outputGradient[1] / 2, inputWidth: outputGradient[2] / 2)
        precondition(outputGradient[0] == outChannels,
                     "output gradient \(outputGradient) does not match weight \(weight)")
    }

    /// The geometry from the output gradient and the input of the forward pass.
    init(outputGradient: [Int], input: [Int]) {
        precondition(outputGradient.count == 3, "output gradient must be [C, H, W], got \(outputGradient)")
        self.init(input: input, weight: [input.first ?? 0, outputGradient[0], 3, 3])
        precondition(outputGradient[1] == outputHeight && outputGradient[2] == outputWidth,
                     "output gradient \(outputGradient) does not match input \(input)")
    }

    private init(weight: [Int], inputHeight: Int, inputWidth: Int) {
        precondition(weight.count == 4 && weight[2] == 3 && weight[3] == 3,
                     "transposed convolution weight must be [Ci, Co, 3, 3], got \(weight)")
        inChannels = weight[0]
        outChannels = weight[1]
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
    }

    /// Stops the program unless `bias` is `[Co]`.
    func checkBias(_ bias: [Int]) {
        precondition(bias == [outChannels], "bias \(bias) does not match \(outChannels) output channels")
    }
}
