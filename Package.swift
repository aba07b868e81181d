// swift-tools-version:6.0
import PackageDescription

// The numeric targets are compiled for a CPU with fused multiply-add in hardware.
// Results do not depend on it: every fused multiply-add is written explicitly in the
// source and the compiler never contracts `a * b + c` on its own, so the flag only
// changes speed (without it, each fused multiply-add is a library call).
#if arch(x86_64)
let numericSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let numericSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "plastic-unet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plastic-unet", targets: ["plastic-unet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries.
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // The numeric core: no Foundation, no files.
        .target(name: "PortableMath", swiftSettings: numericSettings),
        .target(name: "RandomStreams", dependencies: ["PortableMath"], swiftSettings: numericSettings),
        .target(name: "Checksums"),
        .target(name: "Kernels", dependencies: ["PortableMath"], swiftSettings: numericSettings),

        // The domain: the model, the data, scoring and training, all without files.
        .target(name: "PlasticUNet", dependencies: ["Kernels", "RandomStreams"], swiftSettings: numericSettings),
        .target(name: "TGSData", dependencies: ["RandomStreams", "PortableMath", "Checksums"]),
        .target(name: "Scoring", dependencies: ["PlasticUNet", "Kernels", "TGSData"]),
        .target(name: "Training", dependencies: ["PlasticUNet", "Scoring", "TGSData", "Kernels", "RandomStreams"],
                swiftSettings: numericSettings),

        // Files: they serialise the domain.
        .target(name: "FileOutput"),
        .target(name: "HDF5Kit", dependencies: ["CHDF5", "CZlib"]),
        .target(name: "ImageFiles", dependencies: ["CPNG", "TGSData", "FileOutput"]),
        .target(name: "TGSFiles", dependencies: ["TGSData", "ImageFiles", "FileOutput"]),
        .target(name: "ModelFile", dependencies: [
            "HDF5Kit", "FileOutput", "PlasticUNet", "Training", "TGSData", "Kernels",
        ]),

        // Tools: evaluation and reports.
        .target(name: "Evaluation", dependencies: [
            "Scoring", "PlasticUNet", "ModelFile", "Training", "TGSData", "TGSFiles", "ImageFiles", "Checksums",
            "HDF5Kit", "FileOutput", "Kernels",
        ]),

        .target(name: "ModelDiff", dependencies: [
            "HDF5Kit", "ModelFile", "Evaluation", "Scoring", "TGSData", "PlasticUNet", "Kernels", "Checksums",
        ]),

        .target(name: "Regression", dependencies: [
            "ModelDiff", "Evaluation", "ModelFile", "Training", "PlasticUNet", "TGSData", "TGSFiles", "Kernels",
            "Checksums", "FileOutput", "HDF5Kit",
        ]),

        .target(name: "Benchmark", dependencies: [
            "Kernels", "PlasticUNet", "Scoring", "TGSData", "Training", "ModelFile", "Evaluation",
        ]),

        // The command line.
        .target(name: "PlasticUNetCLI", dependencies: [
            "HDF5Kit", "ModelFile", "PlasticUNet", "TGSData", "TGSFiles", "Training", "Scoring", "Evaluation",
            "ImageFiles", "FileOutput", "Kernels", "Checksums", "ModelDiff", "Regression", "Benchmark",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "plastic-unet", dependencies: [
            "PlasticUNetCLI", "ModelFile", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests: one target per module.
        .testTarget(name: "PortableMathTests", dependencies: ["PortableMath"]),
        .testTarget(name: "RandomStreamsTests", dependencies: ["RandomStreams"]),
        .testTarget(name: "ChecksumsTests", dependencies: ["Checksums"]),
        .testTarget(name: "KernelsTests", dependencies: ["Kernels"]),
        .testTarget(name: "PlasticUNetTests", dependencies: ["PlasticUNet", "Kernels", "RandomStreams"]),
        .testTarget(name: "TGSDataTests", dependencies: ["TGSData"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring"]),
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
        ]),
        .testTarget(name: "ModelDiffTests", dependencies: ["ModelDiff", "HDF5Kit"]),
        .testTarget(name: "RegressionTests", dependencies: ["Regression"]),
        .testTarget(name: "PlasticUNetCLITests", dependencies: [
            "plastic-unet", "ModelFile", "HDF5Kit", "ImageFiles", "TGSData", "PlasticUNet", "Regression",
        ]),
    ]
)
