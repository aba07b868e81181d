// swift-tools-version:6.2
import PackageDescription

// Every target is compiled for the baseline of its architecture, so that the program
// starts on any CPU of it, except the kernel targets named for an instruction set: they
// are compiled for it, and `Kernels` calls one of them only after asking the CPU
// (CPUFeatures) that it has that instruction set. Results do not depend on the choice:
// every fused multiply-add is written explicitly in the source and the compiler never
// contracts `a * b + c` on its own (where the hardware has none, a fused multiply-add is
// a call to the C library's exact `fmaf`). `scripts/check_isa_confinement.py` checks in
// the built program that no instruction of those sets escapes the targets named for them.
//
// The kernel targets also compile the C library's square root without errno: Swift's
// `Float.squareRoot()` is C's `sqrtf`, which may set errno and so is a call per element that
// no loop can put in vectors; without errno it is the square-root instruction, whose result
// is the same correctly rounded one, in every lane of a vector at once (Adam's update).
let kernelMathSettings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-fno-math-errno"])]
#if arch(x86_64)
let avx512Settings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "skylake-avx512"])] + kernelMathSettings
let avx2Settings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])] + kernelMathSettings
#else
let avx512Settings: [SwiftSetting] = kernelMathSettings
let avx2Settings: [SwiftSetting] = kernelMathSettings
#endif

