/// The rule for ids: an id names files (`ID.png`), so it must be a plain file-name stem.
enum SampleID {
    /// Why `id` cannot be an id, or nil when it can.
    static func problem(with id: String) -> String? {
        if id.isEmpty { return "empty id" }
        if id.contains("/") || id.contains("\\") || id.contains("..") {
            return "id \"\(id)\" is not a file-name stem (no \"/\", \"\\\" or \"..\")"
        }
        if id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            return "id \"\(id.debugDescription.dropFirst().dropLast())\" contains a control character"
        }
        return nil
    }
}
