import HDF5Kit
import Kernels
import PlasticUNet
import Training

/// Reads the contents of a file whose layout the schema has accepted. Every read still
/// checks what it reads, so that a mismatch is an error and never a crash.
struct ModelFileDecoder {
    /// The file's root.
    let root: HDF5Group
    /// The file's path, for errors.
    let file: String
    /// The file's configuration.
    let configuration: RunConfiguration
    /// The schema, for the parameters' paths.
    let schema: ModelSchema
    /// The threads that decode the tensors.
    let threads: Int

    /// The contents.
    /// - Throws: `ModelFileError.invalidLayout` naming the object that does not fit;
    ///   `HDF5Error` when a read fails.
    func decode() throws -> ModelFileContents {
        let model = configuration.model
        let specs = ParameterLayout.specs(for: model)
        let places = try schema.places(of: specs)
        let tensors = try ModelFileTensors(reading: tensorShapes(model, specs, places), below: root, file: file,
                                           threads: threads)
        let parameters = ParameterSet(specs: specs, tensors: try places.map { try tensors.tensor($0.path) })
        let trace = try model.isPlastic ? PlasticTrace(
            hebb: tensors.tensor(ModelFilePaths.traceHebb),
            etaSensitivity: model.learnEta ? tensors.tensor(ModelFilePaths.traceEtaSensitivity) : nil,
            samples: integer("samples", of: try root.dataset(relative(ModelFilePaths.traceHebb)),
                             ModelFilePaths.traceHebb)
        ) : nil
        return ModelFileContents(
            configuration: configuration, parameters: parameters, trace: trace,
            optimizer: try optimizer(places, tensors), random: try random(), progress: try progress(),
            history: try history(), dataset: try dataset(), originalHistory: try originalHistory())
    }

    /// The path and shape of every tensor: the parameters, their moments under the
    /// optimizer's mirrors, the trace.
    private func tensorShapes(_ model: ModelConfiguration, _ specs: [ParameterSpec],
                              _ places: [ParameterPlace]) -> [(path: String, shape: [Int])] {
        var shapes: [(path: String, shape: [Int])] = []
        for mirror in ["", ModelFilePaths.firstMoments, ModelFilePaths.secondMoments] {
            shapes += zip(places, specs).map { (mirror + $0.path, $1.shape) }
        }
        let square = [model.size, model.size]
        if model.isPlastic {
            shapes.append((ModelFilePaths.traceHebb, square))
            if model.learnEta { shapes.append((ModelFilePaths.traceEtaSensitivity, square)) }
        }
        return shapes
    }

    private func optimizer(_ places: [ParameterPlace], _ tensors: ModelFileTensors) throws -> OptimizerRecord {
        let path = ModelFilePaths.optimizer
        let group = try root.group(relative(path))
        return OptimizerRecord(
            step: try integer("step", of: group, path), learningRate: try number("lr", of: group, path),
            beta1: try number("beta1", of: group, path), beta2: try number("beta2", of: group, path),
            epsilon: try number("eps", of: group, path), gamma: try number("gamma", of: group, path),
            stepSize: try integer("step_size", of: group, path),
            firstMoments: try places.map { try tensors.tensor(ModelFilePaths.firstMoments + $0.path) },
            secondMoments: try places.map { try tensors.tensor(ModelFilePaths.secondMoments + $0.path) })
    }

    private func random() throws -> RandomRecord {
        let path = ModelFilePaths.random
        let group = try root.group(relative(path))
        let seed: UInt64
        switch try group.attribute("seed") {
        case .uint64(let value): seed = value
        case .int64(let value): seed = UInt64(bitPattern: value)
        default: throw violation(path, "attribute seed is not an integer")
        }
        var counters: [String: Int64] = [:]
        for (name, value) in try group.attributes() where !ModelFilePaths.randomFixedAttributes.contains(name) {
            guard case .int64(let counter) = value else { throw violation(path, "attribute \(name) is not int64") }
            counters[name] = counter
        }
        return RandomRecord(algorithm: try text("algorithm", of: group, path), seed: seed, counters: counters)
    }

