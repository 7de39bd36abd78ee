import Foundation

/// Grid or random search over named metaparameters — the course's open decisions
/// (initialization, loss, learning rate, units and layers, batch size, training length) — with
/// each trial trained by a `Trainer` (early stopping configured by the factory) and scored on the
/// dev set. Bergstra & Bengio (2012), "Random search for hyper-parameter optimization", for why
/// random search is the better default when only a few metaparameters matter.
public struct MetaparameterSearch {
    public struct Trial {
        public var values: [String: String]
        public var devMetric: Double?
        public var devLoss: Double?
        public var stop: TrainingResult.Stop
        public var seconds: Double
    }

    public enum Strategy: Sendable {
        case grid
        /// `trials` assignments drawn uniformly from the grid's values with the seed.
        case random(trials: Int, seed: UInt64)
    }

    /// Trials sorted best first (highest dev metric, else lowest dev loss; failures last).
    public private(set) var trials: [Trial] = []
    public let names: [String]

    /// Runs the search. `makeRun` builds a task and configuration from one assignment.
    public init(space: [(name: String, values: [String])], strategy: Strategy,
                makeRun: ([String: String]) throws -> (TrainingTask, TrainerConfiguration)) rethrows {
        names = space.map(\.name)
        var assignments: [[String: String]] = []
        switch strategy {
        case .grid:
            assignments = [[:]]
            for (name, values) in space { assignments = assignments.flatMap { a in values.map { a.merging([name: $0]) { $1 } } } }
        case .random(let count, let seed):
            var rng = RandomGenerator(seed: seed)
            for _ in 0..<count {
                var a: [String: String] = [:]
                for (name, values) in space { a[name] = values[rng.int(below: values.count)] }
                assignments.append(a)
            }
        }
        for a in assignments {
            let start = ProcessInfo.processInfo.systemUptime
            let (task, configuration) = try makeRun(a)
            let result = Trainer(task: task, configuration: configuration).run()
            trials.append(Trial(values: a, devMetric: result.best?.metric, devLoss: result.best?.loss, stop: result.stop,
                                seconds: ProcessInfo.processInfo.systemUptime - start))
        }
        trials.sort { Self.score($0) > Self.score($1) }
    }

    private static func score(_ t: Trial) -> Double {
        if case .diverged = t.stop { return -.infinity }
        if let m = t.devMetric { return m }
        if let l = t.devLoss, l.isFinite { return -l }
        return -.infinity
    }

    public var best: Trial? { trials.first }

    /// The results as CSV, best first.
    public func csv() -> String {
        var out = (["rank"] + names + ["dev_metric", "dev_loss", "outcome", "seconds"]).joined(separator: ",") + "\n"
        for (i, t) in trials.enumerated() {
            let cells = [String(i + 1)] + names.map { t.values[$0] ?? "" } +
                [t.devMetric.map { String(format: "%.4f", $0) } ?? "", t.devLoss.map { String(format: "%.6g", $0) } ?? "",
                 Self.outcome(t.stop), String(format: "%.2f", t.seconds)]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The results as an aligned table for the terminal.
    public func table() -> String {
        let header = ["#"] + names + ["dev metric", "dev loss", "outcome"]
        let rows = trials.enumerated().map { i, t in
            [String(i + 1)] + names.map { t.values[$0] ?? "" } +
                [t.devMetric.map { String(format: "%.2f", $0) } ?? "-", t.devLoss.map { String(format: "%.4f", $0) } ?? "-", Self.outcome(t.stop)]
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        return ([header] + rows).map { r in
            r.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Writes the CSV table, and the best assignment as JSON beside it (`<name>.best.json`).
    public func write(to url: URL) throws {
        try AtomicFile.write(csv(), to: url)
        if let b = best {
            let json = try JSONSerialization.data(withJSONObject: b.values, options: [.sortedKeys, .prettyPrinted])
            try AtomicFile.write(json, to: url.deletingPathExtension().appendingPathExtension("best.json"))
        }
    }

    static func outcome(_ s: TrainingResult.Stop) -> String {
        switch s {
        case .completed: return "completed"
        case .criterion: return "stopped early"
        case .diverged(let step): return "diverged at step \(step)"
        case .interrupted: return "interrupted"
        }
    }
}
