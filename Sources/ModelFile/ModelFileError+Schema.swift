extension ModelFileError {
    /// What makes the schema unusable.
    package enum SchemaProblem: Equatable, Sendable, CustomStringConvertible {
        /// The schema's text does not decode; `reason` is the decoder's.
        case undecodable(reason: String)
        /// No object rule for the path.
        case noRule(path: String)
        /// An attribute rule of the object at `path` has no name.
        case attributeWithoutName(path: String)
        /// A dimension of the object at `path` has no value.
        case cannotEvaluate(path: String, dimension: String)
        /// A rule names an unknown condition.
        case unknownCondition(String)
        /// The rule for `path` names an unknown kind of object.
        case unknownKind(path: String, kind: String)
        /// An attribute rule takes its value from an unknown property.
        case unknownValueFrom(String)
        /// An attribute rule names an unknown kind of content.
        case unknownContent(String)
        /// No head entry has the tensor's name.
        case noHeadTensor(String)
        /// No convolution has the layer's name.
        case noConvolution(String)

        /// For example `no convolution down9.conv`.
        package var description: String {
            switch self {
            case .undecodable(let reason): reason
            case .noRule(let path): "no rule for \(path)"
            case .attributeWithoutName(let path): "\(path): attribute without name"
            case .cannotEvaluate(let path, let dimension): "\(path): cannot evaluate \(dimension)"
            case .unknownCondition(let name): "unknown condition \"\(name)\""
            case .unknownKind(let path, let kind): "\(path): unknown kind \"\(kind)\""
            case .unknownValueFrom(let property): "unknown value_from \"\(property)\""
            case .unknownContent(let content): "unknown content \"\(content)\""
            case .noHeadTensor(let name): "no head tensor \(name)"
            case .noConvolution(let layer): "no convolution \(layer)"
            }
        }
    }
}
