import Foundation
import Testing
import NNKit

@Suite struct LearningRateScheduleTests {
    static func close(_ a: Float, _ b: Double) -> Bool { abs(Double(a) - b) <= 1e-6 * max(1, abs(b)) }

    @Test func formulasGiveThePapersValues() {
        #expect(ConstantSchedule(learningRate: 0.1).learningRate(step: 1000, epoch: 9) == 0.1)
        let inverse = InverseTimeSchedule(initialLearningRate: 0.5)
        #expect(Self.close(inverse.learningRate(step: 0, epoch: 0), 0.5))
        #expect(Self.close(inverse.learningRate(step: 4, epoch: 0), 0.1))
        let bottou = BottouSchedule(initialLearningRate: 0.1, lambda: 1e-3)
        #expect(Self.close(bottou.learningRate(step: 0, epoch: 0), 0.1))
        #expect(Self.close(bottou.learningRate(step: 10_000, epoch: 0), 0.1 / (1 + 0.1 * 1e-3 * 10_000)))
        let stepDecay = StepDecaySchedule(initialLearningRate: 1, factor: 0.5, stepSize: 3)
        #expect((0..<7).map { stepDecay.learningRate(step: 0, epoch: $0) } == [1, 1, 1, 0.5, 0.5, 0.5, 0.25])
        let exponential = ExponentialDecaySchedule(initialLearningRate: 2, factor: 0.9)
        #expect(Self.close(exponential.learningRate(step: 0, epoch: 3), 2 * 0.729))
    }

    @Test func reduceOnPlateauCutsAfterPatienceBadEvaluationsDownToTheFloor() {
        let s = ReduceOnPlateauSchedule(initialLearningRate: 1, factor: 0.5, patience: 2, floor: 0.2)
        var rates: [Float] = []
        for e in [0.5, 0.4, 0.45, 0.41, 0.42, 0.39, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5] {
            s.observe(devError: e)
            rates.append(s.learningRate(step: 0, epoch: 0))
        }
        // Bad evaluations: 0.45, 0.41 (cut to 0.5), 0.42, then 0.39 is a new best, then six bad:
        // cut to 0.25 after two, to the floor 0.2 after four, and no further.
        #expect(rates == [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2, 0.2])
        #expect(s.reductions == 3 && s.bestError == 0.39)
    }

    @Test func plateauStateSurvivesACheckpoint() {
        let a = ReduceOnPlateauSchedule(initialLearningRate: 1, factor: 0.5, patience: 2)
        for e in [0.5, 0.6, 0.7, 0.8] { a.observe(devError: e) }
        let b = ReduceOnPlateauSchedule(initialLearningRate: 1, factor: 0.5, patience: 2)
        b.state = a.state
        for s in [a, b] { s.observe(devError: 0.9); s.observe(devError: 0.9) }
        #expect(a.state == b.state && b.learningRate(step: 0, epoch: 0) == 0.25)
        #expect(ConstantSchedule(learningRate: 1).state.isEmpty)
    }

    @Test func schedulesArePickedByName() throws {
        for name in LearningRateSchedules.names {
            #expect(try LearningRateSchedules.named(name, initialLearningRate: 0.1).learningRate(step: 0, epoch: 0) == 0.1)
        }
        #expect(try LearningRateSchedules.named("decreasing", initialLearningRate: 1) is InverseTimeSchedule)
        #expect(throws: UnknownNameError.self) { try LearningRateSchedules.named("cosine", initialLearningRate: 1) }
    }
}
