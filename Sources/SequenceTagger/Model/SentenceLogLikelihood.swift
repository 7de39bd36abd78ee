import Foundation
import NNKit

/// Sentence-level log-likelihood: Collobert et al. (2011), section 3.3.2, equations 12-16.
///
/// For a sentence of T words with network scores `f[t, k]` (one row per word, one column per
/// tag), learned transition scores `A[i, j]` (tag i followed by tag j) and initial scores
/// `A0[j]`, the score of a tag path is
/// `s(y) = A0[y_1] + f[1, y_1] + Σ_{t>1} (A[y_{t-1}, y_t] + f[t, y_t])` (eq. 12), and the loss is
/// `logadd_{all paths y'} s(y') − s(y_gold)` (eq. 13-14), the log-sum-exp computed by the forward
/// recursion `δ_t(k) = f[t, k] + logadd_i (δ_{t-1}(i) + A[i, k])` (eq. 15-16) in Double.
///
/// The gradient comes from the forward-backward marginals: `∂L/∂f[t,k] = P(y_t = k) − [y_t = k]`,
/// `∂L/∂A[i,j] = Σ_t P(y_{t-1} = i, y_t = j) − #gold transitions i→j`, and likewise for `A0`.
/// A batch is several sentences stacked as rows of one score matrix; the loss and the gradient
/// are averaged over the sentences.
public final class SentenceLogLikelihood {
    public let tagCount: Int
    /// `A`, `tagCount x tagCount`: row i, column j scores the step from tag i to tag j.
    public let transitions: Parameter
    /// `A0`, `1 x tagCount`: the score of starting a sentence with each tag.
    public let initial: Parameter
    // Work buffers (Double), grown to the longest sentence seen.
    private var alpha: [Double] = []
    private var beta: [Double] = []

    public init(tagCount: Int) {
        precondition(tagCount > 0, "SentenceLogLikelihood: tagCount must be positive")
        self.tagCount = tagCount
        transitions = Parameter(name: "transitions", value: Matrix(rows: tagCount, cols: tagCount), isDecayed: false)
        initial = Parameter(name: "initial", value: Matrix(rows: 1, cols: tagCount), isDecayed: false)
    }

    public var parameters: [Parameter] { [transitions, initial] }

