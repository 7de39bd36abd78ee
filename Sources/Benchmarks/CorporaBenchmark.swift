import Foundation
import SequenceTagger

/// `Benchmarks corpora [DIR]`: loads every corpus of ../shared/data with its reader, prints
/// sentence and token counts (to compare with the data README), whether writing gives the same
/// bytes and tag conversions round-trip, and the time taken.
enum CorporaBenchmark {
    static func run(arguments: [String]) {
        let dir = arguments.first ?? "../shared/data"
        print("file                                sentences     tokens   docs/preds    chunks  repaired  round-trip  seconds")
        var failed = false
        for (rel, format) in CorpusCheck.sharedCorpora {
            let path = (dir as NSString).appendingPathComponent(rel)
            do {
                let r = try CorpusCheck.run(path: path, format: format)
                let extra = r.predicates > 0 ? r.predicates : r.documents
                print(rel.padding(toLength: 34, withPad: " ", startingAt: 0)
                      + String(format: "%11d %10d %12d %9d %9d  %-10@ %7.2f", r.sentences, r.tokens, extra, r.chunks, r.repairedSentences,
                               r.roundTrips ? "yes" : "NO (line \(r.firstMismatchLine ?? 0), \(r.conversionFailures) conv.)", r.seconds))
                if !r.roundTrips { failed = true }
            } catch {
                print("\(rel): \(error)")
                failed = true
            }
        }
        if failed { exit(1) }
    }
}
