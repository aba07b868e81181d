/// How far a walk through a file's tree goes: far beyond any model file (five levels, a few
/// hundred objects) and any sensible HDF5 file, and near enough that a hostile file is
/// refused in moments.
package enum HDF5TreeLimits {
    /// The most levels of groups below the root.
    package static let depth = 64
    /// The most objects in a file.
    package static let objects = 100_000
}
