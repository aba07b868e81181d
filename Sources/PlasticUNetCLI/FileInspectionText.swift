import ModelFile

extension FileInspection {
    /// The inspection for people: the tree, one object a line with its attributes below
    /// it, then a table of the totals.
    func text() -> String {
        var lines = [file, kind, ""]
        let width = objects.map(\.path.count).max() ?? 0
        for object in objects {
            lines.append(object.path.padding(to: width) + "  " + summary(of: object))
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
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.indices.map { column in
                column == 0 ? row[column].padding(to: widths[column])
                    : String(repeating: " ", count: widths[column] - row[column].count) + row[column]
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

private extension String {
    /// The string followed by spaces up to `width` characters.
    func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
