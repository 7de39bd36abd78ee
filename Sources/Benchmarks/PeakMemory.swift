import Foundation

/// The peak resident memory of a command, measured from a small process.
///
/// Linux folds the memory of the process that spawns a child into the child's peak (the
/// high-water mark of the address space it replaces at exec), so a large benchmark process
/// cannot measure a smaller child with `getrusage(RUSAGE_CHILDREN)`. `Benchmarks peak-rss --
/// CMD ...` is that small process: it runs CMD (output to /dev/null) and prints one JSON line
/// with CMD's peak in MB and its exit status.
enum PeakMemory {
    static func run(arguments: [String]) {
        guard let dash = arguments.firstIndex(of: "--"), dash + 1 < arguments.count else {
            print("usage: Benchmarks peak-rss -- COMMAND [ARGUMENTS...]")
            exit(64)
        }
        let command = Array(arguments[(dash + 1)...])
        let child = Process()
        child.executableURL = URL(fileURLWithPath: command[0])
        child.arguments = Array(command.dropFirst())
        child.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        do { try child.run() } catch {
            FileHandle.standardError.write(Data("Error: cannot run \(command[0]): \(error)\n".utf8))
            exit(1)
        }
        child.waitUntilExit()
        print("{\"peak_rss_mb\": \(peakMB(children: true)), \"exit_status\": \(child.terminationStatus)}")
    }

    /// The peak resident set in MB of this process, or the largest of its waited-for children.
    static func peakMB(children: Bool) -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024                // kilobytes on Linux
        #else
        getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / (1024 * 1024)       // bytes on macOS
        #endif
    }
}

/// A benchmark that could not measure what it set out to, with what it saw.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
