import Checksums
import XCTest

final class SHA256Tests: XCTestCase {
    /// The FIPS 180-4 / NIST CAVS example messages and their published digests.
    func testPublishedVectors() {
        XCTAssertEqual(SHA256.hash(Array("".utf8)).hex,
                       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hash(Array("abc".utf8)).hex,
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex,
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let message896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        XCTAssertEqual(SHA256.hash(Array(message896.utf8)).hex,
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    func testOneMillionAsFedInUnevenPieces() {
        var hash = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var fed = 0
        while fed < 1_000_000 {
            let count = min(piece.count - fed % 7, 1_000_000 - fed)
            hash.update(piece[0..<count])
            fed += count
        }
        XCTAssertEqual(hash.finalize().hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Splitting a message at every position, including block and padding boundaries
    /// (55, 56, 63, 64 bytes), gives the digest of the whole.
    func testIncrementalFeedingMatchesOneShotAtEveryBoundary() {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200] {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let whole = SHA256.hash(message)
            for cut in 0...length {
                var hash = SHA256()
                hash.update(message[..<cut])
                hash.update(message[cut...])
                XCTAssertEqual(hash.finalize(), whole, "length \(length), cut \(cut)")
            }
        }
    }

    func testFinalizeLeavesTheHashUsable() {
        var hash = SHA256()
        hash.update(Array("ab".utf8))
        XCTAssertEqual(hash.finalize(), SHA256.hash(Array("ab".utf8)))
        hash.update(Array("c".utf8))
        XCTAssertEqual(hash.finalize().hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testNonContiguousSequencesAreAccepted() {
        XCTAssertEqual(SHA256.hash("abc".utf8.lazy.map { $0 }).hex,
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
