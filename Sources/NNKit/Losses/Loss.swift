import Foundation

/// What a loss compares the scores with: one class index per batch row (classification,
/// ranking of classes) or a target matrix of the scores' shape (regression, binary labels).
public enum LossTargets {
    case classes([Int])
    case values(Matrix)
}

/// A training criterion on a batch of scores (one example per row).
///
/// `evaluate` returns the MEAN loss over the batch rows and writes dLoss/dScores, already
/// divided by the batch size, into `gradient` (resized to the scores' shape; no allocation
/// when the shape is unchanged). Losses are computed in Double per row and summed in Double.
public protocol Loss: AnyObject, CustomStringConvertible {
    func evaluate(scores: Matrix, targets: LossTargets, gradient: inout Matrix) -> Double
}

extension Loss {
    /// The mean loss only (the gradient is computed into a scratch matrix and dropped).
    public func value(scores: Matrix, targets: LossTargets) -> Double {
        var scratch = Matrix(rows: 0, cols: 0)
        return evaluate(scores: scores, targets: targets, gradient: &scratch)
    }
}

/// A name that none of a factory's choices answers to (losses, optimizers, initializers,
/// schedules); its description lists the valid names.
public struct UnknownNameError: Error, CustomStringConvertible, Equatable {
    /// What was being looked up ("loss", "optimizer", ...).
    public let kind: String
    public let name: String
    public let validNames: [String]
    public init(kind: String, name: String, validNames: [String]) {
        self.kind = kind; self.name = name; self.validNames = validNames
    }
    public var description: String {
        "unknown \(kind) '\(name)'; valid names: \(validNames.joined(separator: ", "))"
    }
}

/// The losses by name, for configuration files and the command line.
public enum Losses {
    /// The names `named(_:)` accepts.
    public static let names = ["hinge", "softHinge", "crossEntropy", "meanSquaredError", "binaryCrossEntropy"]

    /// A fresh loss for `name` (one of `names`; "log" is accepted for the soft hinge, as the
    /// course calls it the log loss). Throws `UnknownNameError` listing the valid names.
    public static func named(_ name: String) throws -> any Loss {
        switch name {
        case "hinge": return HingeLoss()
        case "softHinge", "log": return SoftHingeLoss()
        case "crossEntropy": return CrossEntropyLoss()
        case "meanSquaredError", "mse": return MeanSquaredErrorLoss()
        case "binaryCrossEntropy": return BinaryCrossEntropyLoss()
        default: throw UnknownNameError(kind: "loss", name: name, validNames: names)
        }
    }

    /// The ranking losses by name: "marginRanking" or "logRanking".
    public static func rankingNamed(_ name: String) throws -> any RankingLoss {
        switch name {
        case "marginRanking": return MarginRankingLoss()
        case "logRanking": return LogRankingLoss()
        default: throw UnknownNameError(kind: "ranking loss", name: name, validNames: ["marginRanking", "logRanking"])
        }
    }
}

extension LossTargets {
    /// The class indices, checked against a batch of `rows` x `classes` scores.
    func classIndices(rows: Int, classes: Int, loss: String) -> [Int] {
        guard case .classes(let c) = self else {
            preconditionFailure("\(loss): needs class targets (.classes), got a target matrix")
        }
        require(c.count == rows, "\(loss): \(c.count) targets for \(rows) rows of scores")
        for (r, j) in c.enumerated() {
            require(j >= 0 && j < classes, "\(loss): target \(j) (row \(r)) outside \(classes) classes")
        }
        return c
    }

    /// The target matrix, checked to have the scores' shape.
    func valueMatrix(shape: Shape, loss: String) -> Matrix {
        guard case .values(let m) = self else {
            preconditionFailure("\(loss): needs a target matrix (.values), got class indices")
        }
        require(m.shape == shape, "\(loss): targets are \(m.shape), scores are \(shape)")
        return m
    }
}

/// log(1 + exp(x)) without overflow, in Double.
@inline(__always) func softplus(_ x: Double) -> Double {
    x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
}

/// The logistic function in Double, stable on both sides.
@inline(__always) func logistic(_ x: Double) -> Double {
    x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
}
