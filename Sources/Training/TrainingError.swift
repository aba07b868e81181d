import PlasticUNet

/// Why training stopped or could not start.
package enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The split names no training image.
    case noTrainingImage
    /// The split names an image that the data set does not hold.
    case missingImage(id: String)
    /// The loss of a step is a NaN or an infinity. `step` and `epoch` count from 1.
    case lossNotFinite(loss: Double, step: Int64, epoch: Int, image: String)
    /// The gradient of the tensor `name` holds a NaN or an infinity. `step` and `epoch`
    /// count from 1.
    case gradientNotFinite(name: ParameterName, step: Int64, epoch: Int, image: String)
    /// The update made the tensor `name` hold a NaN or an infinity (its gradient is
    /// finite). `step` and `epoch` count from 1.
    case updateNotFinite(name: ParameterName, step: Int64, epoch: Int, image: String)

    /// The one-line description.
    package var description: String {
        switch self {
        case .noTrainingImage:
            "the split has no training image"
        case .missingImage(let id):
            "the split names image \(id), which the data set does not hold"
        case .lossNotFinite(let loss, let step, let epoch, let image):
            "the loss became \(loss) \(Self.place(step, epoch, image))"
        case .gradientNotFinite(let name, let step, let epoch, let image):
            "the gradient of \(name) holds a NaN or an infinity \(Self.place(step, epoch, image))"
        case .updateNotFinite(let name, let step, let epoch, let image):
            "the update made \(name) hold a NaN or an infinity \(Self.place(step, epoch, image))"
        }
    }

    /// `at step S (epoch E, image ID)`.
    private static func place(_ step: Int64, _ epoch: Int, _ image: String) -> String {
        "at step \(step) (epoch \(epoch), image \(image))"
    }
}
