import Foundation

/// One evaluation point of a training run.
public struct TrainingRecord: Codable, Equatable, Sendable {
    /// Fractional epoch at the evaluation (e.g. 2.5 halfway through the third epoch).
    public var epoch: Double
    public var step: Int
    /// Mean training loss over the updates since the previous evaluation.
    public var trainLoss: Double
    public var devLoss: Double?
    /// The dev metric (accuracy, F1, ...; see `TrainingHistory.metricName`).
    public var devMetric: Double?
    public var learningRate: Double
    /// ‖θ_{t+1} − θ_t‖ of the last update before the evaluation.
    public var updateNorm: Double
    /// Training examples (or tokens) per second since the previous evaluation.
    public var examplesPerSecond: Double
    /// Seconds since training started.
    public var wallTime: Double

    public init(epoch: Double, step: Int, trainLoss: Double, devLoss: Double?, devMetric: Double?,
                learningRate: Double, updateNorm: Double, examplesPerSecond: Double, wallTime: Double) {
        self.epoch = epoch
        self.step = step
        self.trainLoss = trainLoss
        self.devLoss = devLoss
        self.devMetric = devMetric
        self.learningRate = learningRate
        self.updateNorm = updateNorm
        self.examplesPerSecond = examplesPerSecond
        self.wallTime = wallTime
    }
}

/// The records of a training run, written as CSV or JSON Lines and drawn as learning curves:
/// training and dev loss against epochs with the learning rate on a second axis — the picture
/// of CS231n's "Babysitting the learning process" notes that the course shows.
public struct TrainingHistory: Codable, Equatable, Sendable {
    public var records: [TrainingRecord] = []
    public var metricName: String

    public init(metricName: String = "metric", records: [TrainingRecord] = []) {
        self.metricName = metricName
        self.records = records
    }

    public mutating func append(_ r: TrainingRecord) { records.append(r) }

    static let columns = ["epoch", "step", "train_loss", "dev_loss", "dev_metric", "learning_rate", "update_norm",
                          "examples_per_second", "wall_time"]

    /// CSV with a header line; missing dev values are empty cells.
    public func csv() -> String {
        var out = Self.columns.map { $0 == "dev_metric" ? "dev_\(metricName)" : $0 }.joined(separator: ",") + "\n"
        for r in records {
            let cells: [String] = [g(r.epoch), String(r.step), g(r.trainLoss), r.devLoss.map(g) ?? "", r.devMetric.map(g) ?? "",
                                   g(r.learningRate), g(r.updateNorm), g(r.examplesPerSecond), g(r.wallTime)]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// One JSON object per record and line.
    public func jsonLines() -> String {
        records.map { r in
            var fields = ["\"epoch\":\(g(r.epoch))", "\"step\":\(r.step)", "\"train_loss\":\(json(r.trainLoss))"]
            fields.append("\"dev_loss\":\(r.devLoss.map(json) ?? "null")")
            fields.append("\"dev_\(metricName)\":\(r.devMetric.map(json) ?? "null")")
            fields += ["\"learning_rate\":\(json(r.learningRate))", "\"update_norm\":\(json(r.updateNorm))",
                       "\"examples_per_second\":\(json(r.examplesPerSecond))", "\"wall_time\":\(json(r.wallTime))"]
            return "{" + fields.joined(separator: ",") + "}"
        }.joined(separator: "\n") + (records.isEmpty ? "" : "\n")
    }

    /// Writes CSV (`.csv`) or JSON Lines (anything else, e.g. `.jsonl`), atomically.
    public func write(to url: URL) throws {
        try AtomicFile.write(url.pathExtension.lowercased() == "csv" ? csv() : jsonLines(), to: url)
    }

    /// Learning curves: train and dev loss against epochs, the learning rate on the right axis.
    public func plot(title: String = "Learning curves") -> LinePlot {
        var p = LinePlot(title: title, xLabel: "epoch", leftLabel: "loss", rightLabel: "learning rate")
        p.series.append(.init(name: "train loss", points: records.map { ($0.epoch, $0.trainLoss) }))
        let dev = records.compactMap { r in r.devLoss.map { (r.epoch, $0) } }
        if !dev.isEmpty { p.series.append(.init(name: "dev loss", points: dev)) }
        p.series.append(.init(name: "learning rate", points: records.map { ($0.epoch, $0.learningRate) }, axis: .right, dashed: true))
        return p
    }

    private func g(_ v: Double) -> String { String(format: "%.6g", v) }
    private func json(_ v: Double) -> String { v.isFinite ? g(v) : "null" }
}
