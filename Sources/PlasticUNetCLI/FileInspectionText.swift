import Reports

extension FileInspection {
    /// The inspection for people: the tree, one object a line with its attributes below
    /// it, then a table of the totals.
    func text() -> String {
        var lines = [file, kind, ""]
        let width = objects.map(\.path.count).max() ?? 0
        for object in objects {
            lines.append(object.path.padded(to: width) + "  " + summary(of: object))
            for (name, value) in object.attributes.sorted(by: { $0.key < $1.key }) {
                let text = value.prettyText.split(separator: "\n").joined(separator: "\n    ")
                lines.append("    @\(name) = \(text)")
            }
        }
        lines += ["", table(), "",
                  "trainable parameters (\(Self.trainableGroups.sorted().joined(separator: " + "))): "
                      + trainableParameters.groupedDigits]
        return lines.joined(separator: "\n")
    }

    private func summary(of object: Object) -> String {
        guard object.kind == "dataset" else { return object.kind }
        var parts = ["\(object.dtype ?? "?") \(object.shape ?? [])"]
        if let chunks = object.chunks { parts.append("chunks \(chunks)") }
        if let filters = object.filters, !filters.isEmpty { parts.append(filters.joined(separator: ", ")) }
        if let bytes = object.bytes, let stored = object.storedBytes {
            parts.append("\(bytes.groupedDigits) B, \(stored.groupedDigits) B stored")
        }
        return parts.joined(separator: "  ")
    }

    private func table() -> String {
        let header = ["group", "datasets", "elements", "bytes", "stored bytes"]
        let rows = (groups + [total]).map { totals in
            [totals.group, totals.datasets.groupedDigits, totals.elements.groupedDigits, totals.bytes.groupedDigits,
             totals.storedBytes.groupedDigits]
        }
        let alignments: [TextTable.Alignment] = [.left] + Array(repeating: .right, count: header.count - 1)
        return TextTable([header] + rows, alignments: alignments).lines(trimmed: false).joined(separator: "\n")
    }
}
