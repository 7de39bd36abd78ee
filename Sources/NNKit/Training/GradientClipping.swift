/// Gradient clipping, applied after backward (and regularization) and before the step.
/// Sparse parameters count and are clipped on their `touchedRows` only (the other rows of
/// their gradient are zero).
public enum GradientClipping {
    /// Clipping by global norm (Pascanu, Mikolov & Bengio 2013, "On the difficulty of training
    /// recurrent neural networks", Algorithm 1): with ‖g‖ the Euclidean norm of all gradients
    /// together, if ‖g‖ > maxNorm every gradient is scaled by maxNorm / ‖g‖, keeping its
    /// direction. Returns ‖g‖ before clipping.
    @discardableResult
    public static func clipByGlobalNorm(_ parameters: [Parameter], maxNorm: Float) -> Double {
        require(maxNorm > 0, "clipByGlobalNorm: maxNorm must be positive, got \(maxNorm)")
        var squares = 0.0
        for p in parameters {
            forEachGradientSpan(p) { g, n in
                for i in 0..<n { squares += Double(g[i]) * Double(g[i]) }
            }
        }
        let norm = squares.squareRoot()
        if norm > Double(maxNorm) {
            let scale = Float(Double(maxNorm) / norm)
            for p in parameters {
                forEachGradientSpan(p) { g, n in
                    for i in 0..<n { g[i] *= scale }
                }
            }
        }
        return norm
    }

    /// Clipping by value: every gradient entry is clamped to [−limit, limit] (Mikolov 2012,
    /// thesis, section 3.2.2). Changes the direction; returns how many entries were clamped.
    @discardableResult
    public static func clipByValue(_ parameters: [Parameter], limit: Float) -> Int {
        require(limit > 0, "clipByValue: limit must be positive, got \(limit)")
        var clamped = 0
        for p in parameters {
            forEachGradientSpan(p) { g, n in
                for i in 0..<n {
                    let x = g[i]
                    if x > limit { g[i] = limit; clamped += 1 } else if x < -limit { g[i] = -limit; clamped += 1 }
                }
            }
        }
        return clamped
    }

    private static func forEachGradientSpan(_ p: Parameter, _ body: (UnsafeMutablePointer<Float>, Int) -> Void) {
        let c = p.gradient.cols
        p.gradient.withUnsafeMutableBufferPointer { g in
            guard let gb = g.baseAddress else { return }
            if p.isSparse {
                for r in p.touchedRows { body(gb + r * c, c) }
            } else {
                body(gb, g.count)
            }
        }
    }
}
