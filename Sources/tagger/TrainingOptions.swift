import Foundation
import NNKit
import SequenceTagger

/// The options shared by `tagger train` and `tagger doctor`, and how they become a model, a
/// training task and a trainer configuration.
struct TrainingOptions {
    static let help = """
      --train FILE            Training data (CoNLL columns or CoNLL-U).
      --dev FILE              Development data: early stopping, learning curves, reported figures.
      --task pos|chunk|ner    Preset features (pos: caps + suffix; chunk, ner: caps). Default: pos.
      --format conll|conllu   Input format (default: by extension).
      --tag-column N          CoNLL tag column, from 1 (default: the last).
      --tag-field upos|xpos   CoNLL-U tag field (default: upos).
      --tag-scheme iobes|iob2 Scheme chunk tags are trained in (default: iobes, as SENNA).
      --feature-column N      Use input column N (from 1) as a feature, e.g. 2 for POS in CoNLL-2000. Repeatable.
      --gazetteers DIR        Gazetteer lists (loc, per, org, misc .txt) as features.
      --no-caps               Leave out the capitalisation feature.
      --suffix                Add the suffix feature (on by default for pos).
      --suffix-length N[,N]   Letters of the suffix feature (default 2, as SENNA); several lengths,
                              e.g. 1,2,3, give one suffix table each.
      --criterion sll|wll     Sentence-level (default) or word-level log-likelihood.
      --window N              Window size (default 5).     --hidden N   Hidden units (default 300).
      --word-dim N            Word embedding size (default 50).
      --max-vocabulary N      Keep the N most frequent words (default 100000).
      --min-frequency N       Words seen fewer times become UNKNOWN, so its embedding is trained (default 2).
      --optimizer NAME        sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam (default adagrad).
      --learning-rate X       Default 0.05.
      --schedule NAME         constant (default), inverseTime, bottou, stepDecay, exponentialDecay, reduceOnPlateau.
      --batch-size N          Sentences per update (default 4).
      --epochs N              Upper bound on passes over the data (default 30).
      --time-limit SECONDS    Stop after this long.     --patience N   Early-stopping patience in epochs (default 5).
      --l1 X, --l2 X          Regularization strength.  --dropout P   Dropout on the hidden layer.
      --input-dropout P       Dropout on the window's feature vectors (the lookup tables' output).
      --word-dropout A        Replace a training word seen c times by UNKNOWN with probability A/(A+c).
      --clip-norm X           Clip the global gradient norm.
      --seed N                Random seed (default 1).  --threads N   Compute threads (default: all cores).
      --quiet                 No progress output.
    """

    var input = CorpusInput()
    var trainPath = ""
    var devPath: String?
    var configuration = TaggerConfiguration(task: "pos")
    var gazetteerDirectory: String?
    var optimizer = "adagrad"
    var learningRate: Float = 0.05
    var schedule = "constant"
    var batchSize = 4
    var epochs = 30
    var timeLimit: Double?
    var patience = 5
    var l1: Float?
    var l2: Float?
    var clipNorm: Float?
    var seed: UInt64 = 1
    var quiet = false

