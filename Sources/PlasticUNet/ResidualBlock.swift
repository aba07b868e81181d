import Kernels

/// `Block(a->b)` of docs/MODEL.md §2: `ReLU(Res(b)(Res(b)(Conv3(a->b)(x))))`, where
/// `Res(c)(x) = r + Conv3(ReLU(Conv3(r)))` with `r = ReLU(x)`.
struct ResidualBlock {
    /// The entry convolution and the two convolutions of each residual unit.
    let entry: ConvolutionLayer
    let units: [(first: ConvolutionLayer, second: ConvolutionLayer)]

    /// What the backward pass of one residual unit needs: the inputs of its two
    /// convolutions. Each is a ReLU's output, positive exactly where the ReLU's input is, so
    /// it also gives the ReLU's gradient.
    struct UnitTape {
        let rectified: Tensor
        let rectifiedHidden: Tensor
    }

    /// What the backward pass of the block needs.
    struct Tape {
        let input: Tensor
        let units: [UnitTape]
        /// The block's output, which gives its final ReLU's gradient; the next layer's input
        /// is this same tensor, so the two share their storage.
        let output: Tensor
    }

    /// The block's convolutions, the entry first.
    var convolutions: [ConvolutionLayer] {
        [entry] + units.flatMap { [$0.first, $0.second] }
    }

    /// The block named `name` (for example `down2`) of a network's layers.
    init(name: String, layers: [String: ConvolutionLayer]) {
        entry = layers.layer(named: "\(name).conv")
        units = (1...2).map { unit in
            (layers.layer(named: "\(name).res\(unit).conv1"), layers.layer(named: "\(name).res\(unit).conv2"))
        }
    }

    /// The block applied to `input`, with what its backward pass needs.
    func forward(_ input: Tensor, parameters: ParameterSet, step: ConvolutionStep) -> (output: Tensor, tape: Tape) {
        let (output, tape) = run(input, parameters: parameters, step: step, recording: true)
        // A recording run always returns its tape.
        return (output, tape!)
    }

    /// The block applied to `input`, an image or a batch of images, keeping nothing for a
    /// backward pass.
    func infer(_ input: Tensor, parameters: ParameterSet, step: ConvolutionStep) -> Tensor {
        run(input, parameters: parameters, step: step, recording: false).output
    }

    /// The block applied to `input`, and its tape when `recording`.
    private func run(_ input: Tensor, parameters: ParameterSet, step: ConvolutionStep,
                     recording: Bool) -> (output: Tensor, tape: Tape?) {
        // The elementwise steps share the convolutions' threads.
        let threads = step.kernels.threadCount
        var x = step.forward(entry, input, parameters: parameters)
        var unitTapes: [UnitTape] = []
        for unit in units {
            let rectified = Activation.relu(x, threadCount: threads)
            let hidden = step.forward(unit.first, rectified, parameters: parameters)
            let rectifiedHidden = Activation.relu(hidden, threadCount: threads)
            let residual = step.forward(unit.second, rectifiedHidden, parameters: parameters)
            if recording {
                unitTapes.append(UnitTape(rectified: rectified, rectifiedHidden: rectifiedHidden))
            }
            x = Elementwise.add(rectified, residual, threadCount: threads)
        }
        let output = Activation.relu(x, threadCount: threads)
        return (output, recording ? Tape(input: input, units: unitTapes, output: output) : nil)
    }

    /// Hands the block's parameter gradients to `gradients` and returns the gradient with
    /// respect to the entry convolution's output (the entry convolution itself is left to
    /// the caller, which knows whether the block's input gradient is needed).
    private func backwardAfterEntry(_ tape: Tape, outputGradient: Tensor, parameters: any ParameterSource,
                                    step: ConvolutionStep, gradients: any GradientSink) -> Tensor {
        let threads = step.kernels.threadCount
        var gradient = Activation.reluGradient(outputGradient, input: tape.output, threadCount: threads)
        for (unit, unitTape) in zip(units, tape.units).reversed() {
            let hiddenGradient = step.backward(unit.second, input: unitTape.rectifiedHidden, outputGradient: gradient,
                                               parameters: parameters, gradients: gradients)
            let preActivationGradient = Activation.reluGradient(hiddenGradient, input: unitTape.rectifiedHidden,
                                                                threadCount: threads)
            let rectifiedGradient = step.backward(unit.first, input: unitTape.rectified,
                                                  outputGradient: preActivationGradient,
                                                  parameters: parameters, gradients: gradients)
            gradient = Activation.reluGradient(Elementwise.add(gradient, rectifiedGradient, threadCount: threads),
                                               input: unitTape.rectified, threadCount: threads)
        }
        return gradient
    }

    /// Hands the block's parameter gradients to `gradients` and returns its input gradient.
    func backward(_ tape: Tape, outputGradient: Tensor, parameters: any ParameterSource, step: ConvolutionStep,
                  gradients: any GradientSink) -> Tensor {
        let gradient = backwardAfterEntry(tape, outputGradient: outputGradient, parameters: parameters,
                                          step: step, gradients: gradients)
        return step.backward(entry, input: tape.input, outputGradient: gradient, parameters: parameters,
                             gradients: gradients)
    }

    /// Hands the block's parameter gradients to `gradients`, for a block whose input needs
    /// no gradient.
    func storeParameterGradients(_ tape: Tape, outputGradient: Tensor, parameters: any ParameterSource,
                                 step: ConvolutionStep, gradients: any GradientSink) {
        let gradient = backwardAfterEntry(tape, outputGradient: outputGradient, parameters: parameters,
                                          step: step, gradients: gradients)
        step.storeParameterGradients(entry, input: tape.input, outputGradient: gradient, into: gradients)
    }
}
