/// The comparison of one tensor's analytic gradient with its finite-difference estimate.
public struct GradientComparison: Sendable, CustomStringConvertible {
    public let name: String
    /// How many entries were compared (all, or a random sample of large tensors).
    public let checkedEntries: Int
    /// Entries left out because θ ± h straddles a kink (only with `skipsKinks`).
    public let skippedAtKinks: Int
    /// The normwise relative error ‖a − n‖ / max(‖a‖, ‖n‖, floor) over the checked entries
    /// (a: analytic, n: numeric), so that entries whose gradient is zero up to rounding do not
    /// dominate, while one wrong entry among many still shows.
    public let relativeError: Double
    /// max over entries of |a_i − n_i| / max(|a_i|, |n_i|, floor): strict for large entries,
    /// noisy for entries near zero in Float.
    public let maxElementRelativeError: Double
    /// Where the largest element error was: flat index, analytic and numeric value.
    public let worstIndex: Int
    public let worstAnalytic: Double
    public let worstNumeric: Double

    public var description: String {
        let skipped = skippedAtKinks > 0 ? " (\(skippedAtKinks) skipped at kinks)" : ""
        return "\(name): \(checkedEntries) entries\(skipped), relative error \(relativeError.formatted(digits: 2)), " +
            "worst entry \(maxElementRelativeError.formatted(digits: 2)) (at \(worstIndex): analytic \(worstAnalytic.formatted(digits: 6)), numeric \(worstNumeric.formatted(digits: 6)))"
    }
}

/// The result of a gradient check: one comparison per tensor.
public struct GradientCheckReport: Sendable, CustomStringConvertible {
    public let comparisons: [GradientComparison]
    /// The largest normwise relative error over the tensors.
    public var maxRelativeError: Double { comparisons.map(\.relativeError).max() ?? 0 }
    public func passed(tolerance: Double = 1e-3) -> Bool { maxRelativeError < tolerance }
    /// Entries skipped at kinks, over all tensors.
    public var skippedAtKinks: Int { comparisons.reduce(0) { $0 + $1.skippedAtKinks } }
    /// Entries compared, over all tensors.
    public var checkedEntries: Int { comparisons.reduce(0) { $0 + $1.checkedEntries } }
    public var description: String { comparisons.map(\.description).joined(separator: "\n") }
}

/// Finite-difference gradient checking (central differences, normwise relative error), as taught by
/// LeCun et al. (2012), "Efficient BackProp", and CS231n's notes: for each checked entry θ_i,
/// `(L(θ + h e_i) - L(θ - h e_i)) / 2h` is compared with the gradient that backward computed.
///
/// A layer is checked through the scalar `L = Σ output ⊙ R` for a fixed random `R`, so that
/// backward receives `gradOutput = R` and every path through the layer counts. The loss is
/// accumulated in Double from the Float outputs.
public enum GradientChecker {
    /// Checks a layer's input deltas (unless `checksInput` is false) and every parameter gradient.
    ///
    /// - Parameters:
    ///   - epsilon: the step h; around 1e-2 suits Float inputs of order 1.
    ///   - maxEntriesPerTensor: tensors larger than this are checked on a random sample.
    ///   - floor: the smallest denominator of the relative error, so that gradients that are
    ///     zero up to rounding compare as absolute differences.
    ///   - skipsKinks: skip entries where the central differences at h and h/2 disagree, i.e. where
    ///     θ ± h crosses a kink of a piecewise-linear unit (HardTanh, ReLU) and the
    ///     derivative does not exist on the interval. Skipped entries are counted in the report.
    public static func check(
        _ layer: Layer, input: Matrix, checksInput: Bool = true, epsilon: Float = 1e-2,
        maxEntriesPerTensor: Int = 200, floor: Double = 1e-3, skipsKinks: Bool = false, seed: UInt64 = 1
    ) -> GradientCheckReport {
        var rng = RandomGenerator(seed: seed)
        let out = layer.forward(input)
        let projection = Matrix.uniform(rows: out.rows, cols: out.cols, low: -1, high: 1, rng: &rng)
        // The input is perturbed like a parameter; its "gradient" is what backward returns.
        let inputTensor = Parameter(name: "input", value: input)

        func objective() -> Double {
            let y = layer.forward(inputTensor.value)
            return y.withUnsafeBufferPointer { py in
                projection.withUnsafeBufferPointer { pr in
                    var s = 0.0
                    for i in 0..<py.count { s += Double(py[i]) * Double(pr[i]) }
                    return s
                }
            }
        }
        let named = layer.parameters.enumerated().map { n, p -> (String, Parameter) in
            (layer.parameters.count > 1 ? "\(p.name)[\(n)]" : p.name, p)
        }
        let report = check(named: (checksInput ? [("input", inputTensor)] : []) + named, loss: objective,
                           lossAndGradient: {
                               for p in layer.parameters { p.zeroGradient() }
                               let value = objective()
                               inputTensor.gradient = layer.backward(input: inputTensor.value, gradOutput: projection)
                               return value
                           },
                           epsilon: epsilon, maxEntriesPerTensor: maxEntriesPerTensor, floor: floor,
                           skipsKinks: skipsKinks, rng: &rng)
        layer.forward(input)
        return report
    }