    static func parse(_ a: inout Arguments) throws -> TrainingOptions {
        var o = TrainingOptions()
        o.input = try CorpusInput.parse(&a)
        guard let train = try a.option("--train") else { throw UsageError(message: "--train FILE is required", usage: a.usage) }
        o.trainPath = train
        o.devPath = try a.option("--dev")
        let task = try a.choice("--task", ["pos", "chunk", "ner", "custom"]) ?? "pos"
        o.configuration = try TaggerConfiguration.preset(task)
        if let s = try a.choice("--tag-scheme", ["iobes", "iob2"]) {
            guard task != "pos" else { throw UsageError(message: "--tag-scheme applies to chunk and ner tasks", usage: a.usage) }
            o.configuration.trainingScheme = s
        }
        o.configuration.featureColumns = try a.options("--feature-column").map {
            guard let n = Int($0), n >= 1 else { throw UsageError(message: "--feature-column expects a column number from 1, got '\($0)'", usage: a.usage) }
            return n - 1
        }
        o.gazetteerDirectory = try a.option("--gazetteers")
        if a.flag("--no-caps") { o.configuration.capsDimension = nil }
        if a.flag("--suffix") { o.configuration.suffixDimension = 5 }
        if let text = try a.option("--suffix-length") {
            let lengths = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !lengths.isEmpty, lengths.allSatisfy({ ($0 ?? 0) > 0 }), Set(lengths).count == lengths.count else {
                throw UsageError(message: "--suffix-length takes positive lengths, one or several separated by commas (e.g. 3 or 1,2,3), got '\(text)'", usage: a.usage)
            }
            o.configuration.suffixLength = lengths[0]!
            o.configuration.suffixLengths = lengths.count > 1 ? lengths.map { $0! } : nil
        }
        if let c = try a.choice("--criterion", ["sll", "wll"]) { o.configuration.criterion = TaggerCriterion(rawValue: c)! }
        if let w = try a.int("--window") {
            guard w > 0 && w % 2 == 1 else { throw UsageError(message: "--window must be odd and positive, got \(w)", usage: a.usage) }
            o.configuration.windowSize = w
        }
        if let h = try a.int("--hidden") { o.configuration.hiddenUnits = try positive(h, "--hidden", a) }
        if let d = try a.int("--word-dim") { o.configuration.wordDimension = try positive(d, "--word-dim", a) }
        if let v = try a.int("--max-vocabulary") { o.configuration.maxVocabulary = try positive(v, "--max-vocabulary", a) }
        if let v = try a.int("--min-frequency") { o.configuration.minWordFrequency = try positive(v, "--min-frequency", a) }
        if let opt = try a.option("--optimizer") { o.optimizer = opt }
        if let lr = try a.double("--learning-rate") { o.learningRate = Float(lr) }
        if let s = try a.option("--schedule") { o.schedule = s }
        if let b = try a.int("--batch-size") { o.batchSize = try positive(b, "--batch-size", a) }
        if let e = try a.int("--epochs") { o.epochs = try positive(e, "--epochs", a) }
        o.timeLimit = try a.double("--time-limit")
        if let p = try a.int("--patience") { o.patience = try positive(p, "--patience", a) }
        o.l1 = try a.double("--l1").map(Float.init)
        o.l2 = try a.double("--l2").map(Float.init)
        o.clipNorm = try a.double("--clip-norm").map(Float.init)
        if let d = try a.double("--input-dropout") {
            guard d >= 0 && d < 1 else { throw UsageError(message: "--input-dropout must be in [0, 1), got \(d)", usage: a.usage) }
            o.configuration.inputDropout = Float(d)
        }
        if let d = try a.double("--word-dropout") {
            guard d >= 0 else { throw UsageError(message: "--word-dropout must be non-negative, got \(d)", usage: a.usage) }
            o.configuration.wordDropout = Float(d)
        }
        if let d = try a.double("--dropout") {
            guard d >= 0 && d < 1 else { throw UsageError(message: "--dropout must be in [0, 1), got \(d)", usage: a.usage) }
            o.configuration.dropout = Float(d)
        }
        if let s = try a.int("--seed") { o.seed = UInt64(truncatingIfNeeded: s) }
        if let t = try a.int("--threads") { setThreads(try positive(t, "--threads", a)) }
        o.quiet = a.flag("--quiet")
        return o
    }

    private static func positive(_ v: Int, _ name: String, _ a: Arguments) throws -> Int {
        guard v > 0 else { throw UsageError(message: "\(name) must be positive, got \(v)", usage: a.usage) }
        return v
    }

    /// Reads the data, builds dictionaries and the model, and prepares the corpora.
    func makeTask() throws -> TaggerTrainingTask {
        let trainSentences = try input.readAll(trainPath)
        guard !trainSentences.isEmpty else { throw CommandError("\(trainPath) holds no sentences") }
        let devSentences = try devPath.map { try input.readAll($0) } ?? []
        var c = configuration
        if c.isChunking { c.outputScheme = detectScheme(trainSentences).rawValue }
        var gazetteer: GazetteerFeature?
        if let dir = gazetteerDirectory {
            gazetteer = try GazetteerFeature.load(directory: dir)
            c.gazetteerNames = gazetteer!.names
        }
        let features = try FeatureExtractor.build(configuration: c, sentences: trainSentences, gazetteer: gazetteer)
        var tagNames: [String] = []
        var seen = Set<String>()
        for s in trainSentences {
            for t in try TaggerModel.trainingTags(s.tags, configuration: c, file: trainPath, line: s.line) where seen.insert(t).inserted {
                tagNames.append(t)
            }
        }
        var rng = RandomGenerator(seed: seed)
        let model = TaggerModel(configuration: c, features: features, tags: TagSet(tagNames.sorted()), rng: &rng)
        let train = try PreparedCorpus(sentences: trainSentences, model: model, file: trainPath)
        let dev = try devPath.map { try PreparedCorpus(sentences: devSentences, model: model, file: $0) }
        return TaggerTrainingTask(tagger: model, train: train, dev: dev)
    }

    /// The trainer configuration: optimizer, schedule, regularizers, early stopping, limits.
    func trainerConfiguration(epochs: Int? = nil) throws -> TrainerConfiguration {
        let opt: any Optimizer
        do { opt = try Optimizers.named(optimizer, learningRate: learningRate) } catch {
            throw CommandError("\(error)")
        }
        var c = TrainerConfiguration(epochs: epochs ?? self.epochs, batchSize: batchSize, optimizer: opt)
        c.seed = seed
        if schedule != "constant" {
            do { c.schedule = try LearningRateSchedules.named(schedule, initialLearningRate: learningRate) } catch {
                throw CommandError("\(error)")
            }
        }
        if let l1 { c.regularizers.append(L1Regularization(strength: l1)) }
        if let l2 { c.regularizers.append(L2Regularization(strength: l2)) }
        c.clipNorm = clipNorm
        if devPath != nil { c.patience = patience }
        if let t = timeLimit { c.stoppingCriteria.append(TimeLimit(seconds: t)) }
        c.progress = ProgressReporter(mode: quiet ? .quiet : .automatic, unit: "tokens")
        return c
    }
}

/// Sets BLAS's and the Swift kernel's thread counts.
func setThreads(_ n: Int) {
    BLAS.shared.setThreads(n)
    SwiftGemm.maxThreads = n
}
