import Kernels

/// The plastic U-Net of docs/MODEL.md §2–3: forward and backward passes of one sample.
package struct PlasticNetwork: Sendable {
    /// The architecture.
    package let configuration: ModelConfiguration
    /// The convolution kernels every pass uses.
    package let kernels: any ConvolutionKernels
    private let body: UNetBody
    private let head: PlasticHead

    /// A network of `configuration` running on `kernels`.
    package init(configuration: ModelConfiguration, kernels: any ConvolutionKernels) {
        self.configuration = configuration
        self.kernels = kernels
        body = UNetBody(width: configuration.width, kernels: kernels, arithmetic: configuration.convolution)
        head = PlasticHead(configuration: configuration)
    }

    /// A forward pass kept for its backward pass and the trace update.
    package struct ForwardPass: Sendable {
        /// Y, the S x S probabilities.
        package var probabilities: Tensor { headPass.probabilities }
        /// A, the S x S map that feeds the head (its rows are the trace's pre vectors).
        package var headInput: Tensor { headPass.input }
        fileprivate let bodyTape: UNetBody.Tape
        fileprivate let headPass: PlasticHead.Pass
        fileprivate let trace: PlasticTrace?

        /// The pass's parts, the pass used up: a backward pass that owns the body's tape
        /// lets its activations go as it goes.
        fileprivate consuming func parts() -> (bodyTape: UNetBody.Tape, headPass: PlasticHead.Pass,
                                               trace: PlasticTrace?) {
            (bodyTape, headPass, trace)
        }
    }

    /// The forward pass of one image.
    /// - Parameters:
    ///   - image: `[S, S]` or `[1, S, S]` intensities.
    ///   - parameters: the model's parameters.
    ///   - trace: the trace H (ignored for rule none; nil means a zero trace).
    ///   - dropout: the step's Dropout2d decisions (``DropoutDecisions/none`` to evaluate).
    package func forward(image: Tensor, parameters: ParameterSet, trace: PlasticTrace?,
                        dropout: DropoutDecisions = .none) -> ForwardPass {
        let size = configuration.size
        let input = Tensor(shape: [1, size, size], scalars: image.scalars)
        let (map, bodyTape) = body.forward(input, parameters: parameters, dropout: dropout)
        let headPass = head.forward(Tensor(shape: [size, size], scalars: map.scalars), parameters: parameters,
                                    trace: trace)
        return ForwardPass(bodyTape: bodyTape, headPass: headPass, trace: trace)
    }

    /// A model's parameters made ready for many predictions: the weights of the layers
    /// that compute with Winograd's arithmetic are transformed once, not once a pass.
    package struct PreparedParameters: Sendable {
        /// The model's parameters.
        package let parameters: ParameterSet
        fileprivate let winogradWeights: [String: WinogradWeight]
    }

    /// `parameters` made ready for ``probabilities(of:parameters:trace:)``; the kernels of
    /// any network of this configuration can use them.
    package func prepared(_ parameters: ParameterSet) -> PreparedParameters {
        PreparedParameters(parameters: parameters,
                           winogradWeights: body.winogradWeights(parameters: parameters, size: configuration.size))
    }

    /// How many of the first stages ``probabilities(of:parameters:trace:)`` runs image by
    /// image for `batch` images (the rest run the batch together): those whose activations
    /// for the whole batch would not stay in a core's cache.
    package func imageByImageStages(batch: Int) -> Int {
        body.imageByImageStages(batch: batch, side: configuration.size)
    }

    /// The probabilities Y `[S, S]` of several images under one trace, computed together
    /// (the deeper stages' convolutions run once for the whole batch, the first stages'
    /// image by image: ``imageByImageStages(batch:)``), each equal bit for bit to
    /// `forward(image:parameters:trace:).probabilities` of that image alone.
    /// - Parameters:
    ///   - images: `[S, S]` or `[1, S, S]` intensities each.
    ///   - parameters: the model's parameters, prepared (``prepared(_:)``).
    ///   - trace: the trace H of every image (ignored for rule none; nil means a zero trace).
    /// - Returns: one `[S, S]` tensor per image, in order.
    package func probabilities(of images: [Tensor], parameters prepared: PreparedParameters,
                               trace: PlasticTrace?) -> [Tensor] {
        guard !images.isEmpty else { return [] }
        let size = configuration.size
        let parameters = prepared.parameters
        let batch = Tensor(shape: [images.count, 1, size, size], scalars: images.flatMap(\.scalars))
        let maps = body.infer(batch, parameters: parameters, winogradWeights: prepared.winogradWeights)
        return maps.images().map { map in
            head.forward(Tensor(shape: [size, size], scalars: map.scalars), parameters: parameters, trace: trace)
                .probabilities
        }
    }

    /// The gradient of a loss with respect to every parameter, given its gradient with
    /// respect to the probabilities Y. The trace is an input of the pass (detached): only
    /// eta, with learnEta, receives a gradient through it, from the trace's sensitivity.
    ///
    /// A pass handed over (`consume`) is used up: its activations are let go as the
    /// gradients are made, which lowers the peak memory of a training step.
    /// - Returns: gradients with the parameters' specs.
    package func backward(_ pass: consuming ForwardPass, probabilityGradient: Tensor,
                         parameters: ParameterSet) -> ParameterSet {
        let collector = GradientCollector(specs: parameters.specs)
        backward(consume pass, probabilityGradient: probabilityGradient, parameters: parameters, into: collector)
        return collector.gradients
    }

    /// ``backward(_:probabilityGradient:parameters:)`` handing each parameter's gradient
    /// to `gradients` as soon as it is made (``GradientSink``), from this thread or from
    /// the kernels' worker threads; a parameter that gets none has a zero gradient. Every
    /// gradient has been handed over when this returns.
    package func backward(_ pass: consuming ForwardPass, probabilityGradient: Tensor,
                          parameters: any ParameterSource, into gradients: any GradientSink) {
        let (bodyTape, headPass, trace) = pass.parts()
        let mapGradient = head.backward(headPass, probabilityGradient: probabilityGradient,
                                        parameters: parameters, trace: trace, gradients: gradients)
        let size = configuration.size
        body.backward(consume bodyTape, outputGradient: Tensor(shape: [1, size, size], scalars: mapGradient.scalars),
                      parameters: parameters, gradients: gradients)
    }

    /// The trace after training on the sample of `pass`, from the pre-update parameters.
    package func updatedTrace(after pass: ForwardPass, parameters: ParameterSet) -> PlasticTrace? {
        pass.trace?.updated(configuration: configuration, headInput: pass.headInput,
                            probabilities: pass.probabilities, parameters: parameters)
    }
}
