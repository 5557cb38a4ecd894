/// Values a command leaves for the process's exit to reclaim. `trend` on an imported table holds
/// 200,000 records, each with an id string on the heap; the process ends once the output is
/// written, and freeing them one by one first cost a fortieth of the run. Only for what is
/// built once per process, after the output is written: held here, it stays reachable (not a
/// leak to LeakSanitizer), and the CLI tests run each command as a process of its own.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        values.append(value)
    }
}
