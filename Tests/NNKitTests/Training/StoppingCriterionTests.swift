import Foundation
import Testing
import NNKit

@Suite struct StoppingCriterionTests {
    @Test func earlyStoppingStopsAfterPatienceAndRestoresTheBestParameters() {
        let w = Parameter(name: "w", value: Matrix(row: [0]))
        let stop = EarlyStopping(patience: 2, parameters: [w])
        var reasons: [String?] = []
        for (t, error) in [0.5, 0.3, 0.35, 0.31].enumerated() {
            w.value[0, 0] = Float(t)
            reasons.append(stop.shouldStop(TrainingStatus(iteration: t, devError: error)))
            // Statuses between evaluations do not count.
            #expect(stop.shouldStop(TrainingStatus(iteration: t)) == nil)
        }
        #expect(reasons[0...2].allSatisfy { $0 == nil })
        #expect(reasons[3] == "dev error has not improved for 2 evaluations (best 0.3 at iteration 1)")
        #expect(stop.restoreBest())
        #expect(w.value[0, 0] == 1)
        #expect(!EarlyStopping(patience: 1, parameters: [w]).restoreBest())
    }

    @Test func limitsOnIterationsTimeDataLearningRateAndUpdateSize() {
        #expect(MaxIterations(10).shouldStop(TrainingStatus(iteration: 9)) == nil)
        #expect(MaxIterations(10).shouldStop(TrainingStatus(iteration: 10)) == "reached 10 iterations")
        #expect(TimeLimit(seconds: 60).shouldStop(TrainingStatus(elapsedSeconds: 59.9)) == nil)
        #expect(TimeLimit(seconds: 60).shouldStop(TrainingStatus(elapsedSeconds: 60)) != nil)
        #expect(DataLimit(maxTokens: 1000).shouldStop(TrainingStatus(tokensSeen: 999)) == nil)
        #expect(DataLimit(maxTokens: 1000).shouldStop(TrainingStatus(tokensSeen: 1000)) == "saw 1000 tokens, the limit is 1000")
        #expect(LearningRateFloor(epsilon: 1e-4).shouldStop(TrainingStatus(learningRate: 2e-4)) == nil)
        #expect(LearningRateFloor(epsilon: 1e-4).shouldStop(TrainingStatus(learningRate: 1e-4)) != nil)
        #expect(UpdateNormThreshold(epsilon: 1e-3).shouldStop(TrainingStatus()) == nil)
        #expect(UpdateNormThreshold(epsilon: 1e-3).shouldStop(TrainingStatus(updateNorm: 2e-3)) == nil)
        #expect(UpdateNormThreshold(epsilon: 1e-3).shouldStop(TrainingStatus(updateNorm: 5e-4)) != nil)
        let any = AnyOfCriteria([MaxIterations(100), DataLimit(maxTokens: 50)])
        #expect(any.shouldStop(TrainingStatus(iteration: 3, tokensSeen: 60)) == "saw 60 tokens, the limit is 50")
    }

    @Test func updateNormIsTheDistanceBetweenSnapshots() {
        let a = Parameter(name: "a", value: Matrix(row: [1, 2])), b = Parameter(name: "b", value: Matrix(row: [0]))
        var before = ParameterSnapshot([a, b])
        a.value = Matrix(row: [4, 2]); b.value = Matrix(row: [4])
        #expect(before.distance(to: [a, b]) == 5)
        before.capture([a, b])
        #expect(before.distance(to: [a, b]) == 0)
        a.value = Matrix(row: [0, 0])
        before.restore(into: [a, b])
        #expect(a.value == Matrix(row: [4, 2]))
    }

    @Test func sgdOnAQuadraticStopsWhenTheUpdateGetsSmall() {
        // f(θ) = θ²/2, SGD with η = 0.5 halves θ each step: ‖Δθ‖ = |θ_t|/2 = 2^-(t+1) from θ_0 = 1.
        let p = Parameter(name: "theta", value: Matrix(row: [1]))
        let sgd = SGD(learningRate: 0.5)
        let stop = UpdateNormThreshold(epsilon: 1e-3)
        var snapshot = ParameterSnapshot([p])
        var iterations = 0
        while true {
            snapshot.capture([p])
            p.gradient = p.value
            sgd.step([p])
            iterations += 1
            if stop.shouldStop(TrainingStatus(iteration: iterations, updateNorm: snapshot.distance(to: [p]))) != nil { break }
        }
        #expect(iterations == 10)
    }
}
