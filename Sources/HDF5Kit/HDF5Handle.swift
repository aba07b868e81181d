import CHDF5

/// Owns one HDF5 identifier and closes it exactly once: explicitly with ``close()``, or
/// when the handle goes away (errors of that late close are ignored, as nothing could
/// act on them).
final class HDF5Handle {
    /// The identifier, valid until the handle closes.
    let id: hid_t
    private let closer: (hid_t) -> herr_t
    private var isOpen = true
    /// The memory of the file the identifier belongs to (``HDF5Context/memory``), held
    /// until the identifier closes.
    private let memory: AnyObject?

    /// Takes ownership of `id`, to be closed with `closer` (`H5Fclose`, `H5Dclose`...),
    /// holding `memory` until then.
    init(_ id: hid_t, closer: @escaping (hid_t) -> herr_t, holding memory: AnyObject? = nil) {
        self.id = id
        self.closer = closer
        self.memory = memory
    }

    /// Closes the identifier now; returns HDF5's status (negative on failure).
    @discardableResult
    func close() -> herr_t {
        HDF5Library.locked {
            guard isOpen else { return 0 }
            isOpen = false
            return closer(id)
        }
    }

    deinit { close() }
}

extension HDF5Context {
    /// Wraps the identifier `id` returned by an HDF5 call in a handle, or throws the error on
    /// the stack when the call failed.
    func handle(_ id: hid_t, _ operation: String, closer: @escaping (hid_t) -> herr_t) throws -> HDF5Handle {
        HDF5Handle(try check(id, operation), closer: closer, holding: memory)
    }
}
