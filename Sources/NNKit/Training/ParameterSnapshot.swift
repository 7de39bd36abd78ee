/// A copy of the values of a list of parameters, to restore later (the best parameters of
/// early stopping) or to measure how far a step moved them (‖θ_{t+1} − θ_t‖).
public struct ParameterSnapshot {
    public private(set) var values: [Matrix]

    public init(_ parameters: [Parameter]) {
        values = parameters.map(\.value)
    }

    /// Copies the current values into this snapshot, reusing its storage.
    public mutating func capture(_ parameters: [Parameter]) {
        require(parameters.count == values.count || values.isEmpty,
                     "ParameterSnapshot.capture: \(parameters.count) parameters, the snapshot has \(values.count)")
        if values.count != parameters.count { values = parameters.map(\.value); return }
        for (i, p) in parameters.enumerated() { values[i].assign(p.value) }
    }

    /// Replaces the saved values (a snapshot read back from a checkpoint).
    public mutating func replaceValues(_ newValues: [Matrix]) {
        require(newValues.count == values.count, "ParameterSnapshot.replaceValues: \(newValues.count) values, the snapshot has \(values.count)")
        values = newValues
    }

    /// Writes the saved values back into the parameters (same list, same shapes).
    public func restore(into parameters: [Parameter]) {
        require(parameters.count == values.count, "ParameterSnapshot.restore: \(parameters.count) parameters, the snapshot has \(values.count)")
        for (p, v) in zip(parameters, values) {
            require(p.value.shape == v.shape, "ParameterSnapshot.restore: \(p.name) is \(p.value.shape), saved \(v.shape)")
            p.value.assign(v)
        }
    }

    /// The Euclidean distance ‖θ − θ_saved‖ over all parameters, accumulated in Double.
    public func distance(to parameters: [Parameter]) -> Double {
        require(parameters.count == values.count, "ParameterSnapshot.distance: \(parameters.count) parameters, the snapshot has \(values.count)")
        var sum = 0.0
        for (p, v) in zip(parameters, values) {
            require(p.value.shape == v.shape, "ParameterSnapshot.distance: \(p.name) is \(p.value.shape), saved \(v.shape)")
            p.value.withUnsafeBufferPointer { a in
                v.withUnsafeBufferPointer { b in
                    for i in 0..<a.count { let d = Double(a[i]) - Double(b[i]); sum += d * d }
                }
            }
        }
        return sum.squareRoot()
    }
}
