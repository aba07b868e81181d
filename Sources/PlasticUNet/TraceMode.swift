/// How the trace behaves when a trained model is evaluated (docs/MODEL.md §5).
package enum TraceMode: String, Codable, CaseIterable, Sendable {
    /// The trace saved at the end of training, frozen (the default).
    case stored
    /// A zero trace: the plastic term vanishes (the original's behaviour).
    case zero
    /// The trace keeps updating over the evaluated images, in id order.
    case online
}
