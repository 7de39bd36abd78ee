import Foundation

/// The trainer's counters, saved in a checkpoint's metadata.
struct TrainerState: Codable, Equatable {
    var epoch = 0
    var batchInEpoch = 0
    var step = 0
    var tokensSeen = 0
    var lossSum = 0.0
    var lossCount = 0
    var itemsSinceEvaluation = 0
    var lastEvaluationTime = 0.0
    var elapsedBefore = 0.0
    var epochStartRNG: [UInt64] = [0, 0, 0, 1]
}

/// What a checkpoint holds besides tensors, as JSON in the safetensors metadata. Random states
/// are strings: 64-bit words do not survive JSON numbers.
struct CheckpointMetadata: Codable {
    var format = "nlpfromscratch-checkpoint-1"
    var state: TrainerState
    var rng: [String]
    var epochStartRNG: [String]
    var dropoutRNGs: [[String]]
    var optimizer: String
    var optimizerSteps: Int
    var learningRate: Float
    var schedule: [String: Double]
    var history: TrainingHistory
    var best: TaskEvaluation?
    var earlyStopping: EarlyStoppingState?
    var parameterShapes: [String]

    struct EarlyStoppingState: Codable {
        var bestError: Double
        var bestIteration: Int?
        var evaluationsWithoutImprovement: Int
        var hasBest: Bool
    }
}


extension Trainer {
    /// Writes parameters, optimizer state, schedule state, counters, random states, history
    /// and early-stopping state to a safetensors file, atomically.
    public func saveCheckpoint(to url: URL) throws {
        var tensors: [String: Matrix] = [:]
        for (i, p) in parameters.enumerated() { tensors["parameter.\(i)"] = p.value }
        for (k, v) in configuration.optimizer.stateTensors(for: parameters) { tensors["optimizer.\(k)"] = v }
        var early: CheckpointMetadata.EarlyStoppingState?
        if let e = earlyStopping {
            early = .init(bestError: e.bestError, bestIteration: e.bestIteration,
                          evaluationsWithoutImprovement: e.evaluationsWithoutImprovement, hasBest: e.best != nil)
            if let b = e.best { for (i, v) in b.values.enumerated() { tensors["best.\(i)"] = v } }
        }
        var saved = state
        saved.elapsedBefore = elapsed
        let meta = CheckpointMetadata(
            state: saved, rng: rng.stateWords.map(String.init), epochStartRNG: state.epochStartRNG.map(String.init),
            dropoutRNGs: dropoutLayers.map { $0.rng.stateWords.map(String.init) },
            optimizer: configuration.optimizer.description, optimizerSteps: configuration.optimizer.stepCount,
            learningRate: configuration.optimizer.learningRate, schedule: configuration.schedule?.state ?? [:],
            history: history, best: best, earlyStopping: early,
            parameterShapes: parameters.map { "\($0.name) \($0.value.shape)" })
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let json = String(decoding: try encoder.encode(meta), as: UTF8.self)
        try SafeTensors(tensors: tensors, metadata: ["trainer": json]).write(to: url)
    }

    /// Restores everything `saveCheckpoint` wrote; `run()` then continues where it stopped.
    /// The task and configuration must be built as for the run that wrote the checkpoint.
    public func restoreCheckpoint(from url: URL) throws {
        let file = try SafeTensors(contentsOf: url)
        func fail(_ m: String) -> SafeTensorsError { SafeTensorsError(path: url.path, m) }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let json = file.metadata["trainer"],
              let meta = try? decoder.decode(CheckpointMetadata.self, from: Data(json.utf8)) else {
            throw fail("not a training checkpoint (no trainer metadata); pass a file written with --checkpoint")
        }
        let shapes = parameters.map { "\($0.name) \($0.value.shape)" }
        guard meta.parameterShapes == shapes else {
            throw fail("the checkpoint's parameters (\(meta.parameterShapes.joined(separator: ", "))) do not match this model's (\(shapes.joined(separator: ", "))); resume with the same model options")
        }
        for (i, p) in parameters.enumerated() { p.value.assign(try file.tensor("parameter.\(i)", path: url.path)) }
        var optimizerState: [String: Matrix] = [:]
        for (k, v) in file.tensors where k.hasPrefix("optimizer.") { optimizerState[String(k.dropFirst(10))] = v }
        try configuration.optimizer.restoreState(optimizerState, for: parameters)
        configuration.optimizer.stepCount = meta.optimizerSteps
        configuration.optimizer.learningRate = meta.learningRate
        configuration.schedule?.state = meta.schedule
        func words(_ s: [String]) throws -> [UInt64] {
            let w = s.compactMap(UInt64.init)
            guard w.count == 4 else { throw fail("a random state is malformed") }
            return w
        }
        rng = RandomGenerator(state: try words(meta.rng))
        state = meta.state
        state.epochStartRNG = try words(meta.epochStartRNG)
        let dropouts = dropoutLayers
        guard dropouts.count == meta.dropoutRNGs.count else { throw fail("the model has \(dropouts.count) dropout layers, the checkpoint \(meta.dropoutRNGs.count)") }
        for (d, s) in zip(dropouts, meta.dropoutRNGs) {
            var layer = d
            layer.rng = RandomGenerator(state: try words(s))
        }
        history = meta.history
        best = meta.best
        if let e = earlyStopping, let saved = meta.earlyStopping {
            var snapshot: ParameterSnapshot?
            if saved.hasBest {
                var s = ParameterSnapshot(parameters)
                s.replaceValues(try parameters.indices.map { try file.tensor("best.\($0)", path: url.path) })
                snapshot = s
            }
            e.restore(bestError: saved.bestError, bestIteration: saved.bestIteration,
                      evaluationsWithoutImprovement: saved.evaluationsWithoutImprovement, best: snapshot)
        }
        lastGood.capture(parameters)
    }

    /// The layers with a random generator (dropout, word dropout), depth first.
    var dropoutLayers: [any RandomLayer] {
        func collect(_ l: Layer) -> [any RandomLayer] {
            if let d = l as? any RandomLayer { return [d] }
            if let s = l as? Sequential { return s.layers.flatMap(collect) }
            return []
        }
        return collect(task.model)
    }
}
