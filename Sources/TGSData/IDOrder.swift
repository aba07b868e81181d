/// The one order of ids that everything "in id order" uses: by the UTF-8 bytes of the ids,
/// so that it does not depend on the locale or on Unicode normalisation.
package enum IDOrder {
    /// Whether `a` comes before `b`.
    package static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