    private func progress() throws -> ProgressRecord {
        let path = ModelFilePaths.progress
        let group = try root.group(relative(path))
        return ProgressRecord(epoch: try integer("epoch", of: group, path),
                              sampleInEpoch: try integer("sample_in_epoch", of: group, path))
    }

    private func history() throws -> HistoryRecord {
        let trainLoss = try root.dataset(relative(ModelFilePaths.historyTrainLoss)).read(Float.self)
        let columns = try [ModelFilePaths.epochTrainLoss, ModelFilePaths.epochValidationLoss,
                           ModelFilePaths.epochValidationScore, ModelFilePaths.epochLearningRate]
            .map { try root.dataset(relative($0)).read(Double.self) }
        guard Set(columns.map(\.count)).count == 1 else {
            throw violation(parent(of: ModelFilePaths.epochTrainLoss), "columns of different lengths")
        }
        let epochs = columns[0].indices.map { row in
            EpochRecord(trainLoss: columns[0][row], validationLoss: columns[1][row],
                        validationScore: columns[2][row], learningRate: columns[3][row])
        }
        return HistoryRecord(trainLoss: trainLoss, epochs: epochs, stepDigests: try stepDigests(steps: trainLoss.count))
    }

    /// The step digests, one row of ``StepDigest/partNames`` per step (the layout checker
    /// checked the shape and the attributes); without them, an empty record for a file of no
    /// steps (its run records digests from its first step) and nil for a file of an older
    /// version (its run records none).
    private func stepDigests(steps: Int) throws -> [StepDigest]? {
        let path = ModelFilePaths.stepDigests
        guard try root.kind(at: relative(path)) != nil else { return steps == 0 ? [] : nil }
        let values = try root.dataset(relative(path)).read(UInt64.self)
        let width = StepDigest.partNames.count
        guard values.count == steps * width else { throw violation(path, "not \(width) digests per step") }
        return stride(from: 0, to: values.count, by: width).map { StepDigest(parts: Array(values[$0..<$0 + width])) }
    }

    private func originalHistory() throws -> OriginalHistoryRecord? {
        let path = ModelFilePaths.originalHistory
        guard try root.kind(at: relative(path)) != nil else { return nil }
        let series = try root.group(relative(ModelFilePaths.originalValidation)).children().map { entry in
            OriginalHistoryRecord.Series(name: entry.name, values: try root.dataset(relative(entry.path)).read(Double.self))
        }
        return OriginalHistoryRecord(
            sourceSHA256: try text("source_sha256", of: try root.group(relative(path)), path),
            trainLoss: try root.dataset(relative(ModelFilePaths.originalTrainLoss)).read(Double.self),
            validation: series)
    }

    private func dataset() throws -> DatasetRecord? {
        let path = ModelFilePaths.dataset
        guard try root.kind(at: relative(path)) != nil else { return nil }
        let group = try root.group(relative(path))
        let size = try integer("size", of: group, path)
        guard let side = Int(exactly: size) else { throw violation(path, "attribute size is out of range") }
        return DatasetRecord(
            fingerprint: try text("fingerprint", of: group, path), size: side,
            trainIDs: try root.dataset(relative(ModelFilePaths.trainIDs)).readStrings(),
            validationIDs: try root.dataset(relative(ModelFilePaths.validationIDs)).readStrings())
    }

    private func integer(_ name: String, of object: HDF5Object, _ path: String) throws -> Int64 {
        guard case .int64(let value) = try object.attribute(name) else {
            throw violation(path, "attribute \(name) is not int64")
        }
        return value
    }

    private func number(_ name: String, of object: HDF5Object, _ path: String) throws -> Double {
        guard let value = try object.attribute(name)?.float64Value else {
            throw violation(path, "attribute \(name) is not float64")
        }
        return value
    }

    private func text(_ name: String, of object: HDF5Object, _ path: String) throws -> String {
        guard let value = try object.attribute(name)?.stringValue else {
            throw violation(path, "attribute \(name) is not a string")
        }
        return value
    }

    private func violation(_ path: String, _ problem: String) -> ModelFileError {
        .invalidLayout(file: file, violation: LayoutViolation(path: path, problem: problem))
    }
}
