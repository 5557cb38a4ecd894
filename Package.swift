// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SCOBrief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scobrief", targets: ["scobrief"]),
        .executable(name: "gen-gtd", targets: ["gen-gtd"]),
        .executable(name: "gtd-bench", targets: ["gtd-bench"]),
        .library(name: "Dataset", targets: ["Dataset"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Render", targets: ["Render"]),
        .library(name: "Report", targets: ["Report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Benchmark only: the CSV library the hand-written reader is measured against (gtd-bench).
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // pangocairo's pkg-config entry carries cairo's flags, so one target covers both.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // zlib: the reference deflate PNG encoding is measured against (Scripts/bench-png).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libdeflate: compresses PNG pixel data (whole-buffer deflate, faster than zlib at equal size).
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .target(name: "Dataset", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Analysis", dependencies: ["Dataset"]),
        .target(name: "Render", dependencies: ["CCairo", "CZlib", "CDeflate"]),
        .target(
            name: "Report",
            dependencies: ["Dataset", "Analysis", "Render", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "scobrief",
            dependencies: [
                "Dataset", "Analysis", "Render", "Report",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (Scripts/bench): timings are printed, never asserted.
        .executableTarget(name: "scobrief-bench", dependencies: ["Dataset", "Analysis"]),
        .testTarget(name: "DatasetTests", dependencies: ["Dataset"], resources: []),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Dataset"], exclude: ["Fixtures"]),
        .testTarget(name: "RenderTests", dependencies: ["Render"], exclude: ["References"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Render", "Analysis", "Dataset"]),
        // BadInputs/ is data the corpus test reads from the source tree, not sources or resources.
        .testTarget(name: "CLITests", dependencies: ["scobrief", "gen-gtd"], exclude: ["BadInputs"]),
        // Renders the benchmark figures for Scripts/bench-peers (SCOBrief against matplotlib).
        .executableTarget(name: "scobrief-render-bench", dependencies: ["Render"], path: "Sources/RenderBench"),
        // A deterministic file in GTD's export layout, for tests and benchmarks (GTD itself is not redistributable).
        .target(name: "GTDSynthetic", dependencies: ["Dataset"]),
        .executableTarget(
            name: "gen-gtd",
            dependencies: ["GTDSynthetic", "Dataset", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "gtd-bench",
            dependencies: ["GTDSynthetic", "Dataset", .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        .testTarget(name: "GTDTests", dependencies: ["Dataset", "GTDSynthetic", "scobrief"]),
    ]
)
