/// Standardizes input features with statistics of the training set: each column becomes
/// `(x − mean) / standard deviation` — the course's first remedy against saturated units
/// ("Input-Range skalieren"; LeCun et al. 2012, "Efficient BackProp", section 4.3).
/// Columns that are constant in the training data are only centred.
public struct InputScaler: Codable, Equatable, Sendable {
    public private(set) var means: [Float]
    public private(set) var standardDeviations: [Float]

    /// Statistics of `training` (computed in Double).
    public init(fitting training: Matrix) {
        let n = Double(max(training.rows, 1))
        var mean = [Double](repeating: 0, count: training.cols)
        var sq = [Double](repeating: 0, count: training.cols)
        training.withUnsafeBufferPointer { p in
            for r in 0..<training.rows {
                for c in 0..<training.cols { let v = Double(p[r * training.cols + c]); mean[c] += v; sq[c] += v * v }
            }
        }
        means = mean.map { Float($0 / n) }
        standardDeviations = zip(mean, sq).map { m, s in
            let variance = max(0, s / n - (m / n) * (m / n))
            return variance > 1e-12 ? Float(variance.squareRoot()) : 1
        }
    }

    /// `x` standardized in place.
    public func transform(_ x: inout Matrix) {
        require(x.cols == means.count, "InputScaler: fitted on \(means.count) columns, given \(x.rows)x\(x.cols)")
        let c = x.cols
        x.withUnsafeMutableBufferPointer { p in
            for r in 0..<(p.count / max(c, 1)) {
                for j in 0..<c { p[r * c + j] = (p[r * c + j] - means[j]) / standardDeviations[j] }
            }
        }
    }

    /// A standardized copy of `x`.
    public func transformed(_ x: Matrix) -> Matrix {
        var y = x
        transform(&y)
        return y
    }
}
