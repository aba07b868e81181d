import Foundation
import HDF5Kit
import Synchronization
import XCTest

final class HDF5ReadingTests: XCTestCase {
    private struct Refused: Error {}

    /// A small HDF5 file, sealed or not.
    private func file(sealed: Bool) throws -> URL {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent(sealed ? "sealed.h5" : "plain.h5")
        let file = try HDF5File.create(at: url, sealable: sealed)
        try file.root.createDataset("x", shape: [3], values: [Float(1), 2, 3])
        try file.close()
        if sealed { try HDF5Seal.seal(url, name: url.path) }
        return url
    }

    /// What the containment and the observer saw, in order.
    private final class EventLog: Sendable {
        let lines = Mutex<[String]>([])

        func append(_ line: String) { lines.withLock { $0.append(line) } }

        func withLock<Result>(_ body: ([String]) -> Result) -> Result { lines.withLock { body($0) } }
    }

    /// A reading whose containment and observer record what they see.
    private func recordingReading(refusing: Bool = false) -> (HDF5Reading, EventLog) {
        let log = EventLog()
        let containment = HDF5Containment { bytes in
            log.append("probe \(bytes.name)")
            if refusing { throw Refused() }
        }
        let reading = HDF5Reading(containment: containment) { event in
            switch event {
            case .read(let file): log.append("read \(file)")
            case .parse(let file): log.append("parse \(file)")
            }
        }
        return (reading, log)
    }

    func testASealedFileIsReadAndParsedOnceWithoutTheContainment() throws {
        let url = try file(sealed: true)
        let (reading, log) = recordingReading()
        let stored = try reading.read(url)
        XCTAssertEqual(stored.bytes.seal, .intact)
        XCTAssertEqual(try stored.file.root.dataset("x").read(Float.self), [1, 2, 3])
        XCTAssertEqual(log.withLock { $0 }, ["read \(url.path)", "parse \(url.path)"])
    }

    func testAFileWithoutAnIntactSealGoesThroughTheContainmentBeforeItsParse() throws {
        let url = try file(sealed: false)
        let (reading, log) = recordingReading()
        _ = try reading.read(url, name: "plain")
        XCTAssertEqual(log.withLock { $0 }, ["read plain", "probe plain", "parse plain"])

        let (refusing, refusals) = recordingReading(refusing: true)
        XCTAssertThrowsError(try refusing.read(url, name: "plain")) { XCTAssertTrue($0 is Refused) }
        XCTAssertEqual(refusals.withLock { $0 }, ["read plain", "probe plain"], "nothing parsed after a refusal")
    }

    func testBytesInMemoryAreParsedWithoutARead() throws {
        let bytes = HDF5FileBytes(bytes: Array(try Data(contentsOf: try file(sealed: true))), name: "memory")
        let (reading, log) = recordingReading()
        XCTAssertEqual(try reading.parse(bytes).file.root.dataset("x").read(Float.self), [1, 2, 3])
        XCTAssertEqual(log.withLock { $0 }, ["parse memory"])
    }

    func testAMissingFileIsReportedBeforeAnyEvent() throws {
        let (reading, log) = recordingReading()
        let missing = try makeTemporaryDirectory(for: self).appendingPathComponent("none.h5")
        XCTAssertThrowsError(try reading.read(missing)) { XCTAssertTrue("\($0)".hasSuffix("open failed: no such file")) }
        XCTAssertEqual(log.withLock { $0 }, [])
    }
}
