import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Told how far a long import has got. Called every few thousand rows, so it must be cheap.
public protocol GTDProgressObserver: AnyObject {
    func update(rows: Int, bytes: Int)
    func finish()
}

/// Progress on stderr: a line redrawn in place (rows, MB/s, ETA) when stderr is a terminal,
/// otherwise a plain line every `interval` seconds, which logs and CI keep readable.
/// Nothing appears for imports that end within the first interval.
public final class GTDProgressDisplay: GTDProgressObserver {
    private let totalBytes: Int
    private let interactive: Bool
    private let interval: Double
    private let start: Double
    private var lastShown: Double
    private var drewLine = false
    private let output: (String) -> Void
    /// The command named at the start of each line (`import gtd`, `import acled`).
    private let label: String

    /// `output` receives the text to show; by default it goes to stderr.
    public init(totalBytes: Int, interactive: Bool = isatty(2) != 0, interval: Double? = nil, label: String = "import gtd",
                output: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.totalBytes = totalBytes
        self.label = label
        self.interactive = interactive
        self.output = output
        self.interval = interval ?? (interactive ? 0.25 : 10)
        start = GTDProgressDisplay.now()
        // A terminal shows the first line after a second, so short imports stay silent.
        lastShown = start + (interactive && interval == nil ? 0.75 : 0)
    }

    public func update(rows: Int, bytes: Int) {
        let now = GTDProgressDisplay.now()
        guard now - lastShown >= interval else { return }
        lastShown = now
        let elapsed = now - start
        let megabytes = Double(bytes) / 1_000_000
        let rate = elapsed > 0 ? megabytes / elapsed : 0
        var parts = ["\(NumberText.grouped(rows)) rows"]
        if totalBytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            parts.append(String(format: "%.0f of %.0f MB (%.0f%%)", megabytes, Double(totalBytes) / 1_000_000, fraction * 100))
        } else {
            parts.append(String(format: "%.0f MB", megabytes))
        }
        parts.append(String(format: "%.0f MB/s", rate))
        if totalBytes > 0 && rate > 0 {
            let remaining = max(0, Double(totalBytes - bytes) / 1_000_000 / rate)
            parts.append("ETA " + GTDProgressDisplay.duration(remaining))
        }
        if interactive {
            write("\r\u{1B}[K  \(label): " + parts.joined(separator: " · "))
            drewLine = true
        } else {
            write("\(label): " + parts.joined(separator: ", ") + "\n")
        }
    }

    public func finish() {
        if interactive && drewLine { write("\r\u{1B}[K") }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 60 ? String(format: "%d:%02d", whole / 60, whole % 60) : "\(whole) s"
    }

    private func write(_ text: String) {
        output(text)
    }

    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
