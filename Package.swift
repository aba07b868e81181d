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

        // Foundations without Foundation.
        .target(name: "PortableMath", swiftSettings: numericSettings),
        .target(name: "RandomStreams", dependencies: ["PortableMath"], swiftSettings: numericSettings),
        .target(name: "Checksums"),
        .target(name: "Kernels", dependencies: ["PortableMath"], swiftSettings: numericSettings),

        // Files.
        .target(name: "HDF5Kit", dependencies: ["CHDF5"]),
        .target(name: "ImageFiles", dependencies: ["CPNG"]),

        // The domain.
        .target(name: "TGSData", dependencies: ["ImageFiles", "Checksums", "RandomStreams", "PortableMath"]),
        .target(name: "PlasticUNet", dependencies: ["Kernels", "RandomStreams", "PortableMath"],
                swiftSettings: numericSettings),
        .target(name: "ModelFile", dependencies: ["HDF5Kit", "PlasticUNet", "Checksums"]),
        .target(name: "Training", dependencies: ["PlasticUNet", "ModelFile", "TGSData", "Kernels", "RandomStreams", "Evaluation"],
                swiftSettings: numericSettings),
        .target(name: "Evaluation", dependencies: [
            "PlasticUNet", "ModelFile", "TGSData", "ImageFiles", "Checksums", "HDF5Kit", "Kernels",
        ]),

        // The command line.
        .target(name: "PlasticUNetCLI", dependencies: [
            "HDF5Kit", "ModelFile", "PlasticUNet", "TGSData", "Training", "Evaluation", "ImageFiles",
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
        .testTarget(name: "HDF5KitTests", dependencies: ["HDF5Kit"]),
        .testTarget(name: "ImageFilesTests", dependencies: ["ImageFiles"]),
        .testTarget(name: "TGSDataTests", dependencies: ["TGSData", "ImageFiles"]),
        .testTarget(name: "PlasticUNetTests", dependencies: ["PlasticUNet", "Kernels"]),
        .testTarget(name: "ModelFileTests", dependencies: ["ModelFile", "HDF5Kit", "PlasticUNet"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "PlasticUNet", "TGSData", "ModelFile"]),
        .testTarget(name: "EvaluationTests", dependencies: [
            "Evaluation", "TGSData", "ImageFiles", "ModelFile", "PlasticUNet", "Kernels",
        ]),
        .testTarget(name: "PlasticUNetCLITests", dependencies: ["PlasticUNetCLI", "ModelFile", "HDF5Kit", "ImageFiles"]),
    ]
)
