import NNKit

/// The sizes of a window network; the defaults are those of Collobert et al. (2011), table 5
/// (window 5, word embeddings 50, discrete-feature embeddings 5, 300 hidden units).
public struct WindowNetworkShape: Codable, Equatable, Sendable {
    public struct Table: Codable, Equatable, Sendable {
        public var name: String
        public var vocabularySize: Int
        public var dimension: Int
        public var paddingId: Int
        public init(name: String, vocabularySize: Int, dimension: Int, paddingId: Int) {
            self.name = name
            self.vocabularySize = vocabularySize
            self.dimension = dimension
            self.paddingId = paddingId
        }
    }

    public var windowSize: Int
    /// The lookup tables, the word table first.
    public var tables: [Table]
    public var hiddenUnits: Int
    public var tagCount: Int
    /// Dropout on the hidden layer's output while training (0: none).
    public var dropout: Float
    /// Dropout on the concatenated window features (the lookup tables' output) while training.
    public var inputDropout: Float = 0

    public init(windowSize: Int = 5, tables: [Table], hiddenUnits: Int = 300, tagCount: Int, dropout: Float = 0, inputDropout: Float = 0) {
        self.windowSize = windowSize
        self.tables = tables
        self.hiddenUnits = hiddenUnits
        self.tagCount = tagCount
        self.dropout = dropout
        self.inputDropout = inputDropout
    }

    /// Inputs to the first linear layer: window size times the sum of the table dimensions.
    public var inputWidth: Int { windowSize * tables.reduce(0) { $0 + $1.dimension } }
    /// The name and shape (rows, columns) of every weight, as `WindowNetwork.namedParameters` has them.
    public var parameterShapes: [(name: String, rows: Int, cols: Int)] {
        tables.map { ("embedding.\($0.name)", $0.vocabularySize, $0.dimension) } +
            [("hidden.weight", hiddenUnits, inputWidth), ("hidden.bias", 1, hiddenUnits),
             ("output.weight", tagCount, hiddenUnits), ("output.bias", 1, tagCount)]
    }
    /// Multiply-adds per word in the forward pass (the two linear layers).
    public var multiplyAddsPerWord: Int { inputWidth * hiddenUnits + hiddenUnits * tagCount }
}

/// The window approach network of Collobert et al. (2011), section 3.3.1, figure 1:
/// lookup tables → concatenation over the window → Linear → HardTanh → Linear, one score per
/// tag for each word. Runs on a whole batch of windows (one row per word) as one `Sequential`,
/// so each linear layer is one GEMM per batch; the lookup tables' gradients are sparse.
public final class WindowNetwork {
    public let shape: WindowNetworkShape
    public let lookup: LookupTable
    public let hidden: Linear
    public let activation: HardTanh
    public let dropout: Dropout?
    /// Dropout on the window features while training (`shape.inputDropout`).
    public let inputDropout: Dropout?
    /// Word dropout on the word ids while training (none for a loaded model).
    public let wordDropout: IndexDropout?
    public let output: Linear
    public let network: Sequential
    public let windowBuilder: WindowBuilder

    /// A network with random initial weights. `wordDropout` (α and the training count of each
    /// word id) puts an `IndexDropout` on the word table's ids in front of the lookup tables.
    public convenience init(shape: WindowNetworkShape, rng: inout RandomGenerator, wordDropout: (alpha: Float, counts: [Int])? = nil) {
        let lookup = LookupTable(shape.tables.map { .init(vocabularySize: $0.vocabularySize, dimension: $0.dimension) },
                                 names: shape.tables.map { "embedding.\($0.name)" }, rng: &rng)
        let hidden = Linear(shape.inputWidth, shape.hiddenUnits, rng: &rng)
        let output = Linear(shape.hiddenUnits, shape.tagCount, rng: &rng)
        let dropoutSeed = rng.next()
        let inputDropoutSeed = shape.inputDropout > 0 ? rng.next() : 0
        var wordDropoutLayer: IndexDropout?
        if let w = wordDropout, w.alpha > 0 {
            let p = IndexDropout.probabilities(alpha: w.alpha, counts: w.counts, exempt: [Vocabulary.paddingID, Vocabulary.unknownID])
            wordDropoutLayer = IndexDropout(table: 0, tableCount: shape.tables.count, replacement: Vocabulary.unknownID,
                                            probabilities: p, seed: rng.next())
        }
        self.init(shape: shape, lookup: lookup, hidden: hidden, output: output, dropoutSeed: dropoutSeed,
                  inputDropoutSeed: inputDropoutSeed, wordDropout: wordDropoutLayer)
    }

    /// A network with the given weights, named as in `namedParameters` (e.g. read from a model
    /// file, whose shapes the caller has checked against `shape.parameterShapes`). No random
    /// draws, and the lookup tables get gradient memory only if training starts.
    public convenience init(shape: WindowNetworkShape, weights: [String: Matrix]) {
        func weight(_ name: String) -> Matrix {
            guard let m = weights[name] else { fatalError("WindowNetwork: no weight '\(name)' among \(weights.keys.sorted())") }
            return m
        }
        let lookup = LookupTable(values: shape.tables.map { weight("embedding.\($0.name)") },
                                 names: shape.tables.map { "embedding.\($0.name)" })
        let hidden = Linear(weight: weight("hidden.weight"), bias: weight("hidden.bias"))
        let output = Linear(weight: weight("output.weight"), bias: weight("output.bias"))
        self.init(shape: shape, lookup: lookup, hidden: hidden, output: output, dropoutSeed: 0, inputDropoutSeed: 0, wordDropout: nil)
    }

    private init(shape: WindowNetworkShape, lookup: LookupTable, hidden: Linear, output: Linear, dropoutSeed: UInt64,
                 inputDropoutSeed: UInt64, wordDropout: IndexDropout?) {
        self.shape = shape
        self.wordDropout = wordDropout
        self.lookup = lookup
        self.hidden = hidden
        self.output = output
        activation = HardTanh()
        dropout = shape.dropout > 0 ? Dropout(probability: shape.dropout, seed: dropoutSeed) : nil
        inputDropout = shape.inputDropout > 0 ? Dropout(probability: shape.inputDropout, seed: inputDropoutSeed) : nil
        var layers: [Layer] = [lookup]
        if let d = inputDropout { layers.append(d) }
        layers += [hidden, activation]
        if let w = wordDropout { layers.insert(w, at: 0) }
        if let d = dropout { layers.append(d) }
        layers.append(output)
        network = Sequential(layers)
        windowBuilder = WindowBuilder(windowSize: shape.windowSize, paddingIds: shape.tables.map(\.paddingId))
    }

    public var parameters: [Parameter] { network.parameters }

    /// Tag scores for a batch of windows (one row per word).
    @discardableResult
    public func forward(_ windows: Matrix) -> Matrix { network.forward(windows) }

    /// Adds the gradients of the parameters given ∂L/∂scores for the latest forward batch.
    public func backward(_ windows: Matrix, gradScores: Matrix) {
        network.backward(input: windows, gradOutput: gradScores)
    }

    public var isTraining: Bool {
        get { network.isTraining }
        set { network.isTraining = newValue }
    }

    /// Named tensors for saving: `embedding.<table>`, `hidden.weight`, `hidden.bias`,
    /// `output.weight`, `output.bias`.
    public var namedParameters: [(String, Parameter)] {
        zip(shape.tables, lookup.tables).map { ("embedding.\($0.name)", $1) } +
            [("hidden.weight", hidden.weight), ("hidden.bias", hidden.bias),
             ("output.weight", output.weight), ("output.bias", output.bias)]
    }
}
