import Foundation
import NNKit
import SequenceTagger

/// `Benchmarks tagger-speed`: the Swift side of the PyTorch comparison (`Benchmarks/compare_pytorch.py`).
/// The same model as `Benchmarks/torch_twin.py` — word embedding 50 + caps 5, window 5,
/// Linear(275 -> 300), HardTanh, Linear(300 -> tags), cross-entropy, plain SGD — on a CoNLL file.
/// Prints one JSON object per measurement.
///
///   Benchmarks tagger-speed --data FILE --threads N --mode train --batch B
///   Benchmarks tagger-speed --data FILE --threads N --mode tag-sentences | tag-file | tag-windows | memory
enum TaggerSpeedBenchmark {
    static func run(arguments: [String]) throws {
        func value(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
            return arguments[i + 1]
        }
        guard let data = value("--data"), let mode = value("--mode") else {
            print("usage: Benchmarks tagger-speed --data FILE --mode train|tag-sentences|tag-file|tag-windows|memory [--batch B] [--threads N] [--tokens N] [--vocab-size N] [--no-precompute] [--keep-model PATH]")
            exit(64)
        }
        let threads = Int(value("--threads") ?? "2") ?? 2
        let batch = Int(value("--batch") ?? "32") ?? 32
        BLAS.shared.setThreads(threads)
        SwiftGemm.maxThreads = threads

        let sentences = try ConllReader(path: data).readAll().filter { !$0.isEmpty }
        var config = try TaggerConfiguration.preset("chunk")
        config.minWordFrequency = 1
        config.criterion = mode == "train" ? .wll : .sll
        var extractor = try FeatureExtractor.build(configuration: config, sentences: sentences, gazetteer: nil)
        if let size = Int(value("--vocab-size") ?? ""), size > extractor.words.count {
            // A larger dictionary (as a model trained on more text has): padded with unseen entries.
            let padded = Array(extractor.words.entries.dropFirst(2)) + (0..<(size - extractor.words.count)).map { "<extra\($0)>" }
            extractor = FeatureExtractor(configuration: config, words: Vocabulary(words: padded), suffixes: nil, columns: [], gazetteer: nil)
        }
        var tagNames = Set<String>()
        for s in sentences { for t in try TaggerModel.trainingTags(s.tags, configuration: config, file: data, line: s.line) { tagNames.insert(t) } }
        var rng = RandomGenerator(seed: 1)
        let model = TaggerModel(configuration: config, features: extractor, tags: TagSet(tagNames.sorted()), rng: &rng)
        let ids = mode == "memory" ? [] : try sentences.map { try extractor.ids(for: $0) }
        let tokens = sentences.reduce(0) { $0 + $1.count }
        let flopsPerToken = 2 * model.network.shape.multiplyAddsPerWord

        func report(_ fields: [String: Any]) {
            var f = fields
            f["impl"] = "nnkit"; f["threads"] = threads; f["mode"] = mode; f["blas"] = BLAS.shared.libraryPath ?? "swift"
            f["forward_flops_per_token"] = flopsPerToken
            let json = try! JSONSerialization.data(withJSONObject: f, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
        let clock = { ProcessInfo.processInfo.systemUptime }

        switch mode {
        case "train":
            let (windows, _) = model.windows(for: ids)
            let allWindows = windows
            var labels: [Int] = []
            for s in sentences { labels += try TaggerModel.trainingTags(s.tags, configuration: config, file: data, line: s.line).map { try model.tags.id(of: $0) } }
            let target = Int(value("--tokens") ?? "") ?? [1: 20_000, 32: 150_000].first { $0.key == batch }?.value ?? 400_000
            let net = model.network
            let optimizer = SGD(learningRate: 0.01)
            let loss = CrossEntropyLoss()
            let params = net.parameters
            var order = rng.permutation(allWindows.rows)
            var x = Matrix(rows: 0, cols: 0), grad = Matrix(rows: 0, cols: 0)
            var rows: [Int] = [], y: [Int] = []
            var position = 0, done = 0, lastLoss = 0.0
            func step() {
                if position + batch > order.count { position = 0; rng.shuffle(&order) }
                rows.removeAll(keepingCapacity: true); y.removeAll(keepingCapacity: true)
                for r in order[position..<(position + batch)] { rows.append(r); y.append(labels[r]) }
                position += batch
                x.gatherRows(of: allWindows, indices: rows)
                for p in params { p.zeroGradient() }
                let scores = net.forward(x)
                lastLoss = loss.evaluate(scores: scores, targets: .classes(y), gradient: &grad)
                net.backward(x, gradScores: grad)
                optimizer.step(params)
            }
            for _ in 0..<3 { step() }
            let t0 = clock()
            while done < target { step(); done += batch }
            let seconds = clock() - t0
            report(["batch": batch, "tokens": done, "seconds": seconds, "tokens_per_second": Double(done) / seconds,
                    "loss": lastLoss, "flops_per_token": 3 * flopsPerToken])
        case "tag-sentences":
            // One sentence at a time, Viterbi included.
            _ = model.predictIds([ids[0]])
            let t0 = clock()
            for s in ids { _ = model.predictIds([s]) }
            let seconds = clock() - t0
            report(["tokens": tokens, "seconds": seconds, "tokens_per_second": Double(tokens) / seconds])
        case "tag-file", "memory":
            // The whole file from words to tags: features, windows batched across sentences, Viterbi;
            // the model as `tagger tag` loads it (no gradient buffers). `memory` streams the file in
            // batches of about 4096 words as `tagger tag` does, so the process holds one batch.
            for p in model.parameters { p.releaseGradient() }
            // As `tagger tag` does: the first layer's products of frequent ids stored once
            // (`--no-precompute`: every window through the plain first-layer product).
            let precompute = !CommandLine.arguments.contains("--no-precompute")
            if precompute { model.prepareForTagging() }
            model.taggingThreads = threads
            _ = try model.tag(Array(sentences.prefix(50)))
            var tagged = 0
            if mode == "memory" {
                // The real command line on the file, in a child process: its peak is what a user sees.
                // `--keep-model PATH` keeps the model file, e.g. to profile `tagger tag` on it by hand.
                let kept = value("--keep-model")
                let modelURL = kept.map { URL(fileURLWithPath: $0) }
                    ?? FileManager.default.temporaryDirectory.appendingPathComponent("speed-\(getpid()).safetensors")
                try model.save(to: modelURL)
                defer { if kept == nil { try? FileManager.default.removeItem(at: modelURL) } }
                // Measured by a small helper process (`Benchmarks peak-rss`): spawned from this large
                // process directly, the child's peak would include this process's memory.
                let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
                let tagger = directory.appendingPathComponent("tagger")
                let helper = Process()
                helper.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
                helper.arguments = ["peak-rss", "--", tagger.path, "tag", "--model", modelURL.path, "--format", "conll",
                                    "--threads", "\(threads)", data]
                let pipe = Pipe()
                helper.standardOutput = pipe
                let t1 = clock()
                try helper.run()
                let output = pipe.fileHandleForReading.readDataToEndOfFile()
                helper.waitUntilExit()
                guard let measured = try JSONSerialization.jsonObject(with: output) as? [String: Any],
                      let peakMB = measured["peak_rss_mb"] as? Double, let status = measured["exit_status"] as? Int else {
                    throw BenchmarkError("peak-rss printed \(String(decoding: output, as: UTF8.self))")
                }
                report(["tokens": tokens, "seconds": clock() - t1, "tokens_per_second": Double(tokens) / (clock() - t1),
                        "vocabulary": extractor.words.count, "peak_rss_mb": peakMB, "process": "tagger tag (streaming)",
                        "exit_status": status])
                return
            }
            // `--repeat N`: the median of N passes over the file in this process.
            var times: [Double] = []
            for _ in 0..<max(1, Int(value("--repeat") ?? "1") ?? 1) {
                let start = clock()
                tagged = try model.tag(sentences).count
                times.append(clock() - start)
            }
            let seconds = times.sorted()[times.count / 2]
            let peakMB = PeakMemory.peakMB(children: false)
            report(["tokens": tokens, "sentences": tagged, "seconds": seconds, "tokens_per_second": Double(tokens) / seconds,
                    "precomputed_first_layer": precompute,
                    "vocabulary": extractor.words.count, "peak_rss_mb": peakMB])
        case "tag-windows":
            // Forward pass only on batches of 4096 windows (no decoding), like the twin's best case.
            let (windows, _) = model.windows(for: ids)
            let all = windows
            let b = 4096
            var x = Matrix(rows: 0, cols: 0)
            model.network.isTraining = false
            var chunks: [Matrix] = []
            var start = 0
            while start < all.rows {
                let n = min(b, all.rows - start)
                x.gatherRows(of: all, indices: Array(start..<(start + n)))
                chunks.append(x)
                start += n
            }
            model.network.forward(chunks[0])
            let t0 = clock()
            for c in chunks { model.network.forward(c) }
            let seconds = clock() - t0
            report(["batch": b, "tokens": all.rows, "seconds": seconds, "tokens_per_second": Double(all.rows) / seconds])
        default:
            print("unknown mode \(mode)")
            exit(64)
        }
    }
}
