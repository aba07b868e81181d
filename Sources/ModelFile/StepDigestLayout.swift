import HDF5Kit
import Kernels
import Training

/// The attributes of `/history/step_digests`, as `schemas/model-v1.json` requires them:
/// what a reader needs to recompute the digests (docs/FORMAT.md, "Step digests").
enum StepDigestLayout {
    /// The hash, the columns in order, and the floats of one hashed block.
    static let attributes: [(name: String, value: HDF5AttributeValue)] = [
        ("algorithm", .string("XXH3-64")),
        ("parts", .string(StepDigest.partNames.joined(separator: ","))),
        ("block_elements", .int64(Int64(StateDigest.blockElements))),
    ]
}
