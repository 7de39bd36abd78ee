/// Which parameters a regularizer applies to.
public enum ParameterSelection: Equatable {
    /// Those with `isDecayed` (the default: weights and embeddings, not biases).
    case decayed
    /// Every parameter, biases included.
    case all
    /// Only parameters with these names.
    case named(Set<String>)

    public func includes(_ p: Parameter) -> Bool {
        switch self {
        case .decayed: return p.isDecayed
        case .all: return true
        case .named(let names): return names.contains(p.name)
        }
    }
}

/// A penalty R(θ) added to the training loss. `apply(to:)` adds R's (sub)gradient into the
/// selected parameters' gradients (call it after backward, before the optimizer step) and
/// returns R's value, to be added to the reported loss. `penalty(of:)` only computes the value.
///
/// Sparse parameters (lookup tables) are regularized on their `touchedRows` only, both value
/// and gradient: the rows a batch did not use are not decayed at that step (lazy decay, so a
/// step costs the batch, not the vocabulary).
public protocol Regularizer: CustomStringConvertible {
    var selection: ParameterSelection { get }
    func apply(to parameters: [Parameter]) -> Double
    func penalty(of parameters: [Parameter]) -> Double
}

extension Regularizer {
    /// Visits the rows a regularizer sees, value only.
    func forEachRegularizedValueSpan(_ parameters: [Parameter], _ body: (UnsafePointer<Float>, Int) -> Void) {
        for p in parameters where selection.includes(p) {
            let c = p.value.cols
            p.value.withUnsafeBufferPointer { v in
                guard let vb = v.baseAddress else { return }
                if p.isSparse {
                    for r in p.touchedRows { body(vb + r * c, c) }
                } else {
                    body(vb, v.count)
                }
            }
        }
    }
}

/// Runs `body(valuePointer, gradientPointer, count)` over the rows a regularizer sees.
func forEachRegularizedSpan(_ p: Parameter, _ body: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) {
    let c = p.value.cols
    p.value.withUnsafeBufferPointer { v in
        p.gradient.withUnsafeMutableBufferPointer { g in
            guard let vb = v.baseAddress, let gb = g.baseAddress else { return }
            if p.isSparse {
                for r in p.touchedRows { body(vb + r * c, gb + r * c, c) }
            } else {
                body(vb, gb, v.count)
            }
        }
    }
}

/// L2 regularization (weight decay), R(θ) = λ/2 ‖θ‖², gradient λ θ (Goodfellow et al. 2016,
/// section 7.1.1, eq. 7.2-7.5; Krogh & Hertz 1992).
public struct L2Regularization: Regularizer {
    public var strength: Float
    public var selection: ParameterSelection

    public init(strength: Float, selection: ParameterSelection = .decayed) {
        require(strength >= 0, "L2Regularization: strength must not be negative, got \(strength)")
        self.strength = strength
        self.selection = selection
    }

    public func apply(to parameters: [Parameter]) -> Double {
        let lambda = strength
        var squares = 0.0
        for p in parameters where selection.includes(p) {
            forEachRegularizedSpan(p) { v, g, n in
                for i in 0..<n {
                    squares += Double(v[i]) * Double(v[i])
                    g[i] += lambda * v[i]
                }
            }
        }
        return Double(lambda) / 2 * squares
    }

    public func penalty(of parameters: [Parameter]) -> Double {
        var squares = 0.0
        forEachRegularizedValueSpan(parameters) { v, n in
            for i in 0..<n { squares += Double(v[i]) * Double(v[i]) }
        }
        return Double(strength) / 2 * squares
    }

    public var description: String { "L2(\(strength))" }
}

/// L1 regularization, R(θ) = λ ‖θ‖₁, subgradient λ sign(θ) with sign(0) = 0 (Goodfellow et al.
/// 2016, section 7.1.2, eq. 7.18-7.20; Tibshirani 1996). It drives weights to exactly zero
/// only approximately with plain SGD (they oscillate around 0 by up to ηλ).
public struct L1Regularization: Regularizer {
    public var strength: Float
    public var selection: ParameterSelection

    public init(strength: Float, selection: ParameterSelection = .decayed) {
        require(strength >= 0, "L1Regularization: strength must not be negative, got \(strength)")
        self.strength = strength
        self.selection = selection
    }

    public func apply(to parameters: [Parameter]) -> Double {
        let lambda = strength
        var sum = 0.0
        for p in parameters where selection.includes(p) {
            forEachRegularizedSpan(p) { v, g, n in
                for i in 0..<n {
                    let x = v[i]
                    sum += Double(abs(x))
                    if x > 0 { g[i] += lambda } else if x < 0 { g[i] -= lambda }
                }
            }
        }
        return Double(lambda) * sum
    }

    public func penalty(of parameters: [Parameter]) -> Double {
        var sum = 0.0
        forEachRegularizedValueSpan(parameters) { v, n in
            for i in 0..<n { sum += Double(abs(v[i])) }
        }
        return Double(strength) * sum
    }

    public var description: String { "L1(\(strength))" }
}