let package = Package(
    name: "plastic-unet",
    platforms: [.macOS(.v26)],
    products: [
        .executable(name: "plastic-unet", targets: ["plastic-unet"]),
        // The register-tiled loops, generic over an instruction set (docs/ARCHITECTURE.md,
        // "Access"): public, because Swift specializes inlinable generic code in other
        // modules only when it is public.
        .library(name: "KernelLoops", targets: ["KernelLoops"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        // C libraries.
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's allocator settings (malloc.h), for the command line's AllocatorSettings.
        .systemLibrary(name: "CMalloc"),

        // The numeric core: no Foundation, no files.
        .target(name: "PortableMath"),
        .target(name: "RandomStreams", dependencies: ["PortableMath"]),
        .target(name: "Checksums"),
        .target(name: "CPUFeatures"),
        .target(name: "CacheHints"),
        .target(name: "KernelLoops", swiftSettings: kernelMathSettings),
        .target(name: "KernelsAVX512", dependencies: ["KernelLoops"], swiftSettings: avx512Settings),
        .target(name: "KernelsAVX2", dependencies: ["KernelLoops"], swiftSettings: avx2Settings),
        .target(name: "KernelsPortable", dependencies: ["KernelLoops"], swiftSettings: kernelMathSettings),
        .target(name: "Kernels", dependencies: [
            "PortableMath", "CPUFeatures", "CacheHints", "KernelLoops", "KernelsAVX512", "KernelsAVX2",
            "KernelsPortable",
        ]),

        // The domain: the model, the data, scoring and training, all without files.
        .target(name: "PlasticUNet", dependencies: ["Kernels", "RandomStreams"]),
        .target(name: "TGSData", dependencies: ["RandomStreams", "PortableMath", "Checksums"]),
        .target(name: "Scoring", dependencies: ["PlasticUNet", "Kernels", "TGSData"]),
        .target(name: "Training", dependencies: ["PlasticUNet", "Scoring", "TGSData", "Kernels", "RandomStreams"]),

        // What every report is made of: tolerances, numbers and tables as text, JSON values,
        // plots, the seeded paired bootstrap.
        .target(name: "Reports", dependencies: ["RandomStreams"]),
        // The one primitive of parallel work outside the kernels.
        .target(name: "ParallelWork"),

        // Files: they serialise the domain.
        .target(name: "FileOutput"),
        .target(name: "HDF5Kit", dependencies: ["CHDF5", "CZlib", "ParallelWork"]),
        .target(name: "ImageFiles", dependencies: ["CPNG", "TGSData", "FileOutput"]),
        .target(name: "TGSFiles", dependencies: ["TGSData", "ImageFiles", "FileOutput"]),
        // The ONNX schema's messages, generated from onnx.proto (scripts/generate_onnx_messages.sh).
        .target(name: "ONNXMessages", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
                exclude: ["onnx.proto"]),
        .target(name: "ModelFile", dependencies: [
            "HDF5Kit", "FileOutput", "PlasticUNet", "Training", "TGSData", "Kernels", "Reports", "Checksums",
        ]),

        // What the tools share: a run's start, the evaluation of a model on data.
        .target(name: "ModelRuns", dependencies: [
            "ModelFile", "Kernels", "PlasticUNet", "Scoring", "TGSData", "Training",
        ]),

        // Tools: evaluation and reports.
        .target(name: "Evaluation", dependencies: [
            "Scoring", "PlasticUNet", "ModelFile", "Training", "TGSData", "TGSFiles", "ImageFiles", "Checksums",
            "HDF5Kit", "FileOutput", "Kernels", "Reports", "ModelRuns",
        ]),

        .target(name: "ModelDiff", dependencies: [
            "HDF5Kit", "ModelFile", "Scoring", "TGSData", "PlasticUNet", "Kernels", "Checksums", "Reports",
            "ModelRuns", "ParallelWork", "Training",
        ]),

        .target(name: "Regression", dependencies: [
            "ModelFile", "Training", "PlasticUNet", "TGSData", "TGSFiles", "Kernels", "Checksums", "FileOutput",
            "HDF5Kit", "Reports", "ModelRuns",
        ]),

        .target(name: "Interop", dependencies: [
            "ModelFile", "HDF5Kit", "FileOutput", "PlasticUNet", "Training", "Kernels", "ONNXMessages",
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),

        .target(name: "Sweeps", dependencies: [
            "ModelFile", "Training", "PlasticUNet", "TGSData", "TGSFiles", "Kernels", "FileOutput", "Checksums",
            "Reports", "HDF5Kit", "ModelRuns", "Scoring",
        ]),

        .target(name: "Reproduction", dependencies: [
            "ModelRuns", "HDF5Kit", "Kernels", "ModelFile", "Reports", "TGSData", "Training",
        ]),

        .target(name: "Benchmark", dependencies: [
            "Kernels", "PlasticUNet", "Scoring", "TGSData", "Training", "ModelFile", "Reports", "HDF5Kit",
        ]),

        // The command line.
        .target(name: "PlasticUNetCLI", dependencies: [
            "HDF5Kit", "ModelFile", "PlasticUNet", "TGSData", "TGSFiles", "Training", "Scoring", "Evaluation",
            "ImageFiles", "FileOutput", "Kernels", "Checksums", "ModelDiff", "Regression", "Benchmark", "Interop",
            "Sweeps", "Reports", "ModelRuns", "Reproduction", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "plastic-unet", dependencies: [
            "PlasticUNetCLI", "ModelFile", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests: one target per module.
        .testTarget(name: "PortableMathTests", dependencies: ["PortableMath"]),
        .testTarget(name: "RandomStreamsTests", dependencies: ["RandomStreams"]),
        .testTarget(name: "ChecksumsTests", dependencies: ["Checksums"]),
        .testTarget(name: "ParallelWorkTests", dependencies: ["ParallelWork"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "ModelRunsTests", dependencies: [
            "ModelRuns", "HDF5Kit", "Kernels", "ModelFile", "PlasticUNet", "TGSData", "Training",
        ]),
        .testTarget(name: "KernelsTests", dependencies: ["Kernels"]),
        .testTarget(name: "PlasticUNetTests", dependencies: ["PlasticUNet", "Kernels", "RandomStreams"]),
        .testTarget(name: "TGSDataTests", dependencies: ["TGSData", "RandomStreams"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "PlasticUNet", "Kernels"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "PlasticUNet", "TGSData", "Kernels"]),
        .testTarget(name: "FileOutputTests", dependencies: ["FileOutput"]),
        .testTarget(name: "HDF5KitTests", dependencies: ["HDF5Kit"]),
        .testTarget(name: "ImageFilesTests", dependencies: ["ImageFiles", "TGSData"]),
        .testTarget(name: "TGSFilesTests", dependencies: ["TGSFiles", "TGSData", "ImageFiles"]),
        .testTarget(name: "ModelFileTests", dependencies: [
            "ModelFile", "HDF5Kit", "PlasticUNet", "Training", "TGSData", "Kernels",
        ]),
        .testTarget(name: "EvaluationTests", dependencies: [
            "Evaluation", "Scoring", "TGSData", "ImageFiles", "ModelFile", "PlasticUNet", "Kernels", "Training",
            "ModelRuns",
        ]),
        .testTarget(name: "ModelDiffTests", dependencies: ["ModelDiff", "HDF5Kit", "Reports"]),
        .testTarget(name: "RegressionTests", dependencies: ["Regression"]),
        .testTarget(name: "SweepsTests", dependencies: ["Sweeps", "PlasticUNet", "Training", "ModelFile"]),
        .testTarget(name: "InteropTests", dependencies: [
            "Interop", "ModelFile", "HDF5Kit", "PlasticUNet", "Training", "Kernels", "ONNXMessages",
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),
        .testTarget(name: "PlasticUNetCLITests", dependencies: [
            "plastic-unet", "ModelFile", "HDF5Kit", "ImageFiles", "TGSData", "PlasticUNet", "Regression", "Kernels",
            "RandomStreams",
        ]),
    ]
)
