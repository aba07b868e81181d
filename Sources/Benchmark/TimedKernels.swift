import Dispatch
import Synchronization
import Kernels

/// Convolution kernels that time every call of the kernels they wrap and count its
/// floating-point operations, by operation and layer shape: the per-layer breakdown of
/// `bench`. The results are those of the wrapped kernels.
final class TimedKernels: ConvolutionKernels, Sendable {
    /// The time and work of one kind of call.
    struct Entry: Sendable {
        /// `forward`, `input gradient` or `weight gradient`.
        let pass: String
        /// For example `conv3x3 16->32 at 50x50`.
        let layer: String
        /// The calls.
        var calls = 0
        /// Their time, in seconds.
        var seconds = 0.0
        /// Their floating-point operations (a fused multiply-add counts 2).
        var operations = 0.0
    }

    /// The entries by `pass layer`, and their keys in the order first met.
    private struct Table {
        var entries: [String: Entry] = [:]
        var order: [String] = []
    }

    /// The table that these kernels and those of their items on threads share.
    private final class SharedTable: Sendable {
        let table = Mutex(Table())
    }

    private let inner: any ConvolutionKernels
    private let shared: SharedTable

    /// The threads of the wrapped kernels.
    var threadCount: Int { inner.threadCount }

    /// As the wrapped kernels run them, each item's calls timed into this table.
    func mapOnThreads<Result>(count: Int, _ body: (Int, any ConvolutionKernels) -> Result) -> [Result] {
        inner.mapOnThreads(count: count) { item, kernels in body(item, TimedKernels(kernels, sharing: shared)) }
    }

    /// The inner kernels' side jobs, each timed into this table.
    func sideJobs() -> SideJobs? {
        inner.sideJobs().map { SideJobs(kernels: TimedKernels($0.kernels, sharing: shared), callerKernels: self) }
    }

    /// Kernels that time `inner`.
    convenience init(_ inner: any ConvolutionKernels) {
        self.init(inner, sharing: SharedTable())
    }

    private init(_ inner: any ConvolutionKernels, sharing shared: SharedTable) {
        self.inner = inner
        self.shared = shared
    }

    /// The entries in the order they were first met, and forgets them.
    func takeEntries() -> [Entry] {
        shared.table.withLock { table in
            defer { table = Table() }
            return table.order.compactMap { table.entries[$0] }
        }
    }

