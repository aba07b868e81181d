import CHDF5

/// A file that HDF5 cannot read or write, described on one line that names the file and,
/// where there is one, the object:
/// `/x/m.h5: /plastic/w: read failed: data error detected by Fletcher32 checksum`.
package enum HDF5Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// An operation on the file or on the object at `object` inside it (nil: the file
    /// itself) failed. `operation` is what was being done (`open`, `create`, `read`,
    /// `write`...); `reason` is why, from HDF5's error stack or from the checks of this
    /// module.
    case failed(file: String, object: String?, operation: String, reason: String)
    /// The library failed on the file in the ``HDF5Containment``: it crashed, hung, or ran
    /// out of memory. `reason` says what happened to the child process (`signal 11`, `no
    /// answer in 60 s`).
    case containment(file: String, reason: String)

    /// The file's path as it was given.
    package var file: String {
        switch self {
        case .failed(let file, _, _, _), .containment(let file, _): file
        }
    }

    /// `FILE: OBJECT: OPERATION failed: REASON`, or for the containment
    /// `cannot read FILE: the HDF5 library failed on it (REASON)`.
    package var description: String {
        switch self {
        case .failed(let file, let object, let operation, let reason):
            ([file] + (object.map { [$0] } ?? []) + ["\(operation) failed: \(reason)"]).joined(separator: ": ")
        case .containment(let file, let reason):
            "cannot read \(file): the HDF5 library failed on it (\(reason))"
        }
    }
}

/// Where an operation happens: the file and the object, for the error messages.
struct HDF5Context: Sendable {
    /// The file's path.
    let file: String
    /// The object's path inside the file, or nil for the file itself.
    let object: String?
    /// The memory the file lives in when it is not on disk (the image it was opened from, or
    /// the one it is being written into): every handle made in the file's contexts holds it,
    /// so that it outlives the library's use of it.
    let memory: (any AnyObject & Sendable)?

    init(file: String, object: String?, memory: (any AnyObject & Sendable)? = nil) {
        self.file = file
        self.object = object
        self.memory = memory
    }

    /// The context of the object at `path` in the same file.
    func child(_ path: String) -> HDF5Context {
        HDF5Context(file: file, object: path, memory: memory)
    }

    /// An error for `operation` with a reason of this module's own.
    func error(_ operation: String, _ reason: String) -> HDF5Error {
        .failed(file: file, object: object, operation: operation, reason: reason)
    }

    /// An error for `operation` whose reason is read from (and then cleared off) HDF5's
    /// error stack.
    func stackError(_ operation: String) -> HDF5Error {
        error(operation, HDF5ErrorStack.takeReason())
    }

    /// Returns `result` when it is not negative; otherwise throws the error on the stack.
    @discardableResult
    func check<Result: BinaryInteger>(_ result: Result, _ operation: String) throws -> Result {
        guard result >= 0 else { throw stackError(operation) }
        return result
    }
}

/// Reads HDF5's error stack of the current thread.
enum HDF5ErrorStack {
    /// One line from the stack: the system's message when a system call failed (a full
    /// disk says `No space left on device`), otherwise the descriptions of its entries,
    /// innermost (the cause) first, with repeats dropped; then clears the stack.
    static func takeReason() -> String {
        var collector = Collector()
        withUnsafeMutablePointer(to: &collector) { pointer in
            _ = H5Ewalk2(chdf5_e_default(), H5E_WALK_UPWARD, { _, entry, context in
                guard let entry, let context else { return 0 }
                context.assumingMemoryBound(to: Collector.self).pointee.add(entry.pointee)
                return 0
            }, pointer)
        }
        _ = H5Eclear2(chdf5_e_default())
        return collector.reason
    }

    /// Gathers the entries' texts during a walk.
    private struct Collector {
        var parts: [String] = []
        var systemMessage: String?

        mutating func add(_ entry: H5E_error2_t) {
            let text = (entry.desc.map { String(cString: $0) } ?? "")
                .split(whereSeparator: \.isNewline).joined(separator: " ")
            systemMessage = systemMessage ?? Self.systemMessage(in: text)
            let minor = message(of: entry.min_num)
            for part in [text, minor] where !part.isEmpty && !parts.contains(part) {
                parts.append(part)
            }
        }

        var reason: String {
            systemMessage ?? (parts.isEmpty ? "unknown HDF5 error" : parts.prefix(2).joined(separator: ": "))
        }

        /// The text of `error message = '...'`, which HDF5's file drivers write after a
        /// failed system call, or nil.
        private static func systemMessage(in text: String) -> String? {
            guard let start = text.range(of: "error message = '")?.upperBound,
                  let end = text[start...].firstIndex(of: "'") else { return nil }
            return String(text[start..<end])
        }

        private func message(of id: hid_t) -> String {
            var buffer = [CChar](repeating: 0, count: 256)
            var type = H5E_MINOR
            guard H5Eget_msg(id, &type, &buffer, buffer.count) > 0 else { return "" }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
