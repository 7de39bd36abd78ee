/// Embedding lookup for windows of discrete features: Collobert et al. (2011), section 3.2.1,
/// "lookup-table layer" (eq. 1, several features concatenated per word, eq. 2 for the window).
///
/// The layer holds one table per feature (word, caps, suffix, ...), table `t` of size
/// `vocabulary_t x dimension_t`. Its input is a batch of index rows laid out position by
/// position: column `p * T + t` holds the index (an integral `Float`) into table `t` for
/// window position `p`. The output row is, for each position, the concatenation of the
/// looked-up vectors: `positions * Σ_t dimension_t` values.
///
/// The gradient is sparse: backward adds into the rows the batch used and records them in
/// `Parameter.touchedRows`, so a step costs the batch, not the vocabulary. Indices carry no
/// gradient; backward returns an empty matrix.
public final class LookupTable: Layer {
    public struct TableShape: Sendable, Equatable {
        public var vocabularySize: Int
        public var dimension: Int
        public init(vocabularySize: Int, dimension: Int) {
            self.vocabularySize = vocabularySize
            self.dimension = dimension
        }
    }

    public let shapes: [TableShape]
    public let tables: [Parameter]
    /// The sum of the table dimensions: the width of one window position in the output.
    public let positionWidth: Int
    public private(set) var output = Matrix(rows: 0, cols: 0)
    public var isTraining = true
    private let noGradient = Matrix(rows: 0, cols: 0)

    /// Tables initialized with N(0, 1) values, as Torch7's `nn.LookupTable`.
    public init(_ shapes: [TableShape], names: [String]? = nil, rng: inout RandomGenerator) {
        require(!shapes.isEmpty, "LookupTable: at least one table is needed")
        require(names == nil || names!.count == shapes.count, "LookupTable: \(names!.count) names for \(shapes.count) tables")
        self.shapes = shapes
        var tables: [Parameter] = []
        for (t, s) in shapes.enumerated() {
            require(s.vocabularySize > 0 && s.dimension > 0, "LookupTable: table \(t) has shape \(s.vocabularySize)x\(s.dimension)")
            let value = Matrix.normal(rows: s.vocabularySize, cols: s.dimension, rng: &rng)
            tables.append(Parameter(name: names?[t] ?? "table\(t)", value: value, isSparse: true))
        }
        self.tables = tables
        positionWidth = shapes.reduce(0) { $0 + $1.dimension }
    }

    /// Tables with the given values (e.g. read from a model file), one matrix of
    /// `vocabulary x dimension` per table. No random draws; the gradients are allocated by the
    /// first `zeroGradient()`, so a table loaded only to tag holds its values and nothing else.
    public init(values: [Matrix], names: [String]? = nil) {
        require(!values.isEmpty, "LookupTable: at least one table is needed")
        require(names == nil || names!.count == values.count, "LookupTable: \(names!.count) names for \(values.count) tables")
        shapes = values.map { TableShape(vocabularySize: $0.rows, dimension: $0.cols) }
        tables = values.enumerated().map { t, v in
            require(v.rows > 0 && v.cols > 0, "LookupTable: table \(t) has shape \(v.rows)x\(v.cols)")
            return Parameter(name: names?[t] ?? "table\(t)", value: v, isSparse: true, allocatesGradient: false)
        }
        positionWidth = shapes.reduce(0) { $0 + $1.dimension }
    }

    /// A single table of `vocabularySize x dimension`.
    public convenience init(vocabularySize: Int, dimension: Int, rng: inout RandomGenerator) {
        self.init([TableShape(vocabularySize: vocabularySize, dimension: dimension)], rng: &rng)
    }

    public var parameters: [Parameter] { tables }

    /// The number of window positions in an input of `cols` index columns.
    public func positions(inputColumns cols: Int) -> Int { cols / tables.count }

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        let t = tables.count
        require(input.cols % t == 0 && input.cols > 0,
                     "LookupTable.forward: input is \(input.rows)x\(input.cols), columns must be a multiple of the \(t) tables")
        let positions = input.cols / t
        let width = positions * positionWidth
        output.resize(rows: input.rows, cols: width)
        output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { idx in
                for ti in 0..<t {
                    let dim = shapes[ti].dimension
                    let vocab = shapes[ti].vocabularySize
                    var offset = 0
                    for u in 0..<ti { offset += shapes[u].dimension }
                    tables[ti].value.withUnsafeBufferPointer { table in
                        for r in 0..<input.rows {
                            for p in 0..<positions {
                                let i = Int(idx[r * input.cols + p * t + ti])
                                require(i >= 0 && i < vocab, "LookupTable.forward: index \(i) (row \(r), position \(p)) outside table \(ti) of \(vocab) rows")
                                (out.baseAddress! + r * width + p * positionWidth + offset)
                                    .update(from: table.baseAddress! + i * dim, count: dim)
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        let t = tables.count
        let positions = input.cols / t
        let width = positions * positionWidth
        require(gradOutput.rows == input.rows && gradOutput.cols == width,
                     "LookupTable.backward: gradOutput is \(gradOutput.rows)x\(gradOutput.cols), expected \(input.rows)x\(width)")
        gradOutput.withUnsafeBufferPointer { g in
            input.withUnsafeBufferPointer { idx in
                var offset = 0
                for ti in 0..<t {
                    let dim = shapes[ti].dimension
                    let param = tables[ti]
                    param.gradient.withUnsafeMutableBufferPointer { grad in
                        for r in 0..<input.rows {
                            for p in 0..<positions {
                                let i = Int(idx[r * input.cols + p * t + ti])
                                param.markTouched(i)
                                let src = g.baseAddress! + r * width + p * positionWidth + offset
                                let dst = grad.baseAddress! + i * dim
                                for j in 0..<dim { dst[j] += src[j] }
                            }
                        }
                    }
                    offset += dim
                }
            }
        }
        return noGradient
    }

    public var description: String {
        "LookupTable(" + shapes.map { "\($0.vocabularySize)x\($0.dimension)" }.joined(separator: " + ") + " per position)"
    }
}
