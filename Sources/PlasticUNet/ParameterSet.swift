import Kernels
import RandomStreams

/// The values of every trainable tensor of a model, in the order of its specs.
package struct ParameterSet: Equatable, Sendable {
    /// What each tensor is; `tensors[i]` has the shape of `specs[i]`.
    package let specs: [ParameterSpec]
    /// The values, parallel to `specs`.
    package private(set) var tensors: [Tensor]
    private let indexByName: [ParameterName: Int]

    /// A parameter set from specs and matching tensors.
    /// - Precondition: every tensor has its spec's shape.
    package init(specs: [ParameterSpec], tensors: [Tensor]) {
        precondition(specs.count == tensors.count, "\(specs.count) specs, \(tensors.count) tensors")
        for (spec, tensor) in zip(specs, tensors) {
            precondition(spec.shape == tensor.shape, "\(spec.name): shape \(tensor.shape), expected \(spec.shape)")
        }
        self.specs = specs
        self.tensors = tensors
        self.indexByName = Self.indexByName(of: specs)
    }

    /// The position of each spec's tensor, by name.
    package static func indexByName(of specs: [ParameterSpec]) -> [ParameterName: Int] {
        Dictionary(uniqueKeysWithValues: specs.enumerated().map { ($1.name, $0) })
    }

    /// The parameters of no tensor: what stands in for a model's parameters while they are
    /// lent elsewhere.
    package static let none = ParameterSet(specs: [], tensors: [])

    /// A new model's parameters, each tensor drawn from its own stream
    /// (``ParameterName/initialisationStream``, seed), element by element in row-major
    /// order, so that a tensor's values depend only on the seed and its name (not on the
    /// rule or on other tensors).
    package static func initialised(for configuration: ModelConfiguration, seed: UInt64) -> ParameterSet {
        let specs = ParameterLayout.specs(for: configuration)
        let tensors = specs.map { spec -> Tensor in
            var stream = RandomStream(seed: seed, name: spec.name.initialisationStream)
            let scalars = (0..<spec.scalarCount).map { _ in draw(spec.initialisation, from: &stream) }
            return Tensor(shape: spec.shape, scalars: scalars)
        }
        return ParameterSet(specs: specs, tensors: tensors)
    }

    private static func draw(_ initialisation: Initialisation, from stream: inout RandomStream) -> Float {
        switch initialisation {
        case .symmetricUniform(let bound): return Float(bound * (2 * stream.nextDouble() - 1))
        case .scaledNormal(let scale): return Float(scale * stream.nextNormal())
        case .scaledUniform(let scale): return Float(scale * stream.nextDouble())
        case .constant(let value): return value
        }
    }

    /// The tensor named `name`, or nil when the model has none of that name.
    package subscript(name: ParameterName) -> Tensor? {
        indexByName[name].map { tensors[$0] }
    }

    /// Replaces the tensor named `name`.
    /// - Precondition: `name` is one of the specs and `tensor` has its shape.
    package mutating func set(_ name: ParameterName, to tensor: Tensor) {
        guard let index = indexByName[name] else { preconditionFailure("no parameter \(name)") }
        precondition(specs[index].shape == tensor.shape, "\(name): shape \(tensor.shape), expected \(specs[index].shape)")
        tensors[index] = tensor
    }

    /// Changes the scalars of tensor `index` in place (without a copy when nothing else
    /// shares them).
    /// - Precondition: `body` keeps their number.
    package mutating func modifyScalars<Result>(ofTensor index: Int, _ body: (inout [Float]) -> Result) -> Result {
        let count = tensors[index].scalars.count
        let result = body(&tensors[index].scalars)
        precondition(tensors[index].scalars.count == count, "\(specs[index].name): the number of scalars changed")
        return result
    }

    /// Replaces every tensor, in spec order.
    /// - Precondition: the new tensors have the specs' shapes.
    package mutating func replaceAll(with newTensors: [Tensor]) {
        self = ParameterSet(specs: specs, tensors: newTensors)
    }

    /// The total number of scalars.
    package var scalarCount: Int { specs.reduce(0) { $0 + $1.scalarCount } }
}

extension ParameterSet {
    /// The name of the first tensor holding a NaN or an infinity, or nil when every value
    /// is finite.
    package var firstNonFiniteName: ParameterName? {
        zip(specs, tensors).first { !$0.1.scalars.allSatisfy(\.isFinite) }?.0.name
    }
}
