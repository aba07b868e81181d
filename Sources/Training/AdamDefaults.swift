/// Adam's hyper-parameters of docs/MODEL.md §4 that the options do not change.
package enum AdamDefaults {
    /// The first-moment decay, 0.9.
    package static let beta1 = 0.9
    /// The second-moment decay, 0.999.
    package static let beta2 = 0.999
    /// Epsilon, 1e-8, added after the square root.
    package static let epsilon = 1e-8
}
