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
    // Work buffers (Double), grown to the longest sentence seen; raw pointers, as in llm.c,
    // so that the recursions run without exclusivity checks or array traffic.
    private var capacity = 0
    private var alpha = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    private var beta = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    private var expScores = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    private var scales = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    private var expTransitions: UnsafeMutablePointer<Double>
    private var expInitial: UnsafeMutablePointer<Double>

    deinit {
        for p in [alpha, beta, expScores, scales, expTransitions, expInitial] { p.deallocate() }
    }

    public init(tagCount: Int) {
        require(tagCount > 0, "SentenceLogLikelihood: tagCount must be positive")
        self.tagCount = tagCount
        transitions = Parameter(name: "transitions", value: Matrix(rows: tagCount, cols: tagCount), isDecayed: false)
        expTransitions = .allocate(capacity: tagCount * tagCount)
        expInitial = .allocate(capacity: tagCount)
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
        require(scores.cols == tagCount, "SentenceLogLikelihood: scores have \(scores.cols) columns, expected \(tagCount) tags")
        require(tags.count == scores.rows, "SentenceLogLikelihood: \(tags.count) tags for \(scores.rows) score rows")
        gradient.resize(rows: scores.rows, cols: scores.cols, zero: true)
        // Gradients released after loading (tagging only) come back before anything adds into them.
        for p in parameters where p.gradient.shape != p.value.shape { p.zeroGradient() }
        guard !sentences.isEmpty else { return 0 }
        let k = tagCount
        let longest = sentences.map(\.count).max() ?? 0
        if capacity < longest {
            for p in [alpha, beta, expScores, scales] { p.deallocate() }
            capacity = longest
            alpha = .allocate(capacity: longest * k)
            beta = .allocate(capacity: longest * k)
            expScores = .allocate(capacity: longest * k)
            scales = .allocate(capacity: longest)
        }
        // exp(A - max A) and exp(A0 - max A0), once per batch.
        let maxA = Double(transitions.value.storage.max() ?? 0), maxA0 = Double(initial.value.storage.max() ?? 0)
        transitions.value.withUnsafeBufferPointer { a in for i in 0..<(k * k) { expTransitions[i] = exp(Double(a[i]) - maxA) } }
        initial.value.withUnsafeBufferPointer { a0 in for j in 0..<k { expInitial[j] = exp(Double(a0[j]) - maxA0) } }
        let scale = 1 / Double(sentences.count)
        var total = 0.0
        scores.withUnsafeBufferPointer { f in
            gradient.withUnsafeMutableBufferPointer { g in
                transitions.value.withUnsafeBufferPointer { a in
                    initial.value.withUnsafeBufferPointer { a0 in
                        transitions.gradient.withUnsafeMutableBufferPointer { ga in
                            initial.gradient.withUnsafeMutableBufferPointer { ga0 in
                                        for range in sentences where !range.isEmpty {
                                            if let loss = scaledSentence(f.baseAddress! + range.lowerBound * k, range.count, tags,
                                                                         range.lowerBound, a.baseAddress!, a0.baseAddress!, maxA, maxA0,
                                                                         g.baseAddress! + range.lowerBound * k,
                                                                         ga.baseAddress!, ga0.baseAddress!, scale) {
                                                total += loss
                                                continue
                                            }
                                            total += logSpaceSentence(f.baseAddress! + range.lowerBound * k, range.count,
                                                              tags, range.lowerBound, a.baseAddress!, a0.baseAddress!,
                                                              g.baseAddress! + range.lowerBound * k,
                                                              ga.baseAddress!, ga0.baseAddress!,
                                                              alpha, beta, scale)
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

    /// One sentence by the scaled forward-backward algorithm (Rabiner 1989, section V.A): the
    /// recursion runs on exp(A − max A) and exp(f_t − max f_t) with a normalization per word,
    /// so it costs K exponentials per word instead of K². Returns nil (and writes nothing) when
    /// the scaled values underflow, so the caller falls back to the log-space recursion.
    private func scaledSentence(
        _ f: UnsafePointer<Float>, _ length: Int, _ tags: [Int], _ firstRow: Int,
        _ a: UnsafePointer<Float>, _ a0: UnsafePointer<Float>, _ maxA: Double, _ maxA0: Double,
        _ g: UnsafeMutablePointer<Float>, _ ga: UnsafeMutablePointer<Float>, _ ga0: UnsafeMutablePointer<Float>,
        _ scale: Double
    ) -> Double? {
        let k = tagCount
        let e = expScores, s = scales, al = alpha, be = beta, ea = expTransitions, ea0 = expInitial
        var logZ = 0.0
        // e[t, j] = exp(f[t, j] − max_j f[t, j])
        for t in 0..<length {
            var m = -Double.infinity
            for j in 0..<k { m = max(m, Double(f[t * k + j])) }
            for j in 0..<k { e[t * k + j] = exp(Double(f[t * k + j]) - m) }
            logZ += m
        }
        // Forward, normalized: al[t] sums to 1, s[t] is the normalizer.
        var s0 = 0.0
        for j in 0..<k { let v = ea0[j] * e[j]; al[j] = v; s0 += v }
        s[0] = s0
        for t in 1..<max(length, 1) {
            let prev = al + (t - 1) * k, cur = al + t * k
            for j in 0..<k { cur[j] = 0 }
            for i in 0..<k {
                let p = prev[i] / s[t - 1]
                if p == 0 { continue }
                let row = ea + i * k
                for j in 0..<k { cur[j] += p * row[j] }
            }
            var st = 0.0
            for j in 0..<k { cur[j] *= e[t * k + j]; st += cur[j] }
            s[t] = st
        }
        for t in 0..<length {
            guard s[t] > 0 && s[t].isFinite else { return nil }
            logZ += log(s[t])
        }
        logZ += maxA0 + Double(length - 1) * maxA
        // al[t] /= s[t] so that it is a distribution.
        for t in 0..<length { let inv = 1 / s[t]; for j in 0..<k { al[t * k + j] *= inv } }
        // Backward with the same normalizers: Σ_j al[t, j] be[t, j] = 1.
        for i in 0..<k { be[(length - 1) * k + i] = 1 }
        if length > 1 {
            for t in stride(from: length - 2, through: 0, by: -1) {
                let next = be + (t + 1) * k, cur = be + t * k, en = e + (t + 1) * k
                let inv = 1 / s[t + 1]
                for i in 0..<k {
                    let row = ea + i * k
                    var acc = 0.0
                    for j in 0..<k { acc += row[j] * en[j] * next[j] }
                    cur[i] = acc * inv
                }
            }
        }
        // Gold path score.
        var gold = 0.0
        for t in 0..<length {
            let y = tags[firstRow + t]
            require(y >= 0 && y < k, "SentenceLogLikelihood: tag \(y) at row \(firstRow + t) outside 0..<\(k)")
            gold += Double(f[t * k + y]) + (t == 0 ? Double(a0[y]) : Double(a[tags[firstRow + t - 1] * k + y]))
        }
        // Gradients: marginals minus gold indicators.
        for t in 0..<length {
            for j in 0..<k { g[t * k + j] = Float(scale * al[t * k + j] * be[t * k + j]) }
            g[t * k + tags[firstRow + t]] -= Float(scale)
        }
        for j in 0..<k { ga0[j] += Float(scale * al[j] * be[j]) }
        ga0[tags[firstRow]] -= Float(scale)
        for t in 1..<max(length, 1) {
            let en = e + t * k, bt = be + t * k, prev = al + (t - 1) * k
            let inv = scale / s[t]
            for i in 0..<k {
                let p = prev[i] * inv
                if p == 0 { continue }
                let row = ea + i * k, gr = ga + i * k
                for j in 0..<k { gr[j] += Float(p * row[j] * en[j] * bt[j]) }
            }
            ga[tags[firstRow + t - 1] * k + tags[firstRow + t]] -= Float(scale)
        }
        return logZ - gold
    }
}
