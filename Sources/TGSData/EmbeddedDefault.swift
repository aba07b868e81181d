extension DataSet {
    /// The 48-image fixture set `fixtures/tgs-48` (101 x 101, seed 1), generated in
    /// memory: identical, fingerprint included, to loading that folder.
    public static let embeddedDefault: DataSet = SyntheticSeismic(size: 101, seed: 1).dataSet(count: 48)
}
