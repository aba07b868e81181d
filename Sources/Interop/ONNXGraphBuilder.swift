import Foundation
import Kernels
import ONNXMessages

/// Builds an ONNX graph node by node: each node's output gets a fresh name, constants
/// become initializers, and the graph's inputs and outputs are declared with their shapes.
struct ONNXGraphBuilder {
    /// One attribute of a node.
    enum Attribute {
        case int(String, Int)
        case ints(String, [Int])
    }

    /// The graph so far.
    private(set) var graph = Onnx_GraphProto()
    private var counter = 0

    /// A builder of the graph `name`.
    init(name: String) {
        graph.name = name
    }

    /// A fresh name for an output, with `hint` in it for readers of the graph.
    private mutating func freshName(_ hint: String) -> String {
        counter += 1
        return "\(hint)_\(counter)"
    }

    /// Adds the node `op` on `inputs` and returns the name of its (single) output; the
    /// output is named `output` when given.
    @discardableResult
    mutating func node(_ op: String, _ inputs: [String], _ attributes: [Attribute] = [],
                       output: String? = nil) -> String {
        var node = Onnx_NodeProto()
        node.opType = op
        node.input = inputs
        let name = output ?? freshName(op.lowercased())
        node.output = [name]
        node.name = name
        node.attribute = attributes.map(Self.proto)
        graph.node.append(node)
        return name
    }

    /// Adds a float32 constant and returns its name.
    mutating func constant(_ name: String, _ tensor: Tensor) -> String {
        var proto = Onnx_TensorProto()
        proto.name = name
        proto.dims = tensor.shape.map(Int64.init)
        proto.dataType = Int32(Onnx_TensorProto.DataType.float.rawValue)
        proto.rawData = Self.littleEndianBytes(tensor.scalars.map { $0.bitPattern })
        graph.initializer.append(proto)
        return name
    }

    /// Adds a one-dimensional int64 constant (a shape, starts, ends, axes) and returns its
    /// name.
    mutating func integers(_ values: [Int], hint: String) -> String {
        var proto = Onnx_TensorProto()
        proto.name = freshName(hint)
        proto.dims = [Int64(values.count)]
        proto.dataType = Int32(Onnx_TensorProto.DataType.int64.rawValue)
        proto.rawData = Self.littleEndianBytes(values.map { UInt64(bitPattern: Int64($0)) })
        graph.initializer.append(proto)
        return proto.name
    }

    /// Declares a float32 input of the graph; a nil extent is the symbolic batch size `N`.
    mutating func input(_ name: String, shape: [Int?]) {
        graph.input.append(Self.valueInfo(name, shape: shape))
    }

    /// Declares a float32 output of the graph.
    mutating func output(_ name: String, shape: [Int?]) {
        graph.output.append(Self.valueInfo(name, shape: shape))
    }

    private static func valueInfo(_ name: String, shape: [Int?]) -> Onnx_ValueInfoProto {
        var tensorType = Onnx_TypeProto.Tensor()
        tensorType.elemType = Int32(Onnx_TensorProto.DataType.float.rawValue)
        tensorType.shape.dim = shape.map { extent in
            var dimension = Onnx_TensorShapeProto.Dimension()
            if let extent { dimension.dimValue = Int64(extent) } else { dimension.dimParam = "N" }
            return dimension
        }
        var info = Onnx_ValueInfoProto()
        info.name = name
        info.type.tensorType = tensorType
        return info
    }

    private static func proto(_ attribute: Attribute) -> Onnx_AttributeProto {
        var proto = Onnx_AttributeProto()
        switch attribute {
        case .int(let name, let value):
            proto.name = name
            proto.type = .int
            proto.i = Int64(value)
        case .ints(let name, let values):
            proto.name = name
            proto.type = .ints
            proto.ints = values.map(Int64.init)
        }
        return proto
    }

    /// The bytes of `values`, least significant first (ONNX's raw_data order).
    private static func littleEndianBytes<Word: FixedWidthInteger>(_ values: [Word]) -> Data {
        values.map(\.littleEndian).withUnsafeBytes { Data($0) }
    }
}