    /// Checks any scalar function of parameters: `lossAndGradient` must zero the gradients,
    /// run forward and backward, and return the loss; `loss` only computes the loss.
    public static func check(
        parameters: [Parameter], loss: () -> Double, lossAndGradient: () -> Double,
        epsilon: Float = 1e-2, maxEntriesPerTensor: Int = 200, floor: Double = 1e-3,
        skipsKinks: Bool = false, seed: UInt64 = 1
    ) -> GradientCheckReport {
        var rng = RandomGenerator(seed: seed)
        return check(named: parameters.map { ($0.name, $0) }, loss: loss, lossAndGradient: lossAndGradient,
                     epsilon: epsilon, maxEntriesPerTensor: maxEntriesPerTensor, floor: floor,
                     skipsKinks: skipsKinks, rng: &rng)
    }

    private static func check(
        named tensors: [(String, Parameter)], loss: () -> Double, lossAndGradient: () -> Double,
        epsilon: Float, maxEntriesPerTensor: Int, floor: Double, skipsKinks: Bool, rng: inout RandomGenerator
    ) -> GradientCheckReport {
        let center = lossAndGradient()
        var comparisons: [GradientComparison] = []
        let h = Double(epsilon)
        for (name, p) in tensors {
            let analytic = p.gradient
            let candidates: [Int]? = p.isSparse ? touchedEntries(p) : nil
            comparisons.append(compare(name: name, count: p.value.count, among: candidates, sample: maxEntriesPerTensor,
                                       floor: floor, rng: &rng, analytic: { analytic.storage[$0] }) { i in
                let original = p.value.storage[i]
                func centralDifference(_ step: Float) -> Double {
                    p.value.withUnsafeMutableBufferPointer { $0[i] = original + step }
                    let plus = loss()
                    p.value.withUnsafeMutableBufferPointer { $0[i] = original - step }
                    let minus = loss()
                    p.value.withUnsafeMutableBufferPointer { $0[i] = original }
                    return (plus - minus) / (2 * Double(step))
                }
                let estimate = centralDifference(epsilon)
                if skipsKinks {
                    // Smooth: the estimates at h and h/2 agree to O(h²). Across a kink they
                    // differ at first order.
                    let half = centralDifference(epsilon / 2)
                    let noise = 1e-6 * (1 + abs(center)) / h
                    if abs(estimate - half) > 0.01 * max(abs(estimate), abs(half)) + noise { return nil }
                }
                return estimate
            })
        }
        return GradientCheckReport(comparisons: comparisons)
    }

    private static func touchedEntries(_ p: Parameter) -> [Int] {
        let c = p.value.cols
        return p.touchedRows.flatMap { r in (0..<c).map { r * c + $0 } }
    }

    private static func compare(
        name: String, count: Int, among candidates: [Int]? = nil, sample: Int, floor: Double,
        rng: inout RandomGenerator, analytic: (Int) -> Float, numeric: (Int) -> Double?
    ) -> GradientComparison {
        let pool = candidates ?? Array(0..<count)
        var indices = pool
        if pool.count > sample {
            indices = rng.sample(sample, from: pool.count).map { pool[$0] }
        }
        var worst = (error: 0.0, index: 0, a: 0.0, n: 0.0)
        var diff2 = 0.0, a2 = 0.0, n2 = 0.0
        var skipped = 0
        for i in indices {
            let a = Double(analytic(i))
            guard let n = numeric(i) else { skipped += 1; continue }
            diff2 += (a - n) * (a - n); a2 += a * a; n2 += n * n
            let err = abs(a - n) / max(abs(a), abs(n), floor)
            if err > worst.error || !err.isFinite { worst = (err.isFinite ? err : .infinity, i, a, n) }
        }
        var normwise = diff2.squareRoot() / max(a2.squareRoot(), n2.squareRoot(), floor)
        if !normwise.isFinite { normwise = .infinity }
        return GradientComparison(name: name, checkedEntries: indices.count - skipped, skippedAtKinks: skipped,
                                  relativeError: normwise,
                                  maxElementRelativeError: worst.error,
                                  worstIndex: worst.index, worstAnalytic: worst.a, worstNumeric: worst.n)
    }
}

extension Double {
    /// Fixed-width formatting without Foundation's locale machinery.
    func formatted(digits: Int) -> String {
        String(format: "%.\(digits)g", self)
    }
}

import Foundation
