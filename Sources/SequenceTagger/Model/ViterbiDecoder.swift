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
                                // Previous tag i outside, next tag j inside: the inner loop runs along
                                // a row of the transitions (contiguous). Ties go to the lowest i.
                                let back = bp.baseAddress! + t * k
                                let p0 = prev[0]
                                for j in 0..<k { cur[j] = p0 + a[j]; back[j] = 0 }
                                for i in 1..<k {
                                    Self.relax(from: prev[i], index: Int32(i), row: a.baseAddress! + i * k, best: cur, back: back, count: k)
                                }
                                for j in 0..<k { cur[j] += f[t * k + j] }
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

    /// best[j], back[j] = p + row[j], index wherever that is higher (ties keep the earlier index),
    /// eight tags at a time.
    @inline(__always)
    private static func relax(from p: Float, index: Int32, row: UnsafePointer<Float>, best: UnsafeMutablePointer<Float>,
                              back: UnsafeMutablePointer<Int32>, count k: Int) {
        let vp = SIMD8<Float>(repeating: p), vi = SIMD8<Int32>(repeating: index)
        var j = 0
        while j + 8 <= k {
            let v = vp + UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Float>.self)
            let c = UnsafeRawPointer(best + j).loadUnaligned(as: SIMD8<Float>.self)
            let b = UnsafeRawPointer(back + j).loadUnaligned(as: SIMD8<Int32>.self)
            let better = v .> c
            UnsafeMutableRawPointer(best + j).storeBytes(of: c.replacing(with: v, where: better), as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(back + j).storeBytes(of: b.replacing(with: vi, where: better), as: SIMD8<Int32>.self)
            j += 8
        }
        while j < k {
            let v = p + row[j]
            if v > best[j] { best[j] = v; back[j] = index }
            j += 1
        }
    }
}
