import NNKit

/// The best tag path under sentence-level scores: Collobert et al. (2011), section 3.3.2,
/// "inference" — Viterbi (1967): the recursion of the sentence-level log-likelihood with max in
/// place of logadd, then a trace back through the argmax pointers.
///
/// Works on one sentence's rows of a score matrix; buffers are kept between calls so that
/// decoding a file allocates nothing per sentence beyond the returned tags.
public final class ViterbiDecoder {
    private var delta: [Float] = []
    private var backPointers: [Int32] = []

    public init() {}

    /// The highest-scoring tag sequence for rows `rows` of `scores` (`T x K`), with transition
    /// scores `transitions` (`K x K`, from row tag to column tag) and `initial` (`1 x K`).
    public func decode(scores: Matrix, rows: Range<Int>, transitions: Matrix, initial: Matrix) -> [Int] {
        var path = [Int](repeating: 0, count: rows.count)
        decode(scores: scores, rows: rows, transitions: transitions, initial: initial, into: &path)
        return path
    }

    /// As `decode(scores:rows:transitions:initial:)`, writing the tags into `path` (resized).
    public func decode(scores: Matrix, rows: Range<Int>, transitions: Matrix, initial: Matrix, into path: inout [Int]) {
        let k = scores.cols
        require(transitions.rows == k && transitions.cols == k && initial.count == k,
                     "ViterbiDecoder: \(k) tags but transitions \(transitions.rows)x\(transitions.cols) and initial \(initial.count)")
        require(rows.lowerBound >= 0 && rows.upperBound <= scores.rows, "ViterbiDecoder: rows \(rows) outside \(scores.rows) score rows")
        let length = rows.count
        if path.count != length { path = [Int](repeating: 0, count: length) }
        guard length > 0 else { return }
        if delta.count < 2 * k { delta = [Float](repeating: 0, count: 2 * k) }
        if backPointers.count < length * k { backPointers = [Int32](repeating: 0, count: length * k) }
        scores.withUnsafeBufferPointer { sp in
            transitions.withUnsafeBufferPointer { a in
                initial.withUnsafeBufferPointer { a0 in
                    delta.withUnsafeMutableBufferPointer { d in
                        backPointers.withUnsafeMutableBufferPointer { bp in
                            let f = sp.baseAddress! + rows.lowerBound * k
                            var prev = d.baseAddress!, cur = d.baseAddress! + k
                            for j in 0..<k { prev[j] = a0[j] + f[j] }
                            for t in 1..<length {
                                for j in 0..<k {
                                    var best = prev[0] + a[j], arg: Int32 = 0
                                    for i in 1..<k {
                                        let v = prev[i] + a[i * k + j]
                                        if v > best { best = v; arg = Int32(i) }
                                    }
                                    cur[j] = best + f[t * k + j]
                                    bp[t * k + j] = arg
                                }
                                swap(&prev, &cur)
                            }
                            var last = 0
                            for j in 1..<k where prev[j] > prev[last] { last = j }
                            path[length - 1] = last
                            for t in stride(from: length - 1, to: 0, by: -1) {
                                path[t - 1] = Int(bp[t * k + path[t]])
                            }
                        }
                    }
                }
            }
        }
    }
}
