import CHDF5
import Foundation

/// An open HDF5 file.
///
/// Files are created with the newest file format of the library (libver bounds latest,
/// latest), so that metadata carry checksums, and without object time stamps, so that
/// equal contents give equal bytes.
package final class HDF5File {
    /// How a file is opened.
    package enum Mode: Sendable {
        /// Reading only.
        case readOnly
        /// Reading and writing.
        case readWrite
    }

    /// The file's name in errors: its path as given, or the name the caller chose.
    package let path: String
    /// The root group, `/`.
    package let root: HDF5Group
    /// The file's identifier.
    let handle: HDF5Handle
    /// The file's name in errors, and its memory when it is not on disk.
    let context: HDF5Context

    /// The file open as `handle`, in `context` (which names it, and holds the bytes it is
    /// read from when it was opened from memory).
    init(handle: HDF5Handle, context: HDF5Context) throws {
        self.handle = handle
        self.path = context.file
        self.context = context
        let root = try context.child("/").handle(H5Gopen2(handle.id, "/", chdf5_p_default()), "open",
                                                  closer: H5Gclose)
        self.root = HDF5Group(handle: root, in: context, path: "/")
    }

    /// Creates a new file at `url`.
    /// - Parameters:
    ///   - name: how errors name the file (default: its path), for example the file that a
    ///     temporary file is to replace.
    ///   - replacing: whether an existing file is truncated; without it an existing file is
    ///     an error.
    ///   - sealable: whether the file starts with a user block for a seal (``HDF5Seal``),
    ///     which is written once the file is closed.
    /// - Throws: `HDF5Error` naming the file when it cannot be created.
    package static func create(at url: URL, name: String? = nil, replacing: Bool = false,
                              sealable: Bool = false) throws -> HDF5File {
        try create(url.path, replacing: replacing, sealable: sealable,
                   context: HDF5Context(file: name ?? url.path, object: nil)) { _ in }
    }

    /// Creates the file `path` (truncating an existing one when `replacing`) in `context`;
    /// `configure` completes its access property list.
    static func create(_ path: String, replacing: Bool, sealable: Bool, context: HDF5Context,
                       configure: (HDF5Handle) throws -> Void) throws -> HDF5File {
        // The library's flags are read under the lock: reading one opens the library, which
        // must be set up first (see HDF5Library).
        try HDF5Library.locked {
            let flags = replacing ? chdf5_f_acc_trunc() : chdf5_f_acc_excl()
            let creation = try HDF5PropertyLists.untimed(chdf5_p_file_create(), context)
            if sealable { try context.check(H5Pset_userblock(creation.id, hsize_t(HDF5Seal.userBlockSize)), "create") }
            let access = try context.handle(H5Pcreate(chdf5_p_file_access()), "create", closer: H5Pclose)
            try context.check(H5Pset_libver_bounds(access.id, chdf5_f_libver_latest(), chdf5_f_libver_latest()),
                              "create")
            try configure(access)
            let file = try context.handle(H5Fcreate(path, flags, creation.id, access.id), "create", closer: H5Fclose)
            return try HDF5File(handle: file, context: context)
        }
    }

    /// Opens the existing file at `url`.
    /// - Parameters:
    ///   - name: how errors name the file (default: its path).
    ///   - mode: reading only (the default) or reading and writing.
    /// - Throws: `HDF5Error` naming the file when it does not exist, is not an HDF5 file,
    ///   or is damaged; nothing is printed.
    package static func open(_ url: URL, name: String? = nil, mode: Mode = .readOnly) throws -> HDF5File {
        try HDF5Library.locked {
            let context = HDF5Context(file: name ?? url.path, object: nil)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw context.error("open", "no such file")
            }
            guard !isFolder.boolValue else { throw context.error("open", "is a folder") }
            guard try context.check(H5Fis_hdf5(url.path), "open") > 0 else {
                throw context.error("open", "not an HDF5 file")
            }
            let flags = mode == .readOnly ? chdf5_f_acc_rdonly() : chdf5_f_acc_rdwr()
            let file = try context.handle(H5Fopen(url.path, flags, chdf5_p_default()), "open", closer: H5Fclose)
            return try HDF5File(handle: file, context: context)
        }
    }

    /// Writes every buffered change to the file.
    /// - Throws: `HDF5Error` naming the file when HDF5 cannot flush it.
    package func flush() throws {
        try HDF5Library.locked {
            try context.check(H5Fflush(handle.id, H5F_SCOPE_GLOBAL), "flush")
        }
    }

    /// Closes the file now (it closes for good once its groups and datasets are gone too).
    /// - Throws: `HDF5Error` naming the file when HDF5 cannot close it.
    package func close() throws {
        try HDF5Library.locked {
            root.handle.close()
            try context.check(handle.close(), "close")
        }
    }
}
