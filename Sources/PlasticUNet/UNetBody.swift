import Kernels

/// The convolutional body of docs/MODEL.md §2: from the image `[1, S, S]` to the map A
/// `[1, S, S]` that feeds the plastic head.
struct UNetBody {
    private var step: ConvolutionStep
    private let downBlocks: [ResidualBlock]
    private let middle: ResidualBlock
    private let upTransposes: [ConvolutionLayer]
    private let upBlocks: [ResidualBlock]
    private let output: ConvolutionLayer

    /// The index of the first up stage's dropout layer in ``DropoutDecisions``.
    private static let firstUpDropout = 4

    /// What the backward pass of one down stage needs (`c = Block(x)`, `p = Drop(Pool(c))`).
    struct DownTape {
        let block: ResidualBlock.Tape
        let skipShape: [Int]
        let argmax: [Int32]
    }

    /// What the backward pass of one up stage needs.
    struct UpTape {
        let input: Tensor
        let transposedShape: [Int]
        let transposedChannels: Int
        let block: ResidualBlock.Tape
    }

    /// What the backward pass of the body needs.
    struct Tape {
        let down: [DownTape]
        let middle: ResidualBlock.Tape
        let up: [UpTape]
        let outputInput: Tensor
        let dropout: DropoutDecisions

        /// The tape's parts, the tape used up, so that a backward pass owns them and can
        /// let each go once it is done with it.
        consuming func parts() -> (down: [DownTape], middle: ResidualBlock.Tape, up: [UpTape], outputInput: Tensor,
                                   dropout: DropoutDecisions) {
            (down, middle, up, outputInput, dropout)
        }
    }

    init(width: Int, kernels: any ConvolutionKernels, arithmetic: ConvolutionArithmetic) {
        let layers = Dictionary(uniqueKeysWithValues: NetworkLayout.convolutions(width: width).map { ($0.name, $0) })
        step = ConvolutionStep(kernels: kernels, arithmetic: arithmetic)
        downBlocks = (1...4).map { ResidualBlock(name: "down\($0)", layers: layers) }
        middle = ResidualBlock(name: "middle", layers: layers)
        upTransposes = (1...4).reversed().map { layers.layer(named: "up\($0).transpose") }
        upBlocks = (1...4).reversed().map { ResidualBlock(name: "up\($0)", layers: layers) }
        output = layers.layer(named: "output")
    }

    /// The map of `image` `[1, S, S]`, with what the backward pass needs.
    func forward(_ image: Tensor, parameters: ParameterSet, dropout: DropoutDecisions) -> (output: Tensor, tape: Tape) {
        let (output, tape) = run(image, parameters: parameters, dropout: dropout, recording: true)
        // A recording run always returns its tape.
        return (output, tape!)
    }

    /// The maps `[N, 1, S, S]` of a batch of images `[N, 1, S, S]` without dropout, each
    /// as ``forward(_:parameters:dropout:)`` gives it, keeping nothing for a backward pass;
    /// the Winograd layers named in `winogradWeights` use those weights
    /// (``winogradWeights(parameters:size:)``).
    func infer(_ images: Tensor, parameters: ParameterSet, winogradWeights: [String: WinogradWeight]) -> Tensor {
        var body = self
        body.step.winogradWeights = winogradWeights
        return body.run(images, parameters: parameters, dropout: .none, recording: false).output
    }

    /// The weights of the layers that compute with Winograd's arithmetic on images of side
    /// `size`, each made ready for many passes (``ConvolutionKernels/winogradWeight(_:)``),
    /// by layer name: none with the direct arithmetic, none for the stages whose images
    /// are too small for Winograd's (they compute directly).
    func winogradWeights(parameters: ParameterSet, size: Int) -> [String: WinogradWeight] {
        // The side of each stage's images: the image's, then halved by each 2 x 2 pooling.
        let sides = (0...downBlocks.count).map { size >> $0 }
        let stages = Array(zip(downBlocks, sides)) + [(middle, sides[downBlocks.count])]
            + Array(zip(upBlocks, sides.prefix(upBlocks.count).reversed()))
        var weights: [String: WinogradWeight] = [:]
        for (block, side) in stages where WinogradTransform.applies(height: side, width: side) {
            for layer in block.convolutions where step.isWinograd(layer) {
                weights[layer.name] = step.kernels.winogradWeight(parameters.require(layer.parameterName(.weight)))
            }
        }
        return weights
    }

