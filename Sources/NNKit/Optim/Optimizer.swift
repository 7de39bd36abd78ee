import Foundation

/// An update rule θ ← θ − (something of the gradient), applied to a list of parameters.
///
/// Optimizers keep their state (velocities, running averages) per parameter, keyed on the
/// parameter's identity, created zero on the first step that sees it. Dense parameters are
/// updated in full. Sparse parameters (lookup tables) are updated on `touchedRows` only; each
/// optimizer's doc comment says what happens to the state of the other rows.
///
/// Checkpoints: `stateTensors(for:)` names every state tensor by the parameter's position in
/// the list and the slot ("0.velocity", "3.squareAverage", ...) plus "step" (the step counter,
/// stored exactly as two Floats: high and low 20 bits); `restoreState(_:for:)` takes the same
/// dictionary back for the same list of parameters.
public protocol Optimizer: AnyObject, CustomStringConvertible {
    /// η, read at every step, so schedules set it between steps.
    var learningRate: Float { get set }
    /// The number of `step` calls so far (Adam's t).
    var stepCount: Int { get set }
    /// One update of every parameter from its current gradient.
    func step(_ parameters: [Parameter])
    func stateTensors(for parameters: [Parameter]) -> [String: Matrix]
    func restoreState(_ state: [String: Matrix], for parameters: [Parameter]) throws
}

/// A checkpoint that does not fit the optimizer or the parameters.
public struct OptimizerStateError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }
}

/// The contiguous run of one parameter an update rule works on: all of a dense parameter, one
/// touched row of a sparse one. `state` points to the optimizer's slots at the same offset.
struct UpdateSpan {
    let value: UnsafeMutablePointer<Float>
    let gradient: UnsafePointer<Float>
    let state0: UnsafeMutablePointer<Float>
    let state1: UnsafeMutablePointer<Float>
    let count: Int
}

/// The per-parameter state of an optimizer: `slotCount` zero-initialized buffers the size of
/// the parameter.
final class SlotState {
    let count: Int
    var slots: [UnsafeMutablePointer<Float>]
    init(count: Int, slotCount: Int) {
        self.count = count
        slots = (0..<slotCount).map { _ in
            let p = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            return p
        }
    }
    deinit { for p in slots { p.deallocate() } }
}

/// The shared machinery of the optimizers in this folder: state per parameter, the dense and
/// sparse paths, the step counter and checkpoints. A subclass names its slots and implements
/// `update(_:)` on a span; `beginStep()` runs once per step before the spans.
public class SlotOptimizer: Optimizer {
    public var learningRate: Float
    public var stepCount = 0
    let slotNames: [String]
    private var states: [ObjectIdentifier: SlotState] = [:]

    init(learningRate: Float, slotNames: [String]) {
        require(slotNames.count <= 2, "SlotOptimizer: at most two state slots")
        self.learningRate = learningRate
        self.slotNames = slotNames
    }

    /// Called once per step, after `stepCount` was incremented and before any update.
    func beginStep() {}

    /// The update of one span; must not allocate.
    func update(_ span: UpdateSpan) { fatalError("SlotOptimizer.update must be overridden") }

    private func state(for p: Parameter) -> SlotState {
        let id = ObjectIdentifier(p)
        if let s = states[id], s.count == p.value.count { return s }
        let s = SlotState(count: p.value.count, slotCount: slotNames.count)
        states[id] = s
        return s
    }

    public func step(_ parameters: [Parameter]) {
        stepCount += 1
        beginStep()
        for p in parameters {
            require(p.gradient.shape == p.value.shape, "\(self): gradient of \(p.name) is \(p.gradient.shape), value \(p.value.shape)")
            let s = state(for: p)
            let c = p.value.cols
            p.value.withUnsafeMutableBufferPointer { v in
                p.gradient.withUnsafeBufferPointer { g in
                    guard let vb = v.baseAddress, let gb = g.baseAddress else { return }
                    // Without slots (SGD) the state pointers alias the value and are never used.
                    let s0 = s.slots.first ?? vb, s1 = s.slots.count > 1 ? s.slots[1] : s0
                    if p.isSparse {
                        for r in p.touchedRows {
                            let o = r * c
                            update(UpdateSpan(value: vb + o, gradient: gb + o, state0: s0 + o, state1: s1 + o, count: c))
                        }
                    } else {
                        update(UpdateSpan(value: vb, gradient: gb, state0: s0, state1: s1, count: v.count))
                    }
                }
            }
        }
    }

    public func stateTensors(for parameters: [Parameter]) -> [String: Matrix] {
        var out: [String: Matrix] = ["step": Matrix(row: [Float(stepCount >> 20), Float(stepCount & 0xFFFFF)])]
        for (i, p) in parameters.enumerated() {
            let s = state(for: p)
            for (k, name) in slotNames.enumerated() {
                let values = Array(UnsafeBufferPointer(start: s.slots[k], count: s.count))
                out["\(i).\(name)"] = Matrix(rows: p.value.rows, cols: p.value.cols, values: values)
            }
        }
        return out
    }

    public func restoreState(_ state: [String: Matrix], for parameters: [Parameter]) throws {
        guard let step = state["step"], step.count == 2 else {
            throw OptimizerStateError(message: "\(self): checkpoint has no step counter")
        }
        var restored: [(SlotState, Int, Matrix)] = []
        for (i, p) in parameters.enumerated() {
            for (k, name) in slotNames.enumerated() {
                guard let m = state["\(i).\(name)"] else {
                    throw OptimizerStateError(message: "\(self): checkpoint lacks '\(i).\(name)' for parameter \(p.name)")
                }
                guard m.shape == p.value.shape else {
                    throw OptimizerStateError(message: "\(self): '\(i).\(name)' is \(m.shape), parameter \(p.name) is \(p.value.shape)")
                }
                restored.append((self.state(for: p), k, m))
            }
        }
        let expected = 1 + parameters.count * slotNames.count
        guard state.count == expected else {
            throw OptimizerStateError(message: "\(self): checkpoint has \(state.count) tensors, expected \(expected) for \(parameters.count) parameters")
        }
        for (s, k, m) in restored {
            m.withUnsafeBufferPointer { src in s.slots[k].update(from: src.baseAddress!, count: s.count) }
        }
        stepCount = Int(step.storage[0]) << 20 + Int(step.storage[1])
    }

    public var description: String { "Optimizer" }
}

/// The optimizers by name, for configuration files and the command line.
public enum Optimizers {
    public static let names = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam"]

    /// A fresh optimizer with the paper's default hyper-parameters; `learningRate` replaces the
    /// default η when given. Throws `UnknownNameError` listing the valid names.
    public static func named(_ name: String, learningRate: Float? = nil) throws -> any Optimizer {
        let opt: any Optimizer
        switch name.lowercased() {
        case "sgd": opt = SGD(learningRate: 0.01)
        case "momentum": opt = Momentum(learningRate: 0.01)
        case "nesterov": opt = Nesterov(learningRate: 0.01)
        case "adagrad": opt = AdaGrad(learningRate: 0.01)
        case "rmsprop": opt = RMSProp(learningRate: 0.001)
        case "adadelta": opt = AdaDelta()
        case "adam": opt = Adam(learningRate: 0.001)
        default: throw UnknownNameError(kind: "optimizer", name: name, validNames: names)
        }
        if let lr = learningRate { opt.learningRate = lr }
        return opt
    }
}
