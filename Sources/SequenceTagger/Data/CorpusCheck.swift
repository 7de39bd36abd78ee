import Foundation

/// Loads a corpus file with the reader for its format and checks it: counts sentences, tokens
/// and documents, writes every sentence back and compares the bytes with the file's, and for
/// chunk-tagged CoNLL files converts the tags to every other scheme and back. Used by the
/// corpus tests and by `Benchmarks corpora` to hold the readers to the data README's figures.
public enum CorpusCheck {
    /// A corpus format and, for chunk corpora, the scheme of its tags.
    public enum Format: Sendable {
        case conll(scheme: TagScheme?)
        case conllu
        case propBank
        case plainText
    }

    public struct Result: Sendable {
        public var sentences = 0
        /// Tagging tokens: CoNLL token lines (not `-DOCSTART-`), CoNLL-U word lines, plain-text words.
        public var tokens = 0
        /// `-DOCSTART-` lines (CoNLL) or predicates (PropBank).
        public var documents = 0
        public var predicates = 0
        /// Chunks in the tag column (chunk corpora only).
        public var chunks = 0
        /// Bytes compared, and the line of the first sentence whose written form differs (nil: equal).
        public var bytesCompared = 0
        public var firstMismatchLine: Int?
        /// Sentences holding an invalid tag sequence, repaired as conlleval reads it.
        public var repairedSentences = 0
        /// Sentences whose tags did not survive a conversion to another scheme and back.
        public var conversionFailures = 0
        public var seconds = 0.0
        /// True when the written bytes equal the file's and every conversion round-tripped.
        public var roundTrips: Bool { firstMismatchLine == nil && conversionFailures == 0 }
    }

    /// Checks `path`; `maxSentences` stops early (the byte comparison then covers that prefix).
    public static func run(path: String, format: Format, maxSentences: Int? = nil) throws -> Result {
        let start = Date()
        var r = Result()
        guard let raw = FileHandle(forReadingAtPath: path) else {
            throw DataError(.cannotOpen, file: path, line: nil, "cannot open the file", hint: "Check the path")
        }
        defer { try? raw.close() }
        func compare(_ text: String, line: Int) {
            let written = Array(text.utf8)
            let read = [UInt8](raw.readData(ofLength: written.count))
            r.bytesCompared += written.count
            if read != written && r.firstMismatchLine == nil { r.firstMismatchLine = line }
        }
        func done() -> Bool { maxSentences.map { r.sentences >= $0 } ?? false }
        switch format {
        case .conll(let scheme):
            let reader = try ConllReader(path: path, options: .init(maxSentenceLength: 10_000))
            let writer = ConllWriter()
            while !done(), let s = try reader.nextSentence() {
                if s.documentStart != nil { r.documents += 1 }
                if !s.isEmpty { r.sentences += 1 }
                r.tokens += s.count
                compare(writer.format(s), line: s.line)
                if let scheme {
                    // Invalid sequences (I-X after O) are repaired on reading; the round trip must
                    // then give the repaired tags back.
                    let tags = try TagScheme.convert(s.tags, from: scheme, to: scheme)
                    if tags != s.tags { r.repairedSentences += 1 }
                    r.chunks += try scheme.chunks(tags).count
                    for other in TagScheme.allCases where other != scheme {
                        let there = try TagScheme.convert(tags, from: scheme, to: other)
                        if try TagScheme.convert(there, from: other, to: scheme) != tags { r.conversionFailures += 1 }
                    }
                }
            }
        case .conllu, .propBank:
            let reader = try ConlluReader(path: path, maxSentenceLength: 10_000)
            while !done(), let s = try reader.nextConlluSentence() {
                r.sentences += 1
                r.tokens += s.words.count
                if case .propBank = format {
                    r.predicates += s.words.filter { $0.fields.count > 10 && $0.fields[10] != "_" && !$0.fields[10].isEmpty }.count
                }
                compare(ConlluWriter().format(s), line: s.line)
            }
            if case .propBank = format {  // the SRL view of the same file must agree
                let srl = try PropBankReader(path: path)
                var n = 0, p = 0
                while n < r.sentences, let s = try srl.nextSRLSentence() { n += 1; p += s.predicates.count }
                if p != r.predicates { r.conversionFailures += 1 }
            }
        case .plainText:
            let reader = try PlainTextReader(path: path, maxSentenceLength: 10_000)
            let writer = PlainTextWriter()
            while !done(), let s = try reader.nextSentence() {
                r.sentences += 1
                r.tokens += s.count
                compare(writer.format(s), line: s.line)
            }
        }
        if maxSentences == nil && r.firstMismatchLine == nil && !raw.readData(ofLength: 1).isEmpty {
            r.firstMismatchLine = -1  // the file has bytes the writer did not produce
        }
        r.seconds = Date().timeIntervalSince(start)
        return r
    }

    /// The corpus files of `../shared/data` with their formats (relative paths).
    public static let sharedCorpora: [(path: String, format: Format)] = [
        ("conll2000/train.txt", .conll(scheme: .iob2)), ("conll2000/dev.txt", .conll(scheme: .iob2)),
        ("conll2003/eng.train", .conll(scheme: .iobes)), ("conll2003/eng.testa", .conll(scheme: .iobes)),
        ("conll2002/esp.train", .conll(scheme: .iob2)), ("conll2002/esp.testa", .conll(scheme: .iob2)),
        ("conll2002/ned.train", .conll(scheme: .iob2)), ("conll2002/ned.testa", .conll(scheme: .iob2)),
        ("ud-ewt/en_ewt-ud-train.conllu", .conllu), ("ud-ewt/en_ewt-ud-dev.conllu", .conllu),
        ("up-ewt/en_ewt-up-train.conllu", .propBank), ("up-ewt/en_ewt-up-dev.conllu", .propBank),
        ("text/unlabeled-en.txt", .plainText),
    ]
}
