import Foundation
import Render
@_spi(Benchmark) import RenderCairo

/// Benchmark driver for Scripts/bench-peers.
///
///   scobrief-render-bench suite [--iterations N] [--warmup N]   median time per figure, in-process
///   scobrief-render-bench one NAME OUTPUT                       one figure from a cold process
///                                                               (SCOBRIEF_BENCH_PHASES=1: phase times to stderr)
///   scobrief-render-bench profile NAME                          build/layout/render times, page faults
///   scobrief-render-bench png [--iterations N] [--warmup N] [NAME...]
///                                                               PNG encoders on the PNG figures: median ms, bytes
///   scobrief-render-bench list                                  the figure names
let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String, default value: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let n = Int(arguments[i + 1]) else { return value }
    return n
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func render(_ c: BenchmarkCharts.Case, with renderer: ChartRenderer) throws -> Data {
    try renderer.render(c.figure(), as: c.format, options: RenderOptions(dpi: BenchmarkCharts.dpi))
}

switch arguments.first {
case "suite":
    let iterations = option("--iterations", default: 15), warmup = option("--warmup", default: 3)
    let renderer = ChartRenderer()
    let only = arguments.dropFirst().filter { !$0.hasPrefix("--") && Int($0) == nil }
    for c in BenchmarkCharts.cases where only.isEmpty || only.contains(c.name) {
        for _ in 0..<warmup { _ = try render(c, with: renderer) }
        var times: [Double] = []
        var size = 0
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            size = try render(c, with: renderer).count
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        // name, median ms, bytes (read by Scripts/bench-peers)
        print(c.name, String(format: "%.3f", times[times.count / 2]), size)
    }
case "one":
    guard arguments.count == 3, let c = BenchmarkCharts.cases.first(where: { $0.name == arguments[1] }) else {
        fail("usage: scobrief-render-bench one NAME OUTPUT")
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let renderer = ChartRenderer()
    let figure = c.figure()
    let made = DispatchTime.now().uptimeNanoseconds
    let laidOut = renderer.layout(figure)
    let laid = DispatchTime.now().uptimeNanoseconds
    let data = try renderer.render(laidOut.scene, as: c.format, options: RenderOptions(dpi: BenchmarkCharts.dpi))
    let drawn = DispatchTime.now().uptimeNanoseconds
    try data.write(to: URL(fileURLWithPath: arguments[2]))
    if ProcessInfo.processInfo.environment["SCOBRIEF_BENCH_PHASES"] != nil {
        // Where a cold process spends its time (to stderr, so timing runs stay quiet).
        let ms = { (a: UInt64, b: UInt64) in String(format: "%.1f", Double(b - a) / 1e6) }
        FileHandle.standardError.write(Data("setup+data \(ms(start, made)) layout \(ms(made, laid)) render \(ms(laid, drawn)) write \(ms(drawn, DispatchTime.now().uptimeNanoseconds)) ms\n".utf8))
    }
case "profile":
    // Where the time goes for one figure: building the chart, layout, drawing and encoding.
    guard arguments.count >= 2, let c = BenchmarkCharts.cases.first(where: { $0.name == arguments[1] }) else {
        fail("usage: scobrief-render-bench profile NAME")
    }
    let renderer = ChartRenderer()
    func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
    for _ in 0..<5 {
        var figure: Figure?
        var laidOut: LaidOutChart?
        let build = milliseconds { figure = c.figure() }
        let layout = milliseconds { laidOut = renderer.layout(figure!) }
        let draw = try milliseconds { _ = try renderer.render(laidOut!.scene, as: c.format, options: RenderOptions(dpi: BenchmarkCharts.dpi)) }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(c.name, String(format: "build %.2f  layout %.2f  render %.2f ms", build, layout, draw), "minor faults so far:", usage.ru_minflt)
    }
case "png":
    // Each PNG figure drawn once, then every encoder configuration timed on its pixels (Scripts/bench-png).
    let iterations = option("--iterations", default: 15), warmup = option("--warmup", default: 2)
    let only = arguments.dropFirst().filter { !$0.hasPrefix("--") && Int($0) == nil }
    let renderer = ChartRenderer()
    print("figure", "filter", "method", "wall-ms", "cpu-ms", "bytes", "size/default", "speed/default", separator: "\t")
    for c in BenchmarkCharts.cases where c.format == .png && (only.isEmpty || only.contains(c.name)) {
        for m in try renderer.measurePNGEncodings(c.figure(), dpi: BenchmarkCharts.dpi, iterations: iterations, warmup: warmup) {
            print(c.name, m.filter, m.method, String(format: "%.2f", m.wallMilliseconds), String(format: "%.2f", m.cpuMilliseconds),
                  m.bytes, m.method == "filter only" ? "-" : String(format: "%.2f", m.sizeRatio), String(format: "%.2f", m.speedup),
                  separator: "\t")
        }
    }
case "list":
    for c in BenchmarkCharts.cases { print(c.name) }
default:
    fail("usage: scobrief-render-bench suite|one|profile|png|list")
}
