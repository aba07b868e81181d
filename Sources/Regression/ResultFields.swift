/// The results of a case as named fields, the unit of comparison and of the failure
/// table: `epochs[1].val_loss`, `evaluation.online.best_score`, `precision[3]`,
/// `tensors[/plastic/w].l2`, `probabilities[ID][50,50]`...
enum ResultFields {
    /// A field's value.
    enum Value: Equatable {
        /// A number, compared within the tolerance.
        case number(Double)
        /// A count or a shape, compared exactly.
        case exact(String)
        /// A byte hash, compared exactly by exact cases only.
        case hash(String)

        /// The value as a table shows it.
        var text: String {
            switch self {
            case .number(let value): "\(value)"
            case .exact(let text), .hash(let text): text
            }
        }
    }

    /// The fields of `results`, in a fixed order.
    static func fields(of results: GoldenResults) -> [(name: String, value: Value)] {
        var fields: [(String, Value)] = [("epochs.count", .exact("\(results.epochs.count)"))]
        for (index, epoch) in results.epochs.enumerated() {
            fields += [("epochs[\(index)].train_loss", .number(epoch.trainLoss)),
                       ("epochs[\(index)].val_loss", .number(epoch.valLoss)),
                       ("epochs[\(index)].val_score", .number(epoch.valScore))]
        }
        for (mode, evaluation) in results.evaluation.sorted(by: { $0.key < $1.key }) {
            fields += [("evaluation.\(mode).score", .number(evaluation.score)),
                       ("evaluation.\(mode).best_threshold", .number(evaluation.bestThreshold)),
                       ("evaluation.\(mode).best_score", .number(evaluation.bestScore))]
        }
        fields += results.precision.enumerated().map { ("precision[\($0.offset)]", .number($0.element)) }
        for (path, tensor) in results.tensors.sorted(by: { $0.key < $1.key }) {
            let name = "tensors[\(path)]"
            fields += [("\(name).shape", .exact("\(tensor.shape)")), ("\(name).sum", .number(tensor.sum)),
                       ("\(name).l2", .number(tensor.l2)), ("\(name).min", .number(tensor.min)),
                       ("\(name).max", .number(tensor.max)), ("\(name).sha256", .hash(tensor.sha256))]
        }
        for image in results.probabilities {
            fields += image.pixels.map { ("probabilities[\(image.id)][\($0.row),\($0.column)]", .number($0.value)) }
        }
        return fields
    }
}
