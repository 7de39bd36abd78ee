import Foundation

/// One line of the course's "how to train your network" flowchart: a question, the answer with
/// numbers, and the course's advice when the answer is bad.
public struct ChecklistItem: Sendable, CustomStringConvertible {
    public enum Status: String, Sendable { case ok = "ok", warning = "warning", problem = "PROBLEM", skipped = "skipped" }
    public var question: String
    public var status: Status
    public var finding: String
    public var advice: String?

    public var description: String {
        let mark: String
        switch status {
        case .ok: mark = "[ok]"
        case .warning: mark = "[!!]"
        case .problem: mark = "[XX]"
        case .skipped: mark = "[--]"
        }
        return "\(mark) \(question) \(finding)" + (advice.map { "\n     → \($0)" } ?? "")
    }
}

/// The course's flowchart for when training goes wrong, as a checklist with numbers:
/// gradients correct? dead units? saturated units? training loss decreasing? dev loss
/// decreasing (overfitting, underfitting)? Each answer comes from a measurement — a gradient
/// check, unit statistics on a sample, the training history.
public enum TrainingChecklist {
    public static func gradients(_ report: GradientCheckReport?, tolerance: Double = 1e-3) -> ChecklistItem {
        guard let report else { return ChecklistItem(question: "Gradients correct?", status: .skipped, finding: "not checked") }
        let e = report.maxRelativeError
        if report.passed(tolerance: tolerance) {
            return ChecklistItem(question: "Gradients correct?", status: .ok,
                                 finding: String(format: "yes — max relative error %.2e over %d entries (tolerance %.0e)", e, report.checkedEntries, tolerance))
        }
        let worst = report.comparisons.max { $0.relativeError < $1.relativeError }
        return ChecklistItem(question: "Gradients correct?", status: .problem,
                             finding: String(format: "no — relative error %.2e in %@", e, worst?.name ?? "?"),
                             advice: "the backward pass disagrees with finite differences: check the layer's derivative before tuning anything else")
    }

    public static func deadUnits(_ reports: [UnitReport], threshold: Double = 0.1) -> ChecklistItem {
        unitItem(reports, kind: .dead, question: "Dead units?", none: "no ReLU layers",
                 describe: "of ReLU units (%d of %d) output 0 for every input of the sample", threshold: threshold,
                 advice: "a strongly negative bias or a too-large update killed them: lower the learning rate, initialize the biases at 0 or slightly positive, use He initialization")
    }

    public static func saturatedUnits(_ reports: [UnitReport], threshold: Double = 0.1) -> ChecklistItem {
        unitItem(reports, kind: .saturated, question: "Saturated units?", none: "no tanh, sigmoid or hardtanh layers",
                 describe: "of tanh/sigmoid/hardtanh units (%d of %d) sit in the flat region for nearly every input", threshold: threshold,
                 advice: "scale the inputs (InputScaler), use a better initialization (LeCun or Glorot uniform), lower the learning rate, or normalize the layer (NormalizedTanh)")
    }

    /// The share of affected units over the layers of one kind, a problem above `threshold`.
    private static func unitItem(_ reports: [UnitReport], kind: UnitReport.Kind, question: String, none: String,
                                 describe: String, threshold: Double, advice: String) -> ChecklistItem {
        let matching = reports.filter { $0.kind == kind }
        guard !matching.isEmpty else { return ChecklistItem(question: question, status: .skipped, finding: none) }
        let units = matching.reduce(0) { $0 + $1.units }, affected = matching.reduce(0) { $0 + $1.affectedUnits }
        let fraction = Double(affected) / Double(max(units, 1))
        let finding = String(format: "%.1f%% ", 100 * fraction) + String(format: describe, affected, units)
        return fraction > threshold
            ? ChecklistItem(question: question, status: .problem, finding: finding, advice: advice)
            : ChecklistItem(question: question, status: .ok, finding: finding)
    }

    public static func trainingLoss(_ history: TrainingHistory, diverged: Int? = nil) -> ChecklistItem {
        let q = "Training loss decreasing?"
        if let step = diverged {
            return ChecklistItem(question: q, status: .problem, finding: "no — it became NaN or infinite at step \(step)",
                                 advice: "lower the learning rate (by 10x), clip the gradients, check the gradients")
        }
        let losses = history.records.map(\.trainLoss)
        guard let first = losses.first, let last = losses.last, losses.count >= 2 else {
            return ChecklistItem(question: q, status: .skipped, finding: "fewer than two evaluations")
        }
        let finding = String(format: "%.4f → %.4f over %d evaluations", first, last, losses.count)
        if last < first * 0.95 { return ChecklistItem(question: q, status: .ok, finding: "yes, " + finding) }
        return ChecklistItem(question: q, status: .problem, finding: "no, " + finding,
                             advice: "lower the learning rate if it jumps, raise it if it creeps; check the gradients")
    }

    /// Overfitting: train falling while dev rises. Underfitting: both stay high.
    public static func devLoss(_ history: TrainingHistory, tolerance: Double = 0.05) -> ChecklistItem {
        let q = "Dev loss decreasing?"
        let pairs = history.records.compactMap { r in r.devLoss.map { (train: r.trainLoss, dev: $0) } }
        guard pairs.count >= 2 else { return ChecklistItem(question: q, status: .skipped, finding: "no dev data or fewer than two evaluations") }
        let devs = pairs.map(\.dev)
        let best = devs.min()!, bestAt = devs.firstIndex(of: best)!, last = devs.last!
        let trainFirst = pairs.first!.train, trainLast = pairs.last!.train
        if last > best * (1 + tolerance) && trainLast < pairs[bestAt].train {
            return ChecklistItem(question: q, status: .problem,
                                 finding: String(format: "no — overfitting: dev loss fell to %.4f at evaluation %d, then rose to %.4f while training loss kept falling (%.4f → %.4f)", best, bestAt + 1, last, pairs[bestAt].train, trainLast),
                                 advice: "add a regularizer (L2) or dropout, make the network smaller, stop early (patience), get more data")
        }
        // Underfitting: the training loss has flattened out while still far above where a
        // fitting model goes (over a third of its start), and dev tracks train (no gap).
        let quarter = pairs[(pairs.count * 3) / 4].train
        let flattened = quarter - trainLast < 0.05 * quarter
        if flattened && trainLast > trainFirst / 3 && abs(last - trainLast) < 0.15 * trainLast {
            return ChecklistItem(question: q, status: .warning,
                                 finding: String(format: "barely — underfitting: train %.4f → %.4f and dev %.4f → %.4f have flattened out, both high", trainFirst, trainLast, devs.first!, last),
                                 advice: "make the network larger (more units or layers), train longer, raise the learning rate")
        }
        return ChecklistItem(question: q, status: .ok, finding: String(format: "yes, %.4f → %.4f (best %.4f)", devs.first!, last, best))
    }
}
