import Foundation

/// A ranking criterion on pairs of scores: f(x) for a correct input x and f(x') for a
/// corrupted one (Collobert et al. 2011, section 4.6, eq. 17, the language-model pre-training).
/// Both score matrices are `N x 1` (or any equal shape: each element is one pair).
/// `evaluate` returns the mean loss over the pairs and writes the gradients with respect to
/// both scores, divided by the number of pairs (resized; no allocation at a fixed shape).
public protocol RankingLoss: AnyObject, CustomStringConvertible {
    func evaluate(correct: Matrix, corrupted: Matrix, gradCorrect: inout Matrix, gradCorrupted: inout Matrix) -> Double
}

func rankingLoss(correct: Matrix, corrupted: Matrix, gradCorrect: inout Matrix, gradCorrupted: inout Matrix,
                 name: String, _ loss: (Double) -> (value: Double, slope: Double)) -> Double {
    require(correct.shape == corrupted.shape, "\(name): correct scores are \(correct.shape), corrupted \(corrupted.shape)")
    gradCorrect.resize(rows: correct.rows, cols: correct.cols)
    gradCorrupted.resize(rows: correct.rows, cols: correct.cols)
    let n = correct.count
    guard n > 0 else { return 0 }
    let inv = 1 / Double(n)
    var total = 0.0
    correct.withUnsafeBufferPointer { a in
        corrupted.withUnsafeBufferPointer { b in
            gradCorrect.withUnsafeMutableBufferPointer { ga in
                gradCorrupted.withUnsafeMutableBufferPointer { gb in
                    for i in 0..<n {
                        let (v, slope) = loss(Double(a[i]) - Double(b[i]))
                        total += v
                        ga[i] = Float(slope * inv)
                        gb[i] = Float(-slope * inv)
                    }
                }
            }
        }
    }
    return total * inv
}

/// Margin ranking loss max(0, 1 − (f(x) − f(x'))) (Collobert et al. 2011, eq. 17; Collobert &
/// Weston 2008). Subgradient 0 at the kink.
public final class MarginRankingLoss: RankingLoss {
    public init() {}
    public func evaluate(correct: Matrix, corrupted: Matrix, gradCorrect: inout Matrix, gradCorrupted: inout Matrix) -> Double {
        rankingLoss(correct: correct, corrupted: corrupted, gradCorrect: &gradCorrect, gradCorrupted: &gradCorrupted,
                    name: "MarginRankingLoss") { m in m < 1 ? (1 - m, -1) : (0, 0) }
    }
    public var description: String { "MarginRankingLoss" }
}

/// Log ranking loss log(1 + exp(−(f(x) − f(x')))), the smooth version of the margin ranking
/// loss (the course's slide writes −NN(x) − NN(x'); the difference is meant).
public final class LogRankingLoss: RankingLoss {
    public init() {}
    public func evaluate(correct: Matrix, corrupted: Matrix, gradCorrect: inout Matrix, gradCorrupted: inout Matrix) -> Double {
        rankingLoss(correct: correct, corrupted: corrupted, gradCorrect: &gradCorrect, gradCorrupted: &gradCorrupted,
                    name: "LogRankingLoss") { m in (softplus(-m), -logistic(-m)) }
    }
    public var description: String { "LogRankingLoss" }
}
