/// Word dropout for the index input of a `LookupTable` (Kiperwasser and Goldberg 2016,
/// "Simple and accurate dependency parsing using bidirectional LSTM feature representations",
/// section 6: a word w is replaced by the unknown word with probability α / (α + count(w))).
///
/// In training mode each index of one table (column `p * tableCount + table` of the input, the
/// layout `LookupTable` reads) is replaced by `replacement` with the probability given for that
/// index, so rare words are dropped most and the replacement's embedding learns from words the
/// network also sees alone — what the words of new text look like. Every occurrence in the input
/// is drawn on its own: in a window network a word is dropped independently in each window it
/// appears in (as the centre word or as context), not once per token. Evaluation mode is the
/// identity. Indices carry no gradient: backward returns an empty matrix. The draws come from
/// the layer's own seeded generator (saved in checkpoints like `Dropout`'s).
public final class IndexDropout: Layer, RandomLayer {
    public let table: Int
    public let tableCount: Int
    public let replacement: Int
    /// The replacement probability of each index; indices beyond it are never replaced.
    public let probabilities: [Float]
    public var rng: RandomGenerator
    public var isTraining = true
    public private(set) var output = Matrix(rows: 0, cols: 0)
    /// How many indices the latest forward replaced.
    public private(set) var replacedCount = 0
    private let noGradient = Matrix(rows: 0, cols: 0)
    public var parameters: [Parameter] { [] }

    public init(table: Int, tableCount: Int, replacement: Int, probabilities: [Float], seed: UInt64) {
        require(tableCount > 0 && table >= 0 && table < tableCount, "IndexDropout: table \(table) of \(tableCount)")
        require(probabilities.allSatisfy { $0 >= 0 && $0 <= 1 }, "IndexDropout: probabilities must lie in [0, 1]")
        self.table = table
        self.tableCount = tableCount
        self.replacement = replacement
        self.probabilities = probabilities
        rng = RandomGenerator(seed: seed)
    }

    /// Probabilities α / (α + count) from training counts (one per index); the indices in
    /// `exempt` (padding, the unknown word itself) are never replaced.
    public static func probabilities(alpha: Float, counts: [Int], exempt: [Int]) -> [Float] {
        require(alpha >= 0, "IndexDropout: alpha must be non-negative, got \(alpha)")
        var p = counts.map { alpha == 0 ? 0 : alpha / (alpha + Float($0)) }
        for i in exempt where i >= 0 && i < p.count { p[i] = 0 }
        return p
    }

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        require(input.cols % tableCount == 0, "IndexDropout.forward: input is \(input.rows)x\(input.cols), columns must be a multiple of \(tableCount) tables")
        output.assign(input)
        replacedCount = 0
        guard isTraining else { return output }
        let replacement = Float(self.replacement)
        let stride = tableCount, first = table
        var replaced = 0
        probabilities.withUnsafeBufferPointer { p in
            output.withUnsafeMutableBufferPointer { x in
                var i = first
                while i < x.count {
                    let index = Int(x[i])
                    if index >= 0 && index < p.count && p[index] > 0 && rng.nextFloat() < p[index] {
                        x[i] = replacement
                        replaced += 1
                    }
                    i += stride
                }
            }
        }
        replacedCount = replaced
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix { noGradient }

    public var description: String { "IndexDropout(table: \(table) of \(tableCount), replacement: \(replacement))" }
}
