import ModelFile
import PlasticUNet

/// The body of docs/MODEL.md §2 as ONNX nodes: blocks of residual units, max pooling, the
/// up stages with their transposed convolutions, crops and concatenations, and the 1 x 1
/// output convolution. Evaluation has no dropout, so the graph has none. The weights are
/// initializers named by their PyTorch keys.
struct ONNXNetworkGraph {
    /// The model's configuration.
    let configuration: ModelConfiguration
    /// Its parameters.
    let parameters: ParameterSet
    /// Where each tensor lives, for its PyTorch key.
    let schema: ModelSchema

    /// The convolutions by name.
    private var layers: [String: ConvolutionLayer] {
        Dictionary(uniqueKeysWithValues: NetworkLayout.convolutions(width: configuration.width).map { ($0.name, $0) })
    }

    /// Adds the body to `builder`, reading the images `[N, 1, S, S]` from `input`, and
    /// returns the name of A, `[N, 1, S, S]`.
    func addBody(to builder: inout ONNXGraphBuilder, input: String) throws -> String {
        let layers = self.layers
        var sides = [configuration.size]
        for _ in 1...4 { sides.append(sides[sides.count - 1] / 2) }
        var x = input
        var skips: [String] = []
        for name in ["down1", "down2", "down3", "down4"] {
            let skip = try block(name, x, layers, &builder)
            skips.append(skip)
            x = builder.node("MaxPool", [skip], [.ints("kernel_shape", [2, 2]), .ints("strides", [2, 2])])
        }
        x = try block("middle", x, layers, &builder)
        for (index, stage) in ["up4", "up3", "up2", "up1"].enumerated() {
            let level = 3 - index
            var transposed = try convolution(layers.layer(named: "\(stage).transpose"), x, &builder)
            let transposedSide = 2 * sides[level + 1] + 1
            if transposedSide > sides[level] {
                transposed = crop(transposed, side: transposedSide, &builder)
            }
            let joined = builder.node("Concat", [transposed, skips[level]], [.int("axis", 1)])
            x = try block(stage, joined, layers, &builder)
        }
        return try convolution(layers.layer(named: "output"), x, &builder)
    }

    /// `Block(a->b)`: the first convolution, two residual units, a ReLU.
    private func block(_ name: String, _ input: String, _ layers: [String: ConvolutionLayer],
                       _ builder: inout ONNXGraphBuilder) throws -> String {
        var x = try convolution(layers.layer(named: "\(name).conv"), input, &builder)
        for unit in 1...2 {
            // Res(x) = r + conv2(relu(conv1(r))) with r = relu(x): the skip adds relu(x).
            let rectified = builder.node("Relu", [x])
            let first = try convolution(layers.layer(named: "\(name).res\(unit).conv1"), rectified, &builder)
            let second = try convolution(layers.layer(named: "\(name).res\(unit).conv2"),
                                         builder.node("Relu", [first]), &builder)
            x = builder.node("Add", [rectified, second])
        }
        return builder.node("Relu", [x])
    }

    /// A convolution of the network (3 x 3 with padding 1, 1 x 1, or transposed 3 x 3 with
    /// stride 2) with its weight and bias.
    private func convolution(_ layer: ConvolutionLayer, _ input: String,
                             _ builder: inout ONNXGraphBuilder) throws -> String {
        let weight = try constant(layer.parameterName(.weight), &builder)
        let bias = try constant(layer.parameterName(.bias), &builder)
        let k = layer.kernelSize, p = layer.padding
        switch layer.kind {
        case .transposed3x3:
            return builder.node("ConvTranspose", [input, weight, bias],
                                [.ints("kernel_shape", [k, k]), .ints("strides", [2, 2]), .ints("pads", [0, 0, 0, 0])])
        case .conv3x3, .conv1x1:
            return builder.node("Conv", [input, weight, bias],
                                [.ints("kernel_shape", [k, k]), .ints("strides", [1, 1]), .ints("pads", [p, p, p, p])])
        }
    }

    /// The transposed output without its first row and first column.
    private func crop(_ input: String, side: Int, _ builder: inout ONNXGraphBuilder) -> String {
        let starts = builder.integers([1, 1], hint: "crop_starts")
        let ends = builder.integers([side, side], hint: "crop_ends")
        let axes = builder.integers([2, 3], hint: "crop_axes")
        return builder.node("Slice", [input, starts, ends, axes])
    }

    /// The parameter `name` as an initializer named by its PyTorch key.
    /// - Precondition: the model has the tensor (the head asks for alpha and eta only when
    ///   the rule is plastic).
    func constant(_ name: ParameterName, _ builder: inout ONNXGraphBuilder) throws -> String {
        guard let tensor = parameters[name] else { preconditionFailure("the model has no tensor \(name)") }
        return builder.constant(try schema.place(of: name).torchName, tensor)
    }
}
