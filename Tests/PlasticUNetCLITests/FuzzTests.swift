import Foundation
import RandomStreams
import XCTest

/// Damaged and hostile files through every command that reads them, each run in a child
/// process (the tool itself), so that a crash or a hang is caught and reported with the
/// case's seed. No run may end by a signal or hang; each must exit 0, 1 or 2, with one
/// line on standard error when it fails. `PLASTIC_UNET_FUZZ_SCALE=N` runs N times as many
/// cases (a longer run for those who want one).
final class FuzzTests: XCTestCase {
    /// Runs of one command on one case.
    private struct Run: Sendable {
        let seed: UInt64
        let command: String
        let signal: Int32?
        let timedOut: Bool
        let status: Int32
        let stderrLines: Int
    }

    private static var scale: Int {
        Int(ProcessInfo.processInfo.environment["PLASTIC_UNET_FUZZ_SCALE"] ?? "") ?? 1
    }

    func testDamagedModelFilesNeverCrashTheReaders() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let base = try SharedTrainedModel.url()
        let original = Array(try Data(contentsOf: base))
        let count = 500 * Self.scale
        let runs = try Self.fuzz(count: count, in: folder) { seed, file in
            var random = SeededRandom(seed: seed)
            try Data(FileMutation.mutate(original, &random)).write(to: file)
            let data = EvaluationFixtures.smallData.path
            return [["validate", file.path], ["inspect", file.path],
                    ["evaluate", file.path, "--data", data, "--split", "all", "--threads", "1"],
                    ["diff", base.path, file.path]]
        }
        Self.report(runs, cases: count, what: "damaged model files")
    }

    func testDamagedImagesAndTablesNeverCrashTheReaders() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let source = EvaluationFixtures.smallData
        let images = try EvaluationFixtures.imageIDs(in: source.appendingPathComponent("train/masks"))
        let count = 200 * Self.scale
        let runs = try Self.fuzz(count: count, in: folder) { seed, scratch in
            var random = SeededRandom(seed: seed)
            let copy = scratch.deletingPathExtension()
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: source, to: copy)
            let target = random.next() % 2 == 0 ? copy.appendingPathComponent("train.csv")
                : copy.appendingPathComponent("train/masks/\(images[Int(random.next() % UInt64(images.count))]).png")
            try Data(FileMutation.mutate(Array(try Data(contentsOf: target)), &random)).write(to: target)
            return [["data", "check", copy.path],
                    ["score", "--truth", copy.appendingPathComponent("train.csv").path,
                     "--pred", copy.appendingPathComponent("train/masks").path]]
        }
        Self.report(runs, cases: count, what: "damaged images and tables")
    }

    /// Runs the commands that `make` returns for each case (writing the case's file at the
    /// URL it receives), two cases at a time.
    private static func fuzz(count: Int, in folder: URL,
                             _ make: @escaping @Sendable (UInt64, URL) throws -> [[String]]) throws -> [Run] {
        let runs = Runs()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: count, by: 2) {
                let seed = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 1
                let file = folder.appendingPathComponent("case-\(worker).h5")
                do {
                    for arguments in try make(seed, file) {
                        let result = try ToolRunner.run(arguments, timeout: 120)
                        runs.append(Run(seed: seed, command: arguments[0] == "data" ? "data check" : arguments[0],
                                        signal: result.signal, timedOut: result.timedOut, status: result.status,
                                        stderrLines: result.stderr.split(separator: "\n").count))
                    }
                } catch {
                    runs.append(Run(seed: seed, command: "setup: \(error)", signal: nil, timedOut: false, status: -1,
                                    stderrLines: 0))
                }
            }
        }
        return runs.all
    }

    /// Prints the counts and fails for every run that crashed, hung, or failed badly.
    private static func report(_ runs: [Run], cases: Int, what: String) {
        let signals = runs.filter { $0.signal != nil }, hangs = runs.filter(\.timedOut)
        let statuses = Dictionary(grouping: runs.filter { $0.signal == nil && !$0.timedOut }, by: \.status)
            .mapValues(\.count).sorted { $0.key < $1.key }.map { "exit \($0.key): \($0.value)" }
        print("fuzz: \(cases) \(what), \(runs.count) runs: \(signals.count) signals, \(hangs.count) hangs; "
              + statuses.joined(separator: ", "))
        for run in runs where run.signal != nil || run.timedOut || !(0...2).contains(run.status)
            || (run.status == 2 && run.stderrLines != 1) {
            XCTFail("seed \(run.seed), \(run.command): signal \(run.signal.map(String.init) ?? "none"), "
                    + "timed out \(run.timedOut), status \(run.status), \(run.stderrLines) lines on standard error")
        }
    }

    /// The runs of the workers.
    private final class Runs: @unchecked Sendable {
        private var runs: [Run] = []
        private let lock = NSLock()

        func append(_ run: Run) { lock.withLock { runs.append(run) } }
        var all: [Run] { lock.withLock { runs } }
    }
}

/// A small seeded generator for the mutations: one of the program's own random streams.
struct SeededRandom {
    private var stream: RandomStream

    init(seed: UInt64) { stream = RandomStream(seed: seed, name: "tests") }

    mutating func next() -> UInt64 { stream.nextBits() }

    mutating func below(_ bound: Int) -> Int { stream.nextInt(below: max(bound, 1)) }
}

/// The ways a file is damaged: flipped bits, a cut, a block of random bytes, damage near the
/// start (where the superblock and the first headers lie), and swapped names of the same
/// length (`format` and `config`, `beta1` and `beta2`, `epoch` and `shape`...).
enum FileMutation {
    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var data = bytes
        guard !data.isEmpty else { return data }
        switch random.below(5) {
        case 0:
            for _ in 0...random.below(8) { data[random.below(data.count)] ^= UInt8(1 << random.below(8)) }
        case 1:
            data = Array(data.prefix(random.below(data.count)))
        case 2:
            let start = random.below(data.count), length = 1 + random.below(4096)
            for index in start..<min(data.count, start + length) { data[index] = UInt8(random.below(256)) }
        case 3:
            for _ in 0...random.below(4) { data[random.below(min(data.count, 4096))] = UInt8(random.below(256)) }
        default:
            let pairs = [("format", "config"), ("beta1", "beta2"), ("epoch", "steps"), ("train_ids", "val_ids\0\0"),
                         ("id,rle_mask", "rle_mask,id")]
            let (a, b) = pairs[random.below(pairs.count)]
            data = swap(Array(a.utf8), Array(b.utf8), in: data)
        }
        return data
    }

    /// `data` with the first occurrence of `a` and the first of `b` (of the same length)
    /// exchanged.
    private static func swap(_ a: [UInt8], _ b: [UInt8], in data: [UInt8]) -> [UInt8] {
        var result = data
        let (i, j) = (firstIndex(of: a, in: data), firstIndex(of: b, in: data))
        if let i { result.replaceSubrange(i..<i + a.count, with: b) }
        if let j { result.replaceSubrange(j..<j + b.count, with: a) }
        return result
    }

    private static func firstIndex(of pattern: [UInt8], in data: [UInt8]) -> Int? {
        guard pattern.count <= data.count else { return nil }
        return (0...(data.count - pattern.count)).first { data[$0..<$0 + pattern.count].elementsEqual(pattern) }
    }
}
