/// The rule for ids: an id names files (`ID.png`), so it must be a plain file-name stem.
enum SampleID {
    /// Why `id` cannot be an id, or nil when it can.
    static func problem(with id: String) -> DataProblem.RowProblem? {
        if id.isEmpty { return .emptyID }
        if id.contains("/") || id.contains("\\") || id.contains("..") { return .idNotAStem(id) }
        if id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            return .idWithControlCharacter(id)
        }
        return nil
    }
}
