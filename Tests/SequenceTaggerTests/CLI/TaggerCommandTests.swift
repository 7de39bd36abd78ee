import Foundation
import Testing
import NNKit
import NNTestSupport
import SequenceTagger

/// End to end: the real `tagger` binary trains on a generated corpus, tags, evaluates, and
/// refuses bad input with clear errors.
@Suite(.serialized) struct TaggerCommandTests {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tagger-e2e-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes the toy-grammar corpus (POS in column 2, chunks derived from it in column 3, IOB2).
    static func writeCorpus(_ name: String, count: Int, seed: UInt64) throws -> String {
        let url = folder.appendingPathComponent(name)
        var text = ""
        for s in SyntheticCorpus.sentences(count: count, seed: seed) {
            var previous = "O"
            for t in s.tokens {
                let pos = t.tag!
                let chunk: String
                switch pos {
                case "DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON":
                    chunk = (previous == "NP" && !(pos == "DET" || pos == "PRON" || pos == "PROPN")) ? "I-NP" : "B-NP"
                    previous = "NP"
                case "VERB", "ADV": chunk = previous == "VP" ? "I-VP" : "B-VP"; previous = "VP"
                case "ADP": chunk = "B-PP"; previous = "PP"
                default: chunk = "O"; previous = "O"
                }
                text += "\(t.word) \(pos) \(chunk)\n"
            }
            text += "\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func trainModel(task: String, tagColumn: String) throws -> (model: String, dev: String) {
        let train = try writeCorpus("train-\(task).conll", count: 400, seed: 1)
        let dev = try writeCorpus("dev-\(task).conll", count: 100, seed: 2)
        let model = folder.appendingPathComponent("\(task).safetensors").path
        let r = try TaggerBinary.run(["train", "--train", train, "--dev", dev, "--task", task, "--tag-column", tagColumn,
                                      "--model", model, "--epochs", "4", "--hidden", "40", "--word-dim", "16", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        return (model, dev)
    }

    @Test func trainTagAndEvaluateAPartOfSpeechModel() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let (model, dev) = try Self.trainModel(task: "pos", tagColumn: "2")
        for suffix in [".history.csv", ".curves.svg"] { #expect(FileManager.default.fileExists(atPath: model + suffix)) }
        #expect(!FileManager.default.fileExists(atPath: model + ".checkpoint"))

        let evaluation = try TaggerBinary.run(["eval", "--model", model, "--tag-column", "2", dev])
        #expect(evaluation.status == 0, "\(evaluation.stderr)")
        let accuracy = Double(evaluation.stdout.split(separator: "accuracy:")[1].split(separator: "%")[0].trimmingCharacters(in: .whitespaces)) ?? 0
        #expect(accuracy > 90, "\(evaluation.stdout)")

        // CoNLL in, the same lines with one more column out.
        let tagged = try TaggerBinary.run(["tag", "--model", model, dev])
        #expect(tagged.status == 0, "\(tagged.stderr)")
        let inLines = try String(contentsOfFile: dev, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let outLines = tagged.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(inLines.count == outLines.count)
        for (a, b) in zip(inLines, outLines) where !a.isEmpty { #expect(b.hasPrefix(a + " ")) }

        // Plain text on standard input, and JSON for programs.
        let text = try TaggerBinary.run(["tag", "--model", model], stdin: "The dog sleeps .\nShe reads a book .\n")
        #expect(text.stdout == "The/DET dog/NOUN sleeps/VERB ./PUNCT\nShe/PRON reads/VERB a/DET book/NOUN ./PUNCT\n", "\(text.stdout)\(text.stderr)")
        let json = try TaggerBinary.run(["tag", "--model", model, "--output-format", "json"], stdin: "The dog sleeps .\n")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: [String]]
        #expect(object?["words"] == ["The", "dog", "sleeps", "."] && object?["tags"]?.count == 4)
    }

    @Test func chunkModelTrainsInIOBESAndWritesTheDataScheme() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let (model, dev) = try Self.trainModel(task: "chunk", tagColumn: "3")
        let tagged = try TaggerBinary.run(["tag", "--model", model, dev])
        let tags = Set(tagged.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").last.map(String.init) })
        #expect(!tags.isEmpty && tags.allSatisfy { $0 == "O" || $0.hasPrefix("B-") || $0.hasPrefix("I-") }, "\(tags)")
        let evaluation = try TaggerBinary.run(["eval", "--model", model, "--tag-column", "3", dev])
        #expect(evaluation.stdout.hasPrefix("processed "), "\(evaluation.stdout)\(evaluation.stderr)")
        #expect(evaluation.stdout.contains("FB1:"))
        let loaded = try TaggerModel.load(from: URL(fileURLWithPath: model))
        #expect(loaded.tags.tags.contains { $0.hasPrefix("S-") }, "trained as IOBES")
    }

    @Test func theBundledEnglishModelTagsOutOfTheBox() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let r = try TaggerBinary.run(["tag"], stdin: "The cat sat on the mat .\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "The/DET cat/NOUN sat/VERB on/ADP the/DET mat/NOUN ./PUNCT\n", "\(r.stdout)")
    }

    @Test func modelFilesRoundTripBitForBit() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let (model, _) = try Self.trainModel(task: "pos", tagColumn: "2")
        let loaded = try TaggerModel.load(from: URL(fileURLWithPath: model))
        // Loaded to tag: the weights and no gradient memory.
        #expect(loaded.parameters.allSatisfy { $0.gradient.count == 0 })
        let copy = Self.folder.appendingPathComponent("copy.safetensors")
        try loaded.save(to: copy)
        #expect(try Data(contentsOf: copy) == (try Data(contentsOf: URL(fileURLWithPath: model))))
    }

    @Test func badInputGivesClearErrors() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let usage = try TaggerBinary.run(["train", "--dev", "x"])
        #expect(usage.status == 64 && usage.stderr.hasPrefix("Error: --train FILE is required") && usage.stderr.contains("USAGE:"))
        let unknown = try TaggerBinary.run(["train", "--train", "x", "--model", "m", "--bogus"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown option '--bogus'"))
        for lengths in ["1,0", "1,,2", "2,2", "x"] {
            let suffix = try TaggerBinary.run(["train", "--train", "x", "--model", "m", "--suffix-length", lengths])
            #expect(suffix.status == 64 && suffix.stderr.contains("--suffix-length takes positive lengths"), "\(lengths): \(suffix.stderr)")
        }
        let garbage = Self.folder.appendingPathComponent("garbage.safetensors")
        try Data("this is not a model".utf8).write(to: garbage)
        let bad = try TaggerBinary.run(["tag", "--model", garbage.path], stdin: "a b\n")
        #expect(bad.status == 1 && bad.stderr.contains("not a valid safetensors file"), "\(bad.stderr)")
        let missing = try TaggerBinary.run(["tag", "--model", "/nonexistent/m.safetensors"], stdin: "a\n")
        #expect(missing.status == 1 && missing.stderr.contains("no model at"))
        let noData = try TaggerBinary.run(["train", "--train", "/nonexistent.conll", "--model", Self.folder.appendingPathComponent("m").path])
        #expect(noData.status == 1 && noData.stderr.contains("/nonexistent.conll"), "\(noData.stderr)")
    }
}

@Suite(.serialized) struct TaggerInterruptAndDoctorTests {
    @Test func ctrlCWritesACheckpointAndResumeContinues() throws {
        guard let binary = TaggerBinary.path else { print("skipped: \(TaggerBinary.missing)"); return }
        let train = try TaggerCommandTests.writeCorpus("train-int.conll", count: 2000, seed: 3)
        let model = TaggerCommandTests.folder.appendingPathComponent("int.safetensors").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["train", "--train", train, "--task", "pos", "--tag-column", "2", "--model", model, "--epochs", "100000", "--quiet"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        Thread.sleep(forTimeInterval: 2)
        kill(p.processIdentifier, SIGINT)
        // Never leave a runaway trainer behind: give it 60 s, then kill it and fail.
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            Issue.record("tagger train did not stop on SIGINT within 60 s")
        }
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 0, "\(message)")
        #expect(message.contains("interrupted at step") && message.contains("checkpoint written"), "\(message)")
        #expect(FileManager.default.fileExists(atPath: model + ".checkpoint"))
        #expect(FileManager.default.fileExists(atPath: model))
        let resumed = try TaggerBinary.run(["train", "--train", train, "--task", "pos", "--tag-column", "2", "--model", model,
                                            "--epochs", "1", "--resume"])
        #expect(resumed.status == 0 && resumed.stderr.contains("resumed from"), "\(resumed.stderr)")
    }

    @Test func doctorPrintsTheChecklist() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let train = try TaggerCommandTests.writeCorpus("train-doc.conll", count: 300, seed: 4)
        let dev = try TaggerCommandTests.writeCorpus("dev-doc.conll", count: 60, seed: 5)
        let r = try TaggerBinary.run(["doctor", "--train", train, "--dev", dev, "--task", "pos", "--tag-column", "2",
                                      "--hidden", "30", "--epochs", "1", "--quiet"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        for line in ["Gradients correct? yes", "Saturated units?", "Training loss decreasing? yes", "Dev loss decreasing?"] {
            #expect(r.stdout.contains(line), "\(r.stdout)")
        }
    }
}