    /// The body applied to `input` (an image or a batch), and its tape when `recording`.
    private func run(_ input: Tensor, parameters: ParameterSet, dropout: DropoutDecisions,
                     recording: Bool) -> (output: Tensor, tape: Tape?) {
        func block(_ block: ResidualBlock, _ x: Tensor) -> (Tensor, ResidualBlock.Tape?) {
            recording ? block.forward(x, parameters: parameters, step: step)
                : (block.infer(x, parameters: parameters, step: step), nil)
        }
        var x = input
        var skips: [Tensor] = []
        var downTapes: [DownTape] = []
        for (index, downBlock) in downBlocks.enumerated() {
            let (skip, blockTape) = block(downBlock, x)
            let (pooled, argmax) = Pooling.maxPool2x2(skip)
            x = Self.drop(pooled, dropout.layer(index))
            skips.append(skip)
            if let blockTape {
                downTapes.append(DownTape(block: blockTape, skipShape: skip.shape, argmax: argmax))
            }
        }
        let (bottom, middleTape) = block(middle, x)
        x = bottom
        var upTapes: [UpTape] = []
        for (index, (transpose, upBlock)) in zip(upTransposes, upBlocks).enumerated() {
            let skip = skips[skips.count - 1 - index]
            let transposed = step.forward(transpose, x, parameters: parameters)
            let cropped = ChannelOperations.cropLeading(transposed, height: skip.shape[skip.shape.count - 2],
                                                        width: skip.shape[skip.shape.count - 1])
            let joined = Self.drop(ChannelOperations.concatenate(cropped, skip),
                                   dropout.layer(Self.firstUpDropout + index))
            let (out, blockTape) = block(upBlock, joined)
            if let blockTape {
                upTapes.append(UpTape(input: x, transposedShape: transposed.shape,
                                      transposedChannels: transposed.shape[0], block: blockTape))
            }
            x = out
        }
        let map = step.forward(output, x, parameters: parameters)
        guard recording, let middleTape else { return (map, nil) }
        return (map, Tape(down: downTapes, middle: middleTape, up: upTapes, outputInput: x, dropout: dropout))
    }

    /// Stores the gradient of every convolution parameter in `gradients`, given the
    /// gradient of the loss with respect to the map A. The tape is used up as the pass goes:
    /// each stage's activations are let go once its gradients are made, so that the
    /// gradients grow into the memory that the tape gives back.
    func backward(_ tape: consuming Tape, outputGradient: Tensor, parameters: ParameterSet,
                  gradients: inout ParameterSet) {
        let (down, middleTape, up, outputInput, dropout) = tape.parts()
        var (downTapes, upTapes) = (consume down, consume up)
        var gradient = step.backward(output, input: consume outputInput, outputGradient: outputGradient,
                                     parameters: parameters, gradients: &gradients)
        var skipGradients: [Tensor] = []
        for (transpose, block) in zip(upTransposes, upBlocks).reversed() {
            guard let upTape = upTapes.popLast() else { preconditionFailure("the tape has a stage per up block") }
            let index = upTapes.count
            let joinedGradient = Self.drop(
                block.backward(upTape.block, outputGradient: gradient, parameters: parameters, step: step,
                               gradients: &gradients),
                dropout.layer(Self.firstUpDropout + index))
            let (croppedGradient, skipGradient) = ChannelOperations.splitGradient(
                joinedGradient, firstChannels: upTape.transposedChannels)
            let transposedGradient = ChannelOperations.cropLeadingGradient(
                croppedGradient, originalHeight: upTape.transposedShape[1], originalWidth: upTape.transposedShape[2])
            gradient = step.backward(transpose, input: upTape.input, outputGradient: transposedGradient,
                                     parameters: parameters, gradients: &gradients)
            skipGradients.append(skipGradient)
        }
        // The up stages ran from the shallowest skip back to the deepest: skipGradients[i]
        // belongs to down stage i.
        gradient = middle.backward(consume middleTape, outputGradient: gradient, parameters: parameters,
                                   step: step, gradients: &gradients)
        for block in downBlocks.reversed() {
            guard let downTape = downTapes.popLast() else {
                preconditionFailure("the tape has a stage per down block")
            }
            let index = downTapes.count
            let pooledGradient = Self.drop(gradient, dropout.layer(index))
            let skipGradient = Elementwise.add(
                Pooling.maxPool2x2Gradient(pooledGradient, argmax: downTape.argmax, inputShape: downTape.skipShape),
                skipGradients.removeLast())
            if index == 0 {
                block.storeParameterGradients(downTape.block, outputGradient: skipGradient, parameters: parameters,
                                              step: step, gradients: &gradients)
            } else {
                gradient = block.backward(downTape.block, outputGradient: skipGradient, parameters: parameters,
                                          step: step, gradients: &gradients)
            }
        }
    }

    /// Dropout2d with a layer's decision (its own gradient), or nothing without one.
    private static func drop(_ x: Tensor, _ decision: DropoutDecisions.Layer?) -> Tensor {
        guard let decision else { return x }
        return ChannelOperations.dropChannels(x, keep: decision.keep, scale: decision.scale)
    }
}
