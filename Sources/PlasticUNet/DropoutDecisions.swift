import RandomStreams

/// The Dropout2d decisions of one training step: for each of the network's eight dropout
/// layers, which channels survive.
///
/// The layers, in forward order: after the four pooling stages (probabilities p/2, p, p,
/// p) and on the concatenated input of the four up stages (probability p each). The
/// decisions of optimizer step t come from the stream `("dropout", index: t)`: for each
/// layer in that order and each channel in ascending order, one `nextDouble()` u; the
/// channel is kept when u >= q and then scaled by `Float(1 / (1 - q))`. A layer with
/// q = 0 draws nothing and keeps everything.
package struct DropoutDecisions: Equatable, Sendable {
    /// One layer's decision.
    package struct Layer: Equatable, Sendable {
        /// Per channel: kept or zeroed.
        package let keep: [Bool]
        /// The factor of the kept channels, 1 / (1 - q).
        package let scale: Float

        /// A decision: which channels are kept, and their factor.
        package init(keep: [Bool], scale: Float) {
            self.keep = keep
            self.scale = scale
        }

        /// Whether the layer changes nothing (q = 0).
        package var isIdentity: Bool { scale == 1 && keep.allSatisfy { $0 } }
    }

    /// The eight layers' decisions in forward order; empty for evaluation.
    package let layers: [Layer]

    /// Decisions for the eight layers in forward order.
    package init(layers: [Layer]) {
        self.layers = layers
    }

    /// No dropout at all, as in evaluation.
    package static let none = DropoutDecisions(layers: [])

    /// The dropout probability of each layer for a base probability p.
    package static func probabilities(base p: Double) -> [Double] {
        [p / 2, p, p, p, p, p, p, p]
    }

    /// The channel count of each dropout layer for a base width n.
    package static func channelCounts(width n: Int) -> [Int] {
        [n, 2 * n, 4 * n, 8 * n, 16 * n, 8 * n, 4 * n, 2 * n]
    }

    /// Draws the decisions of optimizer step `step`.
    /// - Parameters:
    ///   - probability: the base probability p, in [0, 1).
    ///   - width: the network's base width n.
    ///   - seed: the run's seed.
    ///   - step: the optimizer step (0 for the first).
    package static func draw(probability p: Double, width n: Int, seed: UInt64, step: Int64) -> DropoutDecisions {
        var stream = RandomStream(seed: seed, name: "dropout", index: UInt64(step))
        let layers = zip(probabilities(base: p), channelCounts(width: n)).map { q, channels -> Layer in
            guard q > 0 else { return Layer(keep: Array(repeating: true, count: channels), scale: 1) }
            let keep = (0..<channels).map { _ in stream.nextDouble() >= q }
            return Layer(keep: keep, scale: Float(1 / (1 - q)))
        }
        return DropoutDecisions(layers: layers)
    }

    /// The decision of layer `index`, or nil when there is no dropout.
    func layer(_ index: Int) -> Layer? {
        guard index < layers.count, !layers[index].isIdentity else { return nil }
        return layers[index]
    }
}
