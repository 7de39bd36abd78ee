import Foundation

/// Progress on stderr while training: epoch, percent, examples (or tokens) per second, ETA and
/// the current loss. A live bar redrawn in place when stderr is a terminal, a plain line every
/// `lineInterval` seconds otherwise (logs, CI), nothing when quiet.
public final class ProgressReporter {
    public enum Mode: Sendable { case automatic, bar, lines, quiet }

    public let mode: Mode
    public var unit: String
    public var lineInterval: Double
    private let isTerminal: Bool
    private var lastDraw = 0.0
    private var drewBar = false
    private let output: (String) -> Void

    public init(mode: Mode = .automatic, unit: String = "examples", lineInterval: Double = 10,
                output: ((String) -> Void)? = nil) {
        self.mode = mode
        self.unit = unit
        self.lineInterval = lineInterval
        self.isTerminal = isatty(STDERR_FILENO) != 0
        self.output = output ?? { FileHandle.standardError.write(Data($0.utf8)) }
    }

    private var effectiveMode: Mode {
        mode == .automatic ? (isTerminal ? .bar : .lines) : mode
    }

    /// Reports progress within an epoch; draws at most ~10 times a second.
    public func update(epoch: Int, epochs: Int?, fraction: Double, rate: Double, loss: Double,
                       remainingSeconds: Double?, now: Double = ProcessInfo.processInfo.systemUptime) {
        let m = effectiveMode
        guard m != .quiet else { return }
        let interval = m == .bar ? 0.1 : lineInterval
        guard now - lastDraw >= interval else { return }
        lastDraw = now
        let epochText = epochs.map { "epoch \(epoch)/\($0)" } ?? "epoch \(epoch)"
        let eta = remainingSeconds.map { " ETA \(Self.duration($0))" } ?? ""
        let stats = String(format: "%5.1f%%  ", 100 * fraction) + "\(Self.count(rate))/s \(unit)" + String(format: "  loss %.4f", loss) + eta
        if m == .bar {
            let width = 24
            let filled = Int((fraction * Double(width)).rounded(.down))
            let bar = String(repeating: "█", count: max(0, min(width, filled))) + String(repeating: "·", count: max(0, width - filled))
            output("\r\(epochText) \(bar) \(stats)\u{1B}[K")
            drewBar = true
        } else {
            output("\(epochText) \(stats)\n")
        }
    }

    /// A message on its own line (an evaluation result, a warning), clearing a live bar first.
    public func message(_ text: String) {
        guard effectiveMode != .quiet else { return }
        if drewBar { output("\r\u{1B}[K"); drewBar = false }
        output(text + "\n")
    }

    /// Ends a live bar.
    public func finish() {
        if drewBar { output("\n"); drewBar = false }
    }

    /// 1234567 -> "1.23M", 45678 -> "45.7k".
    public static func count(_ v: Double) -> String {
        if v >= 1e6 { return String(format: "%.2fM", v / 1e6) }
        if v >= 1e4 { return String(format: "%.1fk", v / 1e3) }
        return String(format: "%.0f", v)
    }

    /// 3725 -> "1h02m", 125 -> "2m05s", 7.2 -> "7s".
    public static func duration(_ s: Double) -> String {
        guard s.isFinite, s >= 0 else { return "?" }
        let t = Int(s.rounded())
        if t >= 3600 { return String(format: "%dh%02dm", t / 3600, (t % 3600) / 60) }
        if t >= 60 { return String(format: "%dm%02ds", t / 60, t % 60) }
        return "\(t)s"
    }
}
