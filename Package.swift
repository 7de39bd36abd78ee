// swift-tools-version:6.0
// NLPFromScratch: a neural-network toolkit (NNKit) and the window taggers of
// Collobert et al. (2011), "Natural Language Processing (almost) from Scratch".
import PackageDescription

let optimize: [SwiftSetting] = [.unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release))]

let package = Package(
    name: "NLPFromScratch",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NNKit", targets: ["NNKit"]),
        .library(name: "SequenceTagger", targets: ["SequenceTagger"]),
        .executable(name: "tagger", targets: ["tagger"]),
    ],
    targets: [
        .target(name: "NNKit", swiftSettings: optimize),
        .target(name: "SequenceTagger", dependencies: ["NNKit"], swiftSettings: optimize),
        .executableTarget(name: "tagger", dependencies: ["NNKit", "SequenceTagger"]),
        .executableTarget(name: "Benchmarks", dependencies: ["NNKit", "SequenceTagger"], swiftSettings: optimize),
        .target(name: "NNTestSupport", dependencies: ["NNKit"]),
        .testTarget(name: "NNKitTests", dependencies: ["NNKit", "NNTestSupport"]),
        .testTarget(name: "SequenceTaggerTests", dependencies: ["SequenceTagger", "NNKit", "NNTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
