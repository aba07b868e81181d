/// The one-line conclusion of a comparison.
package struct DiffVerdict: Equatable, Sendable, CustomStringConvertible {
    /// The three outcomes.
    package enum Status: String, Sendable {
        /// Nothing differs at all (the `generator` attribute aside).
        case identical
        /// Some numbers differ, all within the tolerance, and nothing else differs.
        case equalWithinTolerance = "equal within tolerance"
        /// Something differs: a dataset, a config key, a group, or a predicted mask.
        case different
    }

    /// The outcome.
    package let status: Status
    /// `identical`, `equal within tolerance`, or `different: K of M datasets, N config
    /// keys` (the config keys when the configs were compared; then the groups that differ,
    /// and with `--data` the score change and the masks that differ).
    package let description: String

    /// The verdict of `report`.
    init(_ report: DiffReport) {
        let groups = Set(report.metadata.filter { $0.kind != "dataset" }.map(\.path)).count
        let configKeys = report.config?.count ?? 0
        let masks = report.behaviour?.differingMasks ?? 0
        if !report.differingDatasets.isEmpty || configKeys > 0 || groups > 0 || masks > 0 {
            status = .different
            var parts = ["\(report.differingDatasets.count) of \(report.datasetCount) datasets"]
            if report.config != nil { parts.append(Self.count(configKeys, "config key")) }
            if groups > 0 { parts.append(Self.count(groups, "group")) }
            var text = "different: " + parts.joined(separator: ", ")
            if let behaviour = report.behaviour {
                text += "; \(behaviour.scoreChangeText), \(masks) of \(behaviour.imageCount) masks differ"
            }
            description = text
        } else if report.values.isEmpty {
            status = .identical
            description = status.rawValue
        } else {
            status = .equalWithinTolerance
            description = status.rawValue
        }
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
