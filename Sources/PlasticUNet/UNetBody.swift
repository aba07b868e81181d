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
        var x = image
        var skips: [Tensor] = []
        var downTapes: [DownTape] = []
        for index in downBlocks.indices {
            let (skip, next, tape) = down(index, x, parameters: parameters, dropout: dropout, recording: true)
            (x, skips) = (next, skips + [skip])
            downTapes.append(tape!)
        }
        let (bottom, middleTape) = middle.forward(x, parameters: parameters, step: step)
        x = bottom
        var upTapes: [UpTape] = []
        for index in upBlocks.indices {
            let (out, tape) = up(index, x, skip: skips[skips.count - 1 - index], parameters: parameters,
                                 dropout: dropout, recording: true)
            x = out
            upTapes.append(tape!)
        }
        let map = step.forward(output, x, parameters: parameters)
        return (map, Tape(down: downTapes, middle: middleTape, up: upTapes, outputInput: x, dropout: dropout))
    }

    /// The maps `[N, 1, S, S]` of a batch of images `[N, 1, S, S]` without dropout, each
    /// as ``forward(_:parameters:dropout:)`` gives it, keeping nothing for a backward pass;
    /// the Winograd layers named in `winogradWeights` use those weights
    /// (``winogradWeights(parameters:size:)``).
    ///
    /// The first stages, whose activations for the whole batch would not stay in a core's
    /// cache (``imageByImageStages(batch:side:)``), run one image at a time, down and back
    /// up; the deeper stages run the batch together, so that each of their weights, large
    /// beside their small images, is read once for all the images. A convolution gives
    /// each image of a batch its own bits, so every image gets those of
    /// ``forward(_:parameters:dropout:)``.
    func infer(_ images: Tensor, parameters: ParameterSet, winogradWeights: [String: WinogradWeight]) -> Tensor {
        var body = self
        body.step.winogradWeights = winogradWeights
        let shallow = body.imageByImageStages(batch: images.imageCount(), side: images.shape[images.shape.count - 1])
        let (stages, deepUp) = (downBlocks.count, upBlocks.count - shallow)
        // Down the first stages, image by image; the deeper stages and the middle, the batch
        // together; back up the first stages, image by image.
        let downs = images.images().map { body.descend($0, through: 0..<shallow, parameters: parameters) }
        let (deepInput, deepSkips) = body.descend(Tensor(stacking: downs.map(\.output)), through: shallow..<stages,
                                                  parameters: parameters)
        let bottom = middle.infer(deepInput, parameters: parameters, step: body.step)
        let deepOutput = body.ascend(bottom, through: 0..<deepUp, skips: deepSkips, parameters: parameters)
        let maps = zip(deepOutput.images(), downs).map { deep, down in
            body.step.forward(output, body.ascend(deep, through: deepUp..<upBlocks.count, skips: down.skips,
                                                  parameters: parameters),
                              parameters: parameters)
        }
        return Tensor(stacking: maps)
    }

    /// Down stages `stages` applied to `x` without dropout or tape: the last stage's pooled
    /// output and each stage's skip, in order.
    private func descend(_ x: Tensor, through stages: Range<Int>,
                         parameters: ParameterSet) -> (output: Tensor, skips: [Tensor]) {
        var (x, skips) = (x, [Tensor]())
        for index in stages {
            let (skip, next, _) = down(index, x, parameters: parameters, dropout: .none, recording: false)
            (x, skips) = (next, skips + [skip])
        }
        return (x, skips)
    }

    /// Up stages `stages` applied to `x` without dropout or tape, with the skips of the
    /// down stages of their levels in down order (``descend(_:through:parameters:)``'s):
    /// up stage i takes the skip of down stage `count - 1 - i`, the last of `skips` first.
    private func ascend(_ x: Tensor, through stages: Range<Int>, skips: [Tensor],
                        parameters: ParameterSet) -> Tensor {
        stages.reduce(x) { x, index in
            up(index, x, skip: skips[skips.count - 1 - (index - stages.lowerBound)], parameters: parameters,
               dropout: .none, recording: false).output
        }
    }

    /// The most bytes that a stage's block output for a whole batch may take for
    /// ``infer(_:parameters:winogradWeights:)`` to run the batch together: about half of a
    /// core's level-2 cache, so that a layer's input and output stay in it.
    static let batchActivationBytes = 1 << 20

    /// How many of the first stages ``infer(_:parameters:winogradWeights:)`` runs image by
    /// image for a batch of `batch` images of side `side`: those whose block output for the
    /// whole batch would exceed ``batchActivationBytes``. Each stage halves the side and
    /// doubles the channels, so its activation halves: these stages are the first ones.
    func imageByImageStages(batch: Int, side: Int) -> Int {
        guard batch > 1 else { return 0 }
        return downBlocks.indices.prefix { index in
            let stageSide = side >> index
            let bytes = batch * downBlocks[index].entry.outChannels * stageSide * stageSide * MemoryLayout<Float>.size
            return bytes > Self.batchActivationBytes
        }.count
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

    /// Hands the gradient of every convolution parameter to `gradients`, given the gradient
    /// of the loss with respect to the map A. The tape is used up as the pass goes: each
    /// stage's activations are let go once its gradients are made.
    ///
    /// Where the kernels have more than one thread, the weight gradients are side jobs
    /// (``Kernels/SideJobs``): the calling thread goes down the chain of input gradients
    /// while the other threads take up each layer's weight gradient as soon as its inputs
    /// exist (and hand it over from there), and join the chain's convolutions when they have
    /// none to do. The same bits: each gradient is computed by the same kernels, on
    /// whichever thread. Every gradient has been handed over when this returns.
    func backward(_ tape: consuming Tape, outputGradient: Tensor, parameters: any ParameterSource,
                  gradients: any GradientSink) {
        guard let jobs = step.kernels.sideJobs() else {
            backwardChain(consume tape, outputGradient: outputGradient, parameters: parameters, gradients: gradients)
            return
        }
        var body = self
        body.step.sideJobs = jobs
        body.backwardChain(consume tape, outputGradient: outputGradient, parameters: parameters, gradients: gradients)
        jobs.finish()
    }

    /// ``backward(_:outputGradient:parameters:gradients:)`` with this body's step.
    private func backwardChain(_ tape: consuming Tape, outputGradient: Tensor, parameters: any ParameterSource,
                               gradients: any GradientSink) {
        let (down, middleTape, up, outputInput, dropout) = tape.parts()
        var (downTapes, upTapes) = (consume down, consume up)
        var gradient = step.backward(output, input: consume outputInput, outputGradient: outputGradient,
                                     parameters: parameters, gradients: gradients)
        var skipGradients: [Tensor] = []
        for (transpose, block) in zip(upTransposes, upBlocks).reversed() {
            guard let upTape = upTapes.popLast() else { preconditionFailure("the tape has a stage per up block") }
            let index = upTapes.count
            let joinedGradient = Self.drop(
                block.backward(upTape.block, outputGradient: gradient, parameters: parameters, step: step,
                               gradients: gradients),
                dropout.layer(Self.firstUpDropout + index))
            let (croppedGradient, skipGradient) = ChannelOperations.splitGradient(
                joinedGradient, firstChannels: upTape.transposedChannels)
            let transposedGradient = ChannelOperations.cropLeadingGradient(
                croppedGradient, originalHeight: upTape.transposedShape[1], originalWidth: upTape.transposedShape[2])
            gradient = step.backward(transpose, input: upTape.input, outputGradient: transposedGradient,
                                     parameters: parameters, gradients: gradients)
            skipGradients.append(skipGradient)
        }
        // The up stages ran from the shallowest skip back to the deepest: skipGradients[i]
        // belongs to down stage i.
        gradient = middle.backward(consume middleTape, outputGradient: gradient, parameters: parameters,
                                   step: step, gradients: gradients)
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
                                              step: step, gradients: gradients)
            } else {
                gradient = block.backward(downTape.block, outputGradient: skipGradient, parameters: parameters,
                                          step: step, gradients: gradients)
            }
        }
    }

    /// Down stage `index` applied to `x` (an image or a batch): the block's output (the
    /// stage's skip), the pooled output with the stage's dropout (the next stage's input),
    /// and, when `recording`, what the backward pass needs.
    private func down(_ index: Int, _ x: Tensor, parameters: ParameterSet, dropout: DropoutDecisions,
                      recording: Bool) -> (skip: Tensor, next: Tensor, tape: DownTape?) {
        let block = downBlocks[index]
        let (skip, blockTape) = recording ? block.forward(x, parameters: parameters, step: step)
            : (block.infer(x, parameters: parameters, step: step), nil)
        let (pooled, argmax) = Pooling.maxPool2x2(skip)
        let tape = blockTape.map { DownTape(block: $0, skipShape: skip.shape, argmax: argmax) }
        return (skip, Self.drop(pooled, dropout.layer(index)), tape)
    }

    /// Up stage `index` (0 the deepest) applied to `x` and the skip of its level: the
    /// transposed convolution, cropped to the skip, joined to it, the stage's dropout and
    /// the block; and, when `recording`, what the backward pass needs.
    private func up(_ index: Int, _ x: Tensor, skip: Tensor, parameters: ParameterSet, dropout: DropoutDecisions,
                    recording: Bool) -> (output: Tensor, tape: UpTape?) {
        let transposed = step.forward(upTransposes[index], x, parameters: parameters)
        let cropped = ChannelOperations.cropLeading(transposed, height: skip.shape[skip.shape.count - 2],
                                                    width: skip.shape[skip.shape.count - 1])
        let joined = Self.drop(ChannelOperations.concatenate(cropped, skip), dropout.layer(Self.firstUpDropout + index))
        guard recording else { return (upBlocks[index].infer(joined, parameters: parameters, step: step), nil) }
        let (out, blockTape) = upBlocks[index].forward(joined, parameters: parameters, step: step)
        return (out, UpTape(input: x, transposedShape: transposed.shape, transposedChannels: transposed.shape[0],
                            block: blockTape))
    }

    /// Dropout2d with a layer's decision (its own gradient), or nothing without one.
    private static func drop(_ x: Tensor, _ decision: DropoutDecisions.Layer?) -> Tensor {
        guard let decision else { return x }
        return ChannelOperations.dropChannels(x, keep: decision.keep, scale: decision.scale)
    }
}