    /// The mean loss over the sentences; writes `∂L/∂scores` into `gradient` (the scores' shape)
    /// and adds `∂L/∂A`, `∂L/∂A0` into the parameters' gradients.
    ///
    /// - Parameters:
    ///   - scores: one row per word of every sentence in `sentences`, `tagCount` columns.
    ///   - sentences: the row range of each sentence, covering `scores` in order.
    ///   - tags: the gold tag of each row.
    public func evaluate(scores: Matrix, sentences: [Range<Int>], tags: [Int], gradient: inout Matrix) -> Double {
        precondition(scores.cols == tagCount, "SentenceLogLikelihood: scores have \(scores.cols) columns, expected \(tagCount) tags")
        precondition(tags.count == scores.rows, "SentenceLogLikelihood: \(tags.count) tags for \(scores.rows) score rows")
        gradient.resize(rows: scores.rows, cols: scores.cols, zero: true)
        guard !sentences.isEmpty else { return 0 }
        let k = tagCount
        let longest = sentences.map(\.count).max() ?? 0
        if alpha.count < longest * k {
            alpha = [Double](repeating: 0, count: longest * k)
            beta = [Double](repeating: 0, count: longest * k)
        }
        let scale = 1 / Double(sentences.count)
        var total = 0.0
        scores.withUnsafeBufferPointer { f in
            gradient.withUnsafeMutableBufferPointer { g in
                transitions.value.withUnsafeBufferPointer { a in
                    initial.value.withUnsafeBufferPointer { a0 in
                        transitions.gradient.withUnsafeMutableBufferPointer { ga in
                            initial.gradient.withUnsafeMutableBufferPointer { ga0 in
                                alpha.withUnsafeMutableBufferPointer { al in
                                    beta.withUnsafeMutableBufferPointer { be in
                                        for range in sentences where !range.isEmpty {
                                            total += sentence(f.baseAddress! + range.lowerBound * k, range.count,
                                                              tags, range.lowerBound, a.baseAddress!, a0.baseAddress!,
                                                              g.baseAddress! + range.lowerBound * k,
                                                              ga.baseAddress!, ga0.baseAddress!,
                                                              al.baseAddress!, be.baseAddress!, scale)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return total * scale
    }

    /// The loss only (no gradient), averaged over the sentences.
    public func loss(scores: Matrix, sentences: [Range<Int>], tags: [Int]) -> Double {
        var scratch = Matrix(rows: 0, cols: 0)
        let savedA = transitions.gradient, savedA0 = initial.gradient
        let value = evaluate(scores: scores, sentences: sentences, tags: tags, gradient: &scratch)
        transitions.gradient = savedA
        initial.gradient = savedA0
        return value
    }

    /// One sentence: returns its loss, writes `scale * ∂L/∂f` and adds `scale * ∂L/∂A(0)`.
    private func sentence(
        _ f: UnsafePointer<Float>, _ length: Int, _ tags: [Int], _ firstRow: Int,
        _ a: UnsafePointer<Float>, _ a0: UnsafePointer<Float>,
        _ g: UnsafeMutablePointer<Float>, _ ga: UnsafeMutablePointer<Float>, _ ga0: UnsafeMutablePointer<Float>,
        _ alpha: UnsafeMutablePointer<Double>, _ beta: UnsafeMutablePointer<Double>, _ scale: Double
    ) -> Double {
        let k = tagCount
        // Forward: alpha[t, j] = log Σ over paths ending in j at t.
        for j in 0..<k { alpha[j] = Double(a0[j]) + Double(f[j]) }
        for t in 1..<max(length, 1) {
            let prev = alpha + (t - 1) * k, cur = alpha + t * k
            for j in 0..<k {
                var m = -Double.infinity
                for i in 0..<k { m = max(m, prev[i] + Double(a[i * k + j])) }
                var s = 0.0
                for i in 0..<k { s += exp(prev[i] + Double(a[i * k + j]) - m) }
                cur[j] = m + log(s) + Double(f[t * k + j])
            }
        }
        let last = alpha + (length - 1) * k
        let logZ = logSumExp(last, k)
        // Backward: beta[t, i] = log Σ over continuations from i at t.
        for i in 0..<k { beta[(length - 1) * k + i] = 0 }
        if length > 1 {
            for t in stride(from: length - 2, through: 0, by: -1) {
                let next = beta + (t + 1) * k, cur = beta + t * k
                let fn = f + (t + 1) * k
                for i in 0..<k {
                    var m = -Double.infinity
                    for j in 0..<k { m = max(m, Double(a[i * k + j]) + Double(fn[j]) + next[j]) }
                    var s = 0.0
                    for j in 0..<k { s += exp(Double(a[i * k + j]) + Double(fn[j]) + next[j] - m) }
                    cur[i] = m + log(s)
                }
            }
        }
        // Gold path score and gradients.
        var gold = 0.0
        for t in 0..<length {
            let y = tags[firstRow + t]
            precondition(y >= 0 && y < k, "SentenceLogLikelihood: tag \(y) at row \(firstRow + t) outside 0..<\(k)")
            gold += Double(f[t * k + y])
            if t == 0 {
                gold += Double(a0[y])
            } else {
                gold += Double(a[tags[firstRow + t - 1] * k + y])
            }
        }
        for t in 0..<length {
            for j in 0..<k {
                let p = exp(alpha[t * k + j] + beta[t * k + j] - logZ)
                g[t * k + j] = Float(scale * p)
            }
            g[t * k + tags[firstRow + t]] -= Float(scale)
        }
        for j in 0..<k { ga0[j] += Float(scale * exp(alpha[j] + beta[j] - logZ)) }
        ga0[tags[firstRow]] -= Float(scale)
        for t in 1..<max(length, 1) {
            let fn = f + t * k
            for i in 0..<k {
                let ai = alpha[(t - 1) * k + i]
                for j in 0..<k {
                    let p = exp(ai + Double(a[i * k + j]) + Double(fn[j]) + beta[t * k + j] - logZ)
                    ga[i * k + j] += Float(scale * p)
                }
            }
            ga[tags[firstRow + t - 1] * k + tags[firstRow + t]] -= Float(scale)
        }
        return logZ - gold
    }

    @inline(__always)
    private func logSumExp(_ x: UnsafePointer<Double>, _ n: Int) -> Double {
        var m = -Double.infinity
        for i in 0..<n { m = max(m, x[i]) }
        var s = 0.0
        for i in 0..<n { s += exp(x[i] - m) }
        return m + log(s)
    }
}
