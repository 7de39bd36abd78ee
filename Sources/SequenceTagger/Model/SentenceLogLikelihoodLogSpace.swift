import Foundation
import NNKit

extension SentenceLogLikelihood {
    /// One sentence by the forward-backward recursion in log space (eq. 15-16 with logadd):
    /// K² exponentials per word, exact over any range of scores. The fallback of the scaled path.
    /// Returns its loss, writes `scale * ∂L/∂f` and adds `scale * ∂L/∂A(0)`.
    func logSpaceSentence(
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
            require(y >= 0 && y < k, "SentenceLogLikelihood: tag \(y) at row \(firstRow + t) outside 0..<\(k)")
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
