import FileOutput
import Foundation
import XCTest

/// A temporary file whose writer was killed is removed by the next successful write to its
/// target; a live writer's, another target's and a file of another naming never are.
final class AbandonedTemporaryFileTests: XCTestCase {
    /// The id of a process that has ended (a child that ran and was waited for).
    private func endedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Plants the files a writer of `target` in process `pid` would leave.
    private func plant(_ name: String, in folder: URL) {
        XCTAssertTrue(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path,
                                                     contents: Data("partial".utf8)))
    }

    func testTheNextWriteRemovesTheFilesOfWritersThatAreGoneAndNoOthers() throws {
        let folder = try makeTemporaryFolder(for: self)
        let dead = try endedProcessID(), alive = ProcessInfo.processInfo.processIdentifier
        let abandoned = ".model.h5.\(dead).\(UUID().uuidString).tmp"
        let live = ".model.h5.\(alive).\(UUID().uuidString).tmp"
        let otherTarget = ".other.h5.\(dead).\(UUID().uuidString).tmp"
        let oldNaming = ".model.h5.\(UUID().uuidString).tmp"
        let notAnID = ".model.h5.12ab.\(UUID().uuidString).tmp"
        for name in [abandoned, live, otherTarget, oldNaming, notAnID] { plant(name, in: folder) }

        try AtomicFile.write("new", to: folder.appendingPathComponent("model.h5"))

        XCTAssertEqual(try entries(of: folder), [live, notAnID, otherTarget, oldNaming, "model.h5"].sorted())
    }

    func testAFailedWriteRemovesNothingButItsOwnFile() throws {
        let folder = try makeTemporaryFolder(for: self)
        let abandoned = ".model.h5.\(try endedProcessID()).\(UUID().uuidString).tmp"
        plant(abandoned, in: folder)
        struct Failure: Error {}
        XCTAssertThrowsError(try AtomicFile.replace(folder.appendingPathComponent("model.h5")) { _ in throw Failure() })
        XCTAssertEqual(try entries(of: folder), [abandoned])
    }

    func testATargetWhoseNameHasDotsIsMatchedWhole() throws {
        let folder = try makeTemporaryFolder(for: self)
        let dead = try endedProcessID()
        let abandoned = ".a.b.h5.\(dead).\(UUID().uuidString).tmp"
        let ofAnotherTarget = ".b.h5.\(dead).\(UUID().uuidString).tmp"
        for name in [abandoned, ofAnotherTarget] { plant(name, in: folder) }
        try AtomicFile.write("x", to: folder.appendingPathComponent("a.b.h5"))
        XCTAssertEqual(try entries(of: folder), [ofAnotherTarget, "a.b.h5"].sorted())
    }

    func testCommittedStagedFilesRemoveTheirTargetsAbandonedFiles() throws {
        let folder = try makeTemporaryFolder(for: self)
        let dead = try endedProcessID()
        let abandoned = [".a.png.\(dead).\(UUID().uuidString).tmp", ".b.png.\(dead).\(UUID().uuidString).tmp"]
        let unstaged = ".c.png.\(dead).\(UUID().uuidString).tmp"
        for name in abandoned + [unstaged] { plant(name, in: folder) }
        var staged = StagedFiles()
        try staged.stage("a", as: folder.appendingPathComponent("a.png"))
        try staged.stage("b", as: folder.appendingPathComponent("b.png"))
        try staged.commit()
        XCTAssertEqual(try entries(of: folder), [unstaged, "a.png", "b.png"].sorted())
    }
}
