import Foundation

/// How a weight matrix gets its first values, pickable by name (`named(_:)`).
///
/// `initialize(_:fanIn:fanOut:rng:)` fills a matrix laid out `fanOut x fanIn` for the weights of
/// a `Linear` layer (one row per unit, as PyTorch); the statistical schemes only use the fans,
/// the structural ones (sparse, orthogonal, identity) use the layout.
public enum WeightInitializer: Equatable, CustomStringConvertible {
    /// All zeros (biases; never for weights of hidden layers, which would stay symmetric).
    case zeros
    /// LeCun et al. (1998/2012), "Efficient BackProp", section 4.6: mean 0 and standard
    /// deviation m^(−1/2) for fan-in m, here uniform in ±√3 · m^(−1/2) (a uniform on ±a has
    /// standard deviation a/√3; the course slide gives only σ).
    case lecunUniform
    /// Martens (2010), "Deep learning via Hessian-free optimization", section 5: each unit (row)
    /// gets exactly `k` nonzero incoming weights from N(0, 1) on randomly chosen inputs, the
    /// rest zero (k = min(k, fan-in); default 15).
    case sparse(k: Int)
    /// Glorot & Bengio (2010), eq. 16: U(−√6/√(d_in + d_out), +√6/√(d_in + d_out)).
    case glorotUniform
    /// He et al. (2015), "Delving Deep into Rectifiers", eq. 10: N(0, σ) with σ = √(2/d_in),
    /// for ReLU layers (σ is the standard deviation).
    case heNormal
    /// Saxe et al. (2014), "Exact solutions to the nonlinear dynamics of learning in deep linear
    /// networks": a random orthogonal matrix (Gram-Schmidt of a Gaussian matrix, in Double).
    /// Square: WᵀW = WWᵀ = I, all singular values 1. Tall: orthonormal columns; wide:
    /// orthonormal rows.
    case orthogonal
    /// Ones on the main diagonal, zeros elsewhere (Le et al. 2015, "IRNN", for recurrent weights).
    case identity
    /// Given values (pre-trained embeddings, a saved layer); the shape must match.
    case pretrained(Matrix)
    /// Values read from a file by `MatrixFile.load(path:)` (word2vec text, GloVe, or a plain
    /// whitespace-separated matrix); the shape must match.
    case file(String)

    /// The names `named(_:)` accepts ("sparse" may carry k as "sparse:K", files come as "file:PATH").
    public static let names = ["zeros", "lecunUniform", "sparse", "glorotUniform", "heNormal", "orthogonal", "identity", "file:PATH"]

    /// The initializer called `name`; throws `UnknownNameError` listing the valid names.
    public static func named(_ name: String) throws -> WeightInitializer {
        switch name {
        case "zeros": return .zeros
        case "lecunUniform": return .lecunUniform
        case "sparse": return .sparse(k: 15)
        case "glorotUniform", "xavierUniform": return .glorotUniform
        case "heNormal", "kaimingNormal": return .heNormal
        case "orthogonal": return .orthogonal
        case "identity": return .identity
        default:
            if name.hasPrefix("sparse:"), let k = Int(name.dropFirst(7)), k > 0 { return .sparse(k: k) }
            if name.hasPrefix("file:"), name.count > 5 { return .file(String(name.dropFirst(5))) }
            throw UnknownNameError(kind: "initializer", name: name, validNames: names)
        }
    }

    public var description: String {
        switch self {
        case .zeros: return "zeros"
        case .lecunUniform: return "lecunUniform"
        case .sparse(let k): return "sparse:\(k)"
        case .glorotUniform: return "glorotUniform"
        case .heNormal: return "heNormal"
        case .orthogonal: return "orthogonal"
        case .identity: return "identity"
        case .pretrained(let m): return "pretrained(\(m.shape))"
        case .file(let path): return "file:\(path)"
        }
    }

    /// Fills `m` (its shape is kept). Throws for pre-trained values of the wrong shape and for
    /// unreadable or malformed files.
    public func initialize(_ m: inout Matrix, fanIn: Int, fanOut: Int, rng: inout RandomGenerator) throws {
        require(fanIn > 0 && fanOut > 0, "WeightInitializer.\(self): fans must be positive, got in \(fanIn), out \(fanOut)")
        switch self {
        case .zeros:
            m.fill(0)
        case .lecunUniform:
            fillUniform(&m, bound: (3 / Float(fanIn)).squareRoot(), rng: &rng)
        case .glorotUniform:
            fillUniform(&m, bound: (6 / Float(fanIn + fanOut)).squareRoot(), rng: &rng)
        case .heNormal:
            let sigma = (2 / Float(fanIn)).squareRoot()
            m.withUnsafeMutableBufferPointer { p in
                for i in 0..<p.count { p[i] = rng.normal(mean: 0, standardDeviation: sigma) }
            }
        case .sparse(let k):
            require(k > 0, "WeightInitializer.sparse: k must be positive, got \(k)")
            let (rows, cols) = (m.rows, m.cols)
            m.fill(0)
            let connections = min(k, cols)
            for r in 0..<rows {
                for c in rng.sample(connections, from: cols) { m[r, c] = rng.normal() }
            }
        case .orthogonal:
            m = Orthogonalization.randomOrthogonal(rows: m.rows, cols: m.cols, rng: &rng)
        case .identity:
            m.fill(0)
            for i in 0..<min(m.rows, m.cols) { m[i, i] = 1 }
        case .pretrained(let values):
            guard values.shape == m.shape else {
                throw InitializationError.shapeMismatch(source: "pre-trained values", found: values.shape, expected: m.shape)
            }
            m.assign(values)
        case .file(let path):
            let values = try MatrixFile.load(path: path).matrix
            guard values.shape == m.shape else {
                throw InitializationError.shapeMismatch(source: path, found: values.shape, expected: m.shape)
            }
            m.assign(values)
        }
    }

    /// A new `fanOut x fanIn` matrix, initialized.
    public func makeMatrix(fanIn: Int, fanOut: Int, rng: inout RandomGenerator) throws -> Matrix {
        var m = Matrix(rows: fanOut, cols: fanIn)
        try initialize(&m, fanIn: fanIn, fanOut: fanOut, rng: &rng)
        return m
    }

    private func fillUniform(_ m: inout Matrix, bound: Float, rng: inout RandomGenerator) {
        m.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = rng.uniform(-bound, bound) }
        }
    }
}

/// Why initial values could not be set.
public enum InitializationError: Error, CustomStringConvertible, Equatable {
    case shapeMismatch(source: String, found: Shape, expected: Shape)
    /// A file problem, with the line (1-based; 0 for the file as a whole).
    case malformedFile(path: String, line: Int, message: String)

    public var description: String {
        switch self {
        case let .shapeMismatch(source, found, expected):
            return "\(source): values are \(found), the parameter is \(expected)"
        case let .malformedFile(path, line, message):
            return line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
        }
    }
}
