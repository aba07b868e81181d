import ArgumentParser
import Foundation
import Kernels

/// The range every `--threshold` accepts.
enum ThresholdRule {
    /// Throws a `ValidationError` unless `threshold` is in [0, 1].
    static func check(_ threshold: Double) throws {
        guard threshold >= 0 && threshold <= 1 else {
            throw ValidationError("--threshold must be in [0, 1], got \(threshold)")
        }
    }
}

/// What every `--threads` accepts, and what it means when it is not given.
enum ThreadCountRule {
    /// Throws a `ValidationError` unless `threads` is nil or at least 1.
    static func check(_ threads: Int?) throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    /// `threads`, or the number of cores when it is nil.
    static func resolve(_ threads: Int?) -> Int {
        threads ?? ProcessInfo.processInfo.activeProcessorCount
    }
}

/// What every `--atol` and `--rtol` accept.
enum ToleranceRule {
    /// Throws a `ValidationError` unless both are finite and not negative.
    static func check(atol: Double, rtol: Double) throws {
        for (flag, value) in [("--atol", atol), ("--rtol", rtol)] where !(value >= 0 && value.isFinite) {
            throw ValidationError("\(flag) must be a finite number, not negative, got \(value)")
        }
    }
}

/// Which kernel path every command that computes uses: the fastest this CPU has, unless
/// the environment variable `PLASTIC_UNET_KERNELS` names one (`avx512`, `avx2` or
/// `portable`), for tests and bug reports. Results do not depend on it.
enum KernelPathRule {
    /// The forced path, or the fastest: ``KernelPath/selected``, which the head's products
    /// and Adam use too, once the variable is known to name a path that this CPU has.
    /// - Throws: ``CommandError/kernelPath(_:)`` for an unknown path or one that this CPU
    ///   lacks.
    static func resolve() throws -> KernelPath {
        guard let name = ProcessInfo.processInfo.environment[KernelPath.overrideVariable], !name.isEmpty else {
            return .selected
        }
        do {
            _ = try KernelPath(named: name)
            return .selected
        } catch {
            throw CommandError.kernelPath(error)
        }
    }
}

/// `--seed-list`: whole numbers from 0, comma-separated, none twice.
enum SeedListRule {
    /// The seeds of `text`.
    /// - Throws: `ValidationError` naming an entry that is not a seed, or a seed given twice.
    static func seeds(_ text: String) throws -> [UInt64] {
        let seeds = try text.split(separator: ",", omittingEmptySubsequences: false).map { entry in
            guard let seed = UInt64(entry.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--seed-list: \(entry) is not a seed (a whole number from 0)")
            }
            return seed
        }
        guard Set(seeds).count == seeds.count else { throw ValidationError("--seed-list names a seed twice") }
        return seeds
    }

    /// The seeds of `--seeds K` (1 to K; none for K < 1) or of `--seed-list` (`list`), or
    /// nil when neither is given.
    /// - Throws: `ValidationError` when both are given, or as ``seeds(_:)``.
    static func seeds(count: Int?, list: String?) throws -> [UInt64]? {
        if count != nil && list != nil { throw ValidationError("give --seeds or --seed-list, not both") }
        if let list { return try seeds(list) }
        return count.map { $0 > 0 ? (1...UInt64($0)).map { $0 } : [] }
    }
}