    private func timed<Result>(_ pass: String, _ layer: String, operations: Double,
                               _ body: () -> Result) -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let key = pass + " " + layer
        shared.table.withLock { table in
            if table.entries[key] == nil { table.order.append(key) }
            table.entries[key, default: Entry(pass: pass, layer: layer)].calls += 1
            table.entries[key]?.seconds += seconds
            table.entries[key]?.operations += operations
        }
        return result
    }

    /// `conv3x3 Ci->Co at HxW` for a convolution of `weight` [Co, Ci, k, k] on `input`
    /// [Ci, H, W] or [N, Ci, H, W], and its operations (N times one image's).
    private static func convolution(_ weight: [Int], _ input: [Int]) -> (String, Double) {
        let (co, ci, k) = (weight[0], weight[1], weight[2])
        let (h, w, images) = imageExtent(input)
        return ("conv\(k)x\(k) \(ci)->\(co) at \(h)x\(w)", 2 * Double(co * ci * k * k) * Double(h * w * images))
    }

    /// `transposed3x3 Ci->Co from HxW` for `weight` [Ci, Co, 3, 3] on `input` [Ci, H, W]
    /// or [N, Ci, H, W], and its operations.
    private static func transposed(_ weight: [Int], _ input: [Int]) -> (String, Double) {
        let (ci, co) = (weight[0], weight[1])
        let (h, w, images) = imageExtent(input)
        return ("transposed3x3 \(ci)->\(co) from \(h)x\(w)", 2 * Double(ci * co * 9) * Double(h * w * images))
    }

    /// H, W and the number of images of an activation shape `[C, H, W]` or `[N, C, H, W]`.
    private static func imageExtent(_ shape: [Int]) -> (height: Int, width: Int, images: Int) {
        (shape[shape.count - 2], shape[shape.count - 1], shape.count == 4 ? shape[0] : 1)
    }

    func convolve(_ input: Tensor, weight: Tensor, bias: Tensor, padding: Int) -> Tensor {
        let (layer, operations) = Self.convolution(weight.shape, input.shape)
        return timed("forward", layer, operations: operations) {
            inner.convolve(input, weight: weight, bias: bias, padding: padding)
        }
    }

    func convolveInputGradient(_ outputGradient: Tensor, weight: Tensor, padding: Int) -> Tensor {
        let k = weight.shape[2]
        let inputShape = [weight.shape[1], outputGradient.shape[1] - 2 * padding + k - 1,
                          outputGradient.shape[2] - 2 * padding + k - 1]
        let (layer, operations) = Self.convolution(weight.shape, inputShape)
        return timed("input gradient", layer, operations: operations) {
            inner.convolveInputGradient(outputGradient, weight: weight, padding: padding)
        }
    }

    func convolveParameterGradients(_ outputGradient: Tensor, input: Tensor, kernelSize: Int,
                                    padding: Int) -> (weight: Tensor, bias: Tensor) {
        let weightShape = [outputGradient.shape[0], input.shape[0], kernelSize, kernelSize]
        let (layer, operations) = Self.convolution(weightShape, input.shape)
        return timed("weight gradient", layer, operations: operations) {
            inner.convolveParameterGradients(outputGradient, input: input, kernelSize: kernelSize, padding: padding)
        }
    }

    /// Winograd's convolutions are timed under the layer names of the direct ones with
    /// `winograd` in front, and counted by the direct arithmetic's operations, so that
    /// their GFLOP/s compare with the direct ones' as effective rates. Images too small
    /// for the arithmetic compute directly, under the direct names.
    func winogradConvolve(_ input: Tensor, weight: WinogradWeight, bias: Tensor) -> Tensor {
        let (layer, operations) = Self.convolution(weight.weight.shape, input.shape)
        return timed("forward", Self.winograd(layer, image: input.imageShape()), operations: operations) {
            inner.winogradConvolve(input, weight: weight, bias: bias)
        }
    }

    /// Not timed: a model's weights are prepared once, before its predictions.
    func winogradWeight(_ weight: Tensor) -> WinogradWeight {
        inner.winogradWeight(weight)
    }

    func winogradConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor {
        let inputShape = [weight.shape[1], outputGradient.shape[1], outputGradient.shape[2]]
        let (layer, operations) = Self.convolution(weight.shape, inputShape)
        return timed("input gradient", Self.winograd(layer, image: inputShape), operations: operations) {
            inner.winogradConvolveInputGradient(outputGradient, weight: weight)
        }
    }

    func winogradConvolveParameterGradients(_ outputGradient: Tensor,
                                            input: Tensor) -> (weight: Tensor, bias: Tensor) {
        let (layer, operations) = Self.convolution([outputGradient.shape[0], input.shape[0], 3, 3], input.shape)
        return timed("weight gradient", Self.winograd(layer, image: input.imageShape()), operations: operations) {
            inner.winogradConvolveParameterGradients(outputGradient, input: input)
        }
    }

    /// The name of a Winograd call of `layer` on images of `image` (`[C, H, W]`): `winograd`
    /// in front where the arithmetic applies to the image's sides.
    private static func winograd(_ layer: String, image: [Int]) -> String {
        WinogradTransform.applies(height: image[1], width: image[2]) ? "winograd " + layer : layer
    }

    func transposedConvolve(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        let (layer, operations) = Self.transposed(weight.shape, input.shape)
        return timed("forward", layer, operations: operations) {
            inner.transposedConvolve(input, weight: weight, bias: bias)
        }
    }

    func transposedConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor {
        let inputShape = [weight.shape[0], (outputGradient.shape[1] - 1) / 2, (outputGradient.shape[2] - 1) / 2]
        let (layer, operations) = Self.transposed(weight.shape, inputShape)
        return timed("input gradient", layer, operations: operations) {
            inner.transposedConvolveInputGradient(outputGradient, weight: weight)
        }
    }

    func transposedConvolveParameterGradients(_ outputGradient: Tensor,
                                              input: Tensor) -> (weight: Tensor, bias: Tensor) {
        let (layer, operations) = Self.transposed([input.shape[0], outputGradient.shape[0], 3, 3], input.shape)
        return timed("weight gradient", layer, operations: operations) {
            inner.transposedConvolveParameterGradients(outputGradient, input: input)
        }
    }
}
