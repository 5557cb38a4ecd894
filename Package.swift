// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SCOBrief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scobrief", targets: ["scobrief"]),
        .executable(name: "gen-gtd", targets: ["gen-gtd"]),
        .executable(name: "gtd-bench", targets: ["gtd-bench"]),
        .executable(name: "gen-events", targets: ["gen-events"]),
        .library(name: "Support", targets: ["Support"]),
        .library(name: "Dataset", targets: ["Dataset"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Render", targets: ["Render"]),
        .library(name: "RenderSVG", targets: ["RenderSVG"]),
        .library(name: "RenderCairo", targets: ["RenderCairo"]),
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
        // libhyphen: the TeX hyphenation patterns LibreOffice uses, for justified report text. Debian
        // ships no pkg-config file for it, so the module map names the header and the library.
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev", "hyphen-en-us", "hyphen-ru"])]),
        // A header-only C module: the SSE2 byte masks StampedAttacksReader walks a CSV file's structure with.
        .systemLibrary(name: "CByteMasks"),
        // What every module shares: diagnostics, YAML reading with limits, atomic files, input limits.
        .target(name: "Support", dependencies: [.product(name: "Yams", package: "Yams")]),
        // CDeflate: libdeflate's CRC-32 for the stamp an import writes beside its table (ImportStamp).
        .target(name: "Dataset", dependencies: ["Support", "CDeflate", "CByteMasks"]),
        // The JSON Schema of the commands' output sits beside the code that writes it; it is documentation, not a resource.
        .target(name: "Analysis", dependencies: ["Support", "Dataset"], exclude: ["Output/scobrief-output.schema.json"]),
        // Charts as data: model, scales, layout, chart kinds, the scene and the backend protocols. No C
        // import, and never Dataset: a chart knows nothing of the corpus. Support gives atomic files.
        .target(name: "Render", dependencies: ["Support"]),
        // The Cairo/Pango backend of Render's protocols: the only target that imports CCairo.
        .target(name: "RenderCairo", dependencies: ["Support", "Render", "CCairo", "CZlib", "CDeflate", "CHyphen"]),
        // The native SVG backend: real <text> elements; Render only, no C.
        .target(name: "RenderSVG", dependencies: ["Render"]),
        .target(name: "Report", dependencies: ["Support", "Dataset", "Analysis", "Render"]),
        .executableTarget(
            name: "scobrief",
            dependencies: [
                "Support", "Dataset", "Analysis", "Render", "RenderCairo", "RenderSVG", "Report",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (Scripts/bench): timings are printed, never asserted.
        .executableTarget(name: "scobrief-bench", dependencies: ["Dataset", "Analysis"]),
        // Helpers every test target shares (paths, temporary folders, the CLI runner, image comparison,
        // a fixed-width text measurer), as swift-argument-parser's ArgumentParserTestHelpers.
        .target(name: "TestSupport", dependencies: ["Render", "RenderCairo"], path: "Tests/TestSupport"),
        .testTarget(name: "SupportTests", dependencies: ["Support", "TestSupport"]),
        .testTarget(name: "DatasetTests", dependencies: ["Support", "Dataset", "TestSupport"], resources: []),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Dataset"], exclude: ["Fixtures"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "RenderCairo", "RenderSVG", "Support", "TestSupport"], exclude: ["References"]),
        .testTarget(name: "ReportTests", dependencies: ["Support", "Report", "Render", "RenderCairo", "Analysis", "Dataset", "TestSupport"]),
        // BadInputs/ is data the corpus test reads from the source tree, not sources or resources.
        .testTarget(name: "CLITests", dependencies: ["scobrief", "gen-gtd", "gen-events", "Support", "Dataset", "Analysis", "TestSupport"], exclude: ["BadInputs"]),
        // Renders the benchmark figures for Scripts/bench-peers (SCOBrief against matplotlib).
        .executableTarget(name: "scobrief-render-bench", dependencies: ["Render", "RenderCairo"], path: "Sources/RenderBench"),
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
        // Deterministic files in UCDP GED's and ACLED's export layouts, recording the truth they generate.
        .target(name: "EventSynthetic", dependencies: ["Dataset", "GTDSynthetic"]),
        .executableTarget(
            name: "gen-events",
            dependencies: ["EventSynthetic", "Dataset", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "EventImportTests", dependencies: ["Support", "Dataset", "Analysis", "EventSynthetic", "scobrief", "gen-events", "gen-gtd", "TestSupport"]),
        .testTarget(name: "GTDTests", dependencies: ["Support", "Dataset", "GTDSynthetic", "scobrief", "TestSupport"]),
    ]
)
