#if canImport(Glibc)
import CMalloc
import Glibc
#endif

/// The settings of glibc's allocator for this program, made before any thread starts.
///
/// A training step allocates its gradients and activations afresh (tens of megabytes at
/// width 16) and frees them at its end. With glibc's defaults that memory went back to the
/// system after every step and came back as fresh pages, one page fault each (about 5,000
/// a step, a tenth of its time), and every thread's own arena kept what that thread had
/// freed. So the program asks for:
/// - one arena for every thread, so that memory freed by one thread serves the next
///   allocation of any other (it also lowers the peak);
/// - blocks up to 4 MB from the heap rather than from fresh mappings;
/// - free memory kept at the top of the heap up to 32 MB before it is returned.
///
/// A setting that the environment already makes (`MALLOC_ARENA_MAX`,
/// `MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`) is left as the environment makes it.
/// Nothing here changes a result, only where memory comes from.
enum AllocatorSettings {
    /// Applies the settings; on a system without glibc it does nothing.
    static func apply() {
        #if canImport(Glibc)
        let settings: [(variable: String, option: Int32, value: Int32)] = [
            ("MALLOC_ARENA_MAX", M_ARENA_MAX, 1),
            ("MALLOC_MMAP_THRESHOLD_", M_MMAP_THRESHOLD, 4 << 20),
            ("MALLOC_TRIM_THRESHOLD_", M_TRIM_THRESHOLD, 32 << 20),
        ]
        for setting in settings where getenv(setting.variable) == nil {
            _ = mallopt(setting.option, setting.value)
        }
        #endif
    }
}
