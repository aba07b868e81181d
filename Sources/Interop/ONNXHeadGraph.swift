import Kernels
import PlasticUNet

/// The plastic head of docs/MODEL.md §3 as ONNX nodes: `Y = sigmoid(A · W)` with
/// `W = w + alpha ⊙ H` (a yoked alpha broadcasts), and, for the online trace mode, the
/// trace update of the model's rule over the rows it uses.
struct ONNXHeadGraph {
    /// The model's configuration.
    let configuration: ModelConfiguration
    /// The body, whose constants the head shares.
    let network: ONNXNetworkGraph

    /// The head's weights W: `w` alone for rule none and the zero trace; `w + alpha ⊙ H`
    /// with H the constant `trace` (stored) or the graph input `trace` (online).
    func weights(trace: Tensor?, traceInput: String?, _ builder: inout ONNXGraphBuilder) throws -> String {
        let w = try network.constant(.head(.w), &builder)
        let hebb: String
        if let traceInput {
            hebb = traceInput
        } else if let trace {
            hebb = builder.constant("hebb", trace)
        } else {
            return w
        }
        let alpha = try network.constant(.head(.alpha), &builder)
        return builder.node("Add", [w, builder.node("Mul", [alpha, hebb])])
    }

    /// The probabilities `sigmoid(A · W)`, `[N, 1, S, S]`, into the output `output`.
    func probabilities(_ a: String, weights: String, output: String, _ builder: inout ONNXGraphBuilder) {
        builder.node("Sigmoid", [builder.node("MatMul", [a, weights])], output: output)
    }

    /// The next trace after one image, into the output `output`: from the image's A and Y
    /// (`[1, 1, S, S]`), the trace H before it and eta, over the rows R of the rule:
    /// `M = x_Rᵀ · y_R / |R|`, `Q = mean_r y_r²`; hebb `(1 - eta) H + eta M`, oja
    /// `H + eta (M - H ⊙ Q)`.
    func nextTrace(a: String, y: String, trace: String, output: String, _ builder: inout ONNXGraphBuilder) throws {
        let size = configuration.size
        let matrix = builder.integers([size, size], hint: "matrix_shape")
        var x = builder.node("Reshape", [a, matrix])
        var rows = builder.node("Reshape", [y, matrix])
        let rowCount = configuration.traceRows == .all ? size : 1
        if configuration.traceRows == .first {
            let starts = builder.integers([0], hint: "row_starts"), ends = builder.integers([1], hint: "row_ends")
            let axes = builder.integers([0], hint: "row_axes")
            x = builder.node("Slice", [x, starts, ends, axes])
            rows = builder.node("Slice", [rows, starts, ends, axes])
        }
        let scale = builder.constant("inverse_row_count", Tensor(shape: [1], scalars: [1 / Float(rowCount)]))
        let m = builder.node("Mul", [builder.node("MatMul", [builder.node("Transpose", [x]), rows]), scale])
        let eta = try network.constant(.head(.eta), &builder)
        switch configuration.rule {
        case .hebb:
            let one = builder.constant("one", Tensor(shape: [1], scalars: [1]))
            let kept = builder.node("Mul", [builder.node("Sub", [one, eta]), trace])
            builder.node("Add", [kept, builder.node("Mul", [eta, m])], output: output)
        case .oja:
            let q = builder.node("ReduceMean", [builder.node("Mul", [rows, rows])],
                                 [.ints("axes", [0]), .int("keepdims", 1)])
            let change = builder.node("Sub", [m, builder.node("Mul", [trace, q])])
            builder.node("Add", [trace, builder.node("Mul", [eta, change])], output: output)
        case .none:
            preconditionFailure("rule none has no trace to update")
        }
    }
}
