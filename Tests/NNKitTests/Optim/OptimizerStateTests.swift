import Foundation
import Testing
import NNKit
import NNTestSupport

/// Sparse paths, checkpoints and the factory.
@Suite struct OptimizerStateTests {
    static func all() -> [any Optimizer] {
        Optimizers.names.map { try! Optimizers.named($0, learningRate: 0.05) }
    }

    @Test(arguments: Optimizers.names)
    func sparseStepUpdatesTouchedRowsLikeADenseStepAndLeavesTheRestAlone(name: String) throws {
        let table = TestSupport.randomMatrix(6, 4, seed: 3)
        let sparse = Parameter(name: "table", value: table, isSparse: true)
        let dense = Parameter(name: "rows", value: Matrix(rows: 2, cols: 4, values: table.row(1) + table.row(4)))
        let sparseOpt = try Optimizers.named(name, learningRate: 0.05), denseOpt = try Optimizers.named(name, learningRate: 0.05)
        for step in 0..<5 {
            sparse.zeroGradient()
            let g = TestSupport.randomMatrix(2, 4, seed: 100 + UInt64(step))
            for (k, r) in [4, 1].enumerated() {
                sparse.markTouched(r)
                for c in 0..<4 { sparse.gradient[r, c] = g[1 - k, c] }
            }
            dense.gradient = g
            sparseOpt.step([sparse])
            denseOpt.step([dense])
        }
        #expect(sparse.value.row(1) == dense.value.row(0) && sparse.value.row(4) == dense.value.row(1))
        #expect(sparse.value.row(1) != table.row(1))
        for r in [0, 2, 3, 5] { #expect(sparse.value.row(r) == table.row(r)) }
        // The state of untouched rows stays zero (lazy): it was never decayed nor created.
        for (key, m) in sparseOpt.stateTensors(for: [sparse]) where key != "step" {
            for r in [0, 2, 3, 5] { #expect(m.row(r).allSatisfy { $0 == 0 }, "\(name) \(key)") }
        }
    }

    @Test(arguments: Optimizers.names)
    func restoringACheckpointContinuesTheSameTrajectory(name: String) throws {
        func network() -> Sequential {
            var rng = RandomGenerator(seed: 5)
            return Sequential(Linear(3, 4, rng: &rng), Tanh(), Linear(4, 2, rng: &rng))
        }
        let x = TestSupport.randomMatrix(5, 3, seed: 1), y = TestSupport.randomMatrix(5, 2, seed: 2)
        func train(_ net: Sequential, _ opt: any Optimizer, steps: Int) {
            var g = Matrix(rows: 0, cols: 0)
            for _ in 0..<steps {
                net.zeroGradients()
                _ = MeanSquaredErrorLoss().evaluate(scores: net.forward(x), targets: .values(y), gradient: &g)
                net.backward(input: x, gradOutput: g)
                opt.step(net.parameters)
            }
        }
        let reference = network(), refOpt = try Optimizers.named(name)
        train(reference, refOpt, steps: 4)
        let saved = refOpt.stateTensors(for: reference.parameters)
        let savedValues = ParameterSnapshot(reference.parameters)
        train(reference, refOpt, steps: 4)

        let resumed = network(), resumedOpt = try Optimizers.named(name)
        savedValues.restore(into: resumed.parameters)
        try resumedOpt.restoreState(saved, for: resumed.parameters)
        #expect(resumedOpt.stepCount == 4)
        train(resumed, resumedOpt, steps: 4)
        for (a, b) in zip(reference.parameters, resumed.parameters) { #expect(a.value == b.value, "\(name) \(a.name)") }
        #expect(resumedOpt.stepCount == 8)
    }

    @Test func checkpointsThatDoNotFitAreRefusedWithAReason() throws {
        let p = Parameter(name: "w", value: Matrix(rows: 2, cols: 2))
        let adam = Adam()
        adam.step([p])
        var state = adam.stateTensors(for: [p])
        #expect(Set(state.keys) == ["step", "0.firstMoment", "0.secondMoment"])
        state["0.secondMoment"] = Matrix(rows: 3, cols: 1)
        #expect(throws: OptimizerStateError.self) { try Adam().restoreState(state, for: [p]) }
        state["0.secondMoment"] = nil
        do { try Adam().restoreState(state, for: [p]); Issue.record("no error") } catch {
            #expect("\(error)".contains("lacks '0.secondMoment'"))
        }
        // Step counters beyond Float's 2^24 survive.
        let big = SGD()
        big.stepCount = 123_456_789
        let restored = SGD()
        try restored.restoreState(big.stateTensors(for: [p]), for: [p])
        #expect(restored.stepCount == 123_456_789)
    }

    @Test func optimizersArePickedByName() throws {
        #expect(try Optimizers.named("adam") is Adam)
        #expect(try Optimizers.named("Nesterov", learningRate: 0.3).learningRate == 0.3)
        #expect(try Optimizers.named("adadelta").learningRate == 1)
        do { _ = try Optimizers.named("lbfgs"); Issue.record("no error") } catch {
            #expect("\(error)" == "unknown optimizer 'lbfgs'; valid names: sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam")
        }
    }
}
