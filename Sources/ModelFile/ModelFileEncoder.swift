import HDF5Kit
import Kernels
import PlasticUNet
import Training

/// Writes contents into an empty file, creating each group on first use; the datasets'
/// elements are written together at the end (``HDF5DatasetBatch``).
struct ModelFileEncoder {
    /// The deflate level of every dataset: 0, stored as they are. The schema requires the
    /// deflate filter, which every reader then expects; trained weights and optimizer
    /// moments would shrink by about a fifth at level 1, which takes several times as long
    /// as the rest of a save.
    static let deflateLevel = 0

    /// The schema, for the format's name and version.
    let schema: ModelSchema
    /// The new file's root.
    let root: HDF5Group
    private var groups: [String: HDF5Group] = [:]
    private var batch = HDF5DatasetBatch(deflateLevel: deflateLevel)

    private init(schema: ModelSchema, root: HDF5Group) {
        self.schema = schema
        self.root = root
        groups["/"] = root
    }

    /// Writes every part of `contents` below `root`, filtering the datasets' chunks on up
    /// to `threads` threads; every group and dataset it opened is closed when it returns.
    /// The file's bytes do not depend on `threads`.
    /// - Throws: `HDF5Error` when HDF5 fails; ``ModelFileError/schema(_:)`` when the schema
    ///   does not list a parameter.
    static func encode(_ contents: ModelFileContents, into root: HDF5Group, schema: ModelSchema,
                       threads: Int) throws {
        var encoder = ModelFileEncoder(schema: schema, root: root)
        try encoder.encode(contents)
        try encoder.batch.write(threads: threads)
    }

    private mutating func encode(_ contents: ModelFileContents) throws {
        try root.setAttribute("format", .string(schema.format))
        try root.setAttribute("format_version", .int64(schema.formatVersion))
        try root.setAttribute("generator", .string(PlasticUNetVersion.generator))
        try root.setAttribute("config", .string(contents.configuration.jsonText()))
        let places = try schema.places(of: contents.parameters.specs)
        for (place, tensor) in zip(places, contents.parameters.tensors) {
            try write(tensor, at: place.path).setAttribute("torch_name", .string(place.torchName))
        }
        if let trace = contents.trace {
            try write(trace.hebb, at: ModelFilePaths.traceHebb).setAttribute("samples", .int64(trace.samples))
            if let sensitivity = trace.etaSensitivity {
                try write(sensitivity, at: ModelFilePaths.traceEtaSensitivity)
            }
        }
        try encode(contents.optimizer, places: places)
        try encode(contents.random)
        let progress = try group(ModelFilePaths.progress)
        try progress.setAttribute("epoch", .int64(contents.progress.epoch))
        try progress.setAttribute("sample_in_epoch", .int64(contents.progress.sampleInEpoch))
        try encode(contents.history)
        if let original = contents.originalHistory {
            try encode(original)
        }
        if let dataset = contents.dataset {
            try encode(dataset)
        }
    }

    private mutating func encode(_ optimizer: OptimizerRecord, places: [ParameterPlace]) throws {
        let group = try group(ModelFilePaths.optimizer)
        try group.setAttribute("name", .string("adam"))
        try group.setAttribute("step", .int64(optimizer.step))
        try group.setAttribute("lr", .float64(optimizer.learningRate))
        try group.setAttribute("beta1", .float64(optimizer.beta1))
        try group.setAttribute("beta2", .float64(optimizer.beta2))
        try group.setAttribute("eps", .float64(optimizer.epsilon))
        try group.setAttribute("gamma", .float64(optimizer.gamma))
        try group.setAttribute("step_size", .int64(optimizer.stepSize))
        for (mirror, moments) in [(ModelFilePaths.firstMoments, optimizer.firstMoments),
                                  (ModelFilePaths.secondMoments, optimizer.secondMoments)] {
            for (place, moment) in zip(places, moments) {
                try write(moment, at: mirror + place.path)
            }
        }
    }

    private mutating func encode(_ random: RandomRecord) throws {
        let group = try group(ModelFilePaths.random)
        try group.setAttribute("algorithm", .string(random.algorithm))
        try group.setAttribute("seed", .uint64(random.seed))
        for (name, counter) in random.counters.sorted(by: { $0.key < $1.key }) {
            try group.setAttribute(name, .int64(counter))
        }
    }

    private mutating func encode(_ history: HistoryRecord) throws {
        try write(history.trainLoss, shape: [history.trainLoss.count], at: ModelFilePaths.historyTrainLoss)
        for (path, column) in HistoryRecord.epochColumns {
            try write(history.epochs.map(column), shape: [history.epochs.count], at: path)
        }
        // A run that records step digests and has taken a step; never an empty table.
        if let digests = history.stepDigests, !digests.isEmpty {
            let dataset = try write(digests.flatMap(\.parts), shape: [digests.count, StepDigest.partNames.count],
                                    at: ModelFilePaths.stepDigests)
            for (name, value) in StepDigestLayout.attributes { try dataset.setAttribute(name, value) }
        }
    }

    private mutating func encode(_ original: OriginalHistoryRecord) throws {
        try group(ModelFilePaths.originalHistory).setAttribute("source_sha256", .string(original.sourceSHA256))
        try write(original.trainLoss, shape: [original.trainLoss.count], at: ModelFilePaths.originalTrainLoss)
        try group(ModelFilePaths.originalValidation)
        for series in original.validation {
            try write(series.values, shape: [series.values.count],
                      at: child(named: series.name, of: ModelFilePaths.originalValidation))
        }
    }

    private mutating func encode(_ dataset: DatasetRecord) throws {
        let group = try group(ModelFilePaths.dataset)
        try group.setAttribute("fingerprint", .string(dataset.fingerprint))
        try group.setAttribute("size", .int64(Int64(dataset.size)))
        try group.setAttribute("n_train", .int64(Int64(dataset.trainIDs.count)))
        try group.setAttribute("n_val", .int64(Int64(dataset.validationIDs.count)))
        for (path, ids) in [(ModelFilePaths.trainIDs, dataset.trainIDs),
                            (ModelFilePaths.validationIDs, dataset.validationIDs)] {
            try batch.createDataset(name(of: path), in: self.group(parent(of: path)), strings: ids)
        }
    }

    @discardableResult
    private mutating func write(_ tensor: Tensor, at path: String) throws -> HDF5Dataset {
        try write(tensor.scalars, shape: tensor.shape, at: path)
    }

    @discardableResult
    private mutating func write<Number: HDF5Number>(_ values: [Number], shape: [Int],
                                                   at path: String) throws -> HDF5Dataset {
        try batch.createDataset(name(of: path), in: group(parent(of: path)), shape: shape, values: values)
    }

    /// The group at `path`, created (with the groups above it) on first use.
    @discardableResult
    private mutating func group(_ path: String) throws -> HDF5Group {
        if let group = groups[path] { return group }
        let created = try group(parent(of: path)).createGroup(name(of: path))
        groups[path] = created
        return created
    }

    private func name(of path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }
}
