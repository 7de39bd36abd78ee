// swift-tools-version:6.0
// NLPFromScratch: a neural-network toolkit (NNKit) and the window taggers of
// Collobert et al. (2011), "Natural Language Processing (almost) from Scratch".
import PackageDescription

// The numeric libraries are optimized in debug builds too, so that `swift test` trains its small
// models in seconds; -O keeps every precondition (shape checks stay on).
let optimize: [SwiftSetting] = [.unsafeFlags(["-O"])]

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
        .executableTarget(name: "tagger", dependencies: ["NNKit", "SequenceTagger"],
                          resources: [.copy("Resources/en-ewt-upos.safetensors")]),
        .executableTarget(name: "Benchmarks", dependencies: ["NNKit", "SequenceTagger"], swiftSettings: optimize),
        .target(name: "NNTestSupport", dependencies: ["NNKit"]),
        .testTarget(name: "NNKitTests", dependencies: ["NNKit", "NNTestSupport"]),
        .testTarget(name: "SequenceTaggerTests", dependencies: ["SequenceTagger", "NNKit", "NNTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
