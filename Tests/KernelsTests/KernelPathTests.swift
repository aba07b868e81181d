import Kernels
import XCTest

/// Choosing a kernel path: what the CPU has, by name, and refusals.
final class KernelPathTests: XCTestCase {
    func testThePortablePathRunsEverywhereAndTheFastestComesFirst() {
        XCTAssertTrue(KernelPath.portable.isSupported)
        XCTAssertEqual(KernelPath.supported.last, .portable)
        XCTAssertEqual(KernelPath.fastest, KernelPath.supported[0])
        // AVX-512 code also uses every AVX2 instruction, so a CPU with it has both.
        if KernelPath.avx512.isSupported { XCTAssertTrue(KernelPath.avx2.isSupported) }
        #if !arch(x86_64)
        XCTAssertEqual(KernelPath.supported, [.portable])
        #endif
    }

    func testEverySupportedPathIsFoundByItsName() throws {
        for path in KernelPath.supported {
            XCTAssertEqual(try KernelPath(named: path.rawValue), path)
        }
    }

    func testAnUnknownNameIsRefusedWithTheNamesThisCPUHas() {
        XCTAssertThrowsError(try KernelPath(named: "sse9")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("'sse9' is not a kernel path"), text)
            XCTAssertTrue(text.contains("portable"), text)
            XCTAssertEqual(error as? KernelPathError, .unknown(name: "sse9"))
        }
    }

    func testAPathThisCPULacksIsRefusedNamingWhatItNeeds() throws {
        guard let lacking = KernelPath.allCases.first(where: { !$0.isSupported }) else {
            throw XCTSkip("this CPU runs every kernel path")
        }
        XCTAssertThrowsError(try KernelPath(named: lacking.rawValue)) { error in
            XCTAssertTrue("\(error)".contains("needs \(lacking.instructions), which this CPU lacks"), "\(error)")
            XCTAssertEqual(error as? KernelPathError, .unsupported(lacking))
        }
    }

    func testTheDescriptionNamesThePathAndItsTiles() {
        for path in KernelPath.allCases {
            XCTAssertTrue(path.description.hasPrefix("\(path.rawValue): "), path.description)
            XCTAssertTrue(path.description.contains("register tiles"), path.description)
        }
    }
}
