import Training

/// What identifies a model file in a report: its bytes' SHA-256, its configuration, its
/// format and how far it was trained. Holds no path, so that reports do not depend on where
/// the file lies.
package struct ModelIdentity: Equatable, Sendable {
    /// The lowercase hex SHA-256 of the file's bytes.
    package let sha256: String
    /// The configuration (the root's `config` attribute).
    package let configuration: RunConfiguration
    /// The root's `format_version`.
    package let formatVersion: Int64
    /// The root's `generator`: the program and version that wrote the file.
    package let generator: String
    /// The epochs of training completed.
    package let epochsCompleted: Int64
    /// The optimizer steps taken.
    package let optimizerSteps: Int64
    /// The fingerprint of the data the model was trained on; nil for an untrained model.
    package let trainingDataFingerprint: String?

    /// An identity from its parts.
    package init(sha256: String, configuration: RunConfiguration, formatVersion: Int64, generator: String,
                epochsCompleted: Int64, optimizerSteps: Int64, trainingDataFingerprint: String?) {
        self.sha256 = sha256
        self.configuration = configuration
        self.formatVersion = formatVersion
        self.generator = generator
        self.epochsCompleted = epochsCompleted
        self.optimizerSteps = optimizerSteps
        self.trainingDataFingerprint = trainingDataFingerprint
    }

    /// The identity of `contents`, read from a file with the given digest and root attributes.
    package init(contents: ModelFileContents, sha256: String, formatVersion: Int64, generator: String) {
        self.init(sha256: sha256, configuration: contents.configuration, formatVersion: formatVersion,
                  generator: generator, epochsCompleted: contents.progress.epoch,
                  optimizerSteps: contents.optimizer.step, trainingDataFingerprint: contents.dataset?.fingerprint)
    }
}
