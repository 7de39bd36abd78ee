import NNKit

/// Sentences prepared for a tagger: feature ids (token-major) and tag ids in the training scheme,
/// plus the tags as written in the file (for scoring in the data's own scheme).
public struct PreparedCorpus {
    public var ids: [[Int32]] = []
    public var tagIds: [[Int]] = []
    public var fileTags: [[String]] = []
    public var tokenCount = 0

    public init() {}

    /// Prepares `sentences` for `model`; tags are converted to the training scheme first.
    /// A tag unseen in training is an error naming the file and line.
    public init(sentences: [Sentence], model: TaggerModel, file: String) throws {
        let c = model.configuration
        for s in sentences where !s.isEmpty {
            ids.append(try model.features.ids(for: s))
            let tags = s.tags
            let internalTags = try TaggerModel.trainingTags(tags, configuration: c, file: file, line: s.line)
            tagIds.append(try internalTags.enumerated().map { i, t in try model.tags.id(of: t, file: file, line: s.line + i) })
            fileTags.append(tags)
            tokenCount += s.count
        }
    }

    public var count: Int { ids.count }
}

extension TaggerModel {
    /// Tags of the data converted to the training scheme (IOBES for chunking, as SENNA).
    public static func trainingTags(_ tags: [String], configuration c: TaggerConfiguration, file: String, line: Int) throws -> [String] {
        guard c.isChunking, let from = TagScheme(rawValue: c.outputScheme), let to = TagScheme(rawValue: c.trainingScheme), from != to else {
            return tags
        }
        do {
            return try TagScheme.convert(tags, from: from, to: to)
        } catch {
            throw TaggerError.data("\(file):\(line): cannot read the tags as \(from.rawValue.uppercased()): \(error)")
        }
    }
}

/// Training a tagger with `Trainer`: one example is one sentence; a batch of sentences goes
/// through the window network as one matrix of windows, then through the sentence-level
/// (or word-level) log-likelihood. Both criteria report the mean over sentences of the
/// sentence's summed loss, so one learning rate suits both. The dev metric is conlleval's F1 for
/// chunking and NER, token accuracy otherwise.
public final class TaggerTrainingTask: TrainingTask {
    public let tagger: TaggerModel
    public let train: PreparedCorpus
    public let dev: PreparedCorpus?
    private var gradient = Matrix(rows: 0, cols: 0)
    private let crossEntropy = CrossEntropyLoss()
    private var batch: [[Int32]] = []
    private var batchTags: [Int] = []

    public init(tagger: TaggerModel, train: PreparedCorpus, dev: PreparedCorpus?) {
        self.tagger = tagger
        // Training changes the weights: stored tagging products would go stale.
        tagger.discardTaggingProducts()
        self.train = train
        self.dev = dev
    }

    public var trainingSize: Int { train.count }
    public var parameters: [Parameter] { tagger.parameters }
    public var model: Layer { tagger.network.network }
    public var metricName: String { tagger.configuration.isChunking ? "f1" : "accuracy" }

    public func trainBatch(_ indices: ArraySlice<Int>) -> (loss: Double, items: Int) {
        batch.removeAll(keepingCapacity: true)
        batchTags.removeAll(keepingCapacity: true)
        for i in indices {
            batch.append(train.ids[i])
            batchTags.append(contentsOf: train.tagIds[i])
        }
        let (windows, ranges) = tagger.windows(for: batch)
        let scores = tagger.network.forward(windows)
        let loss = criterion(scores: scores, ranges: ranges, tags: batchTags, gradient: &gradient)
        tagger.network.backward(windows, gradScores: gradient)
        return (loss, windows.rows)
    }

    /// The loss (mean over sentences of summed word losses) and ∂L/∂scores.
    public func criterion(scores: Matrix, ranges: [Range<Int>], tags: [Int], gradient: inout Matrix) -> Double {
        if let sll = tagger.sll {
            return sll.evaluate(scores: scores, sentences: ranges, tags: tags, gradient: &gradient)
        }
        // Cross-entropy averages over words; rescale to a mean over sentences.
        let perWord = crossEntropy.evaluate(scores: scores, targets: .classes(tags), gradient: &gradient)
        let scale = Float(scores.rows) / Float(max(ranges.count, 1))
        gradient.scale(by: scale)
        return perWord * Double(scale)
    }

    public func evaluateDev() -> TaskEvaluation? {
        guard let dev, dev.count > 0 else { return nil }
        return evaluate(dev)
    }

    /// Loss and metric on a prepared corpus (evaluation mode, batches of about 4096 words).
    public func evaluate(_ corpus: PreparedCorpus) -> TaskEvaluation {
        let network = tagger.network
        let wasTraining = network.isTraining
        network.isTraining = false
        defer { network.isTraining = wasTraining }
        var lossSum = 0.0
        var correct = 0, total = 0
        // The default delimiter always compiles; fall back to plain options if it ever did not.
        var scorer = (try? ConllEval(options: scoringOptions)) ?? (try? ConllEval())
        var scratch = Matrix(rows: 0, cols: 0)
        let savedGradients = tagger.sll?.parameters.map(\.gradient)
        for batch in TaggerModel.batches(lengths: corpus.tagIds.map(\.count), maxWords: 4096) {
            let (start, end) = (batch.lowerBound, batch.upperBound)
            let (windows, ranges) = tagger.windows(for: Array(corpus.ids[start..<end]))
            let scores = network.forward(windows)
            let tags = corpus.tagIds[start..<end].flatMap { $0 }
            lossSum += criterion(scores: scores, ranges: ranges, tags: tags, gradient: &scratch) * Double(end - start)
            for (k, predicted) in tagger.decode(scores: scores, ranges: ranges).enumerated() {
                let gold = corpus.tagIds[start + k]
                for (p, g) in zip(predicted, gold) where p == g { correct += 1 }
                total += gold.count
                if tagger.configuration.isChunking,
                   let guessed = try? tagger.outputTags(ids: predicted, count: gold.count) {
                    try? scorer?.add(gold: corpus.fileTags[start + k], guessed: guessed)
                }
            }
        }
        if let saved = savedGradients, let sll = tagger.sll {
            for (p, g) in zip(sll.parameters, saved) { p.gradient = g }
        }
        scorer?.finish()
        let metric = tagger.configuration.isChunking ? (scorer?.overall.f1 ?? 0) : 100 * Double(correct) / Double(max(total, 1))
        return TaskEvaluation(loss: lossSum / Double(corpus.count), metric: metric)
    }

    /// conlleval's options for the data's scheme (IOBES and BILOU rewritten to IOB2).
    var scoringOptions: ConllEval.Options {
        var o = ConllEval.Options()
        if let s = TagScheme(rawValue: tagger.configuration.outputScheme) { o.prefixMap = ConllEval.Options.prefixMap(for: s) }
        return o
    }
}
