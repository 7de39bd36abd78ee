import Foundation

/// Benchmarks, run by hand: `swift run -c release Benchmarks <name>`.
let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "matmul": MatmulBenchmark.run(arguments: Array(args.dropFirst()))
case "corpora": CorporaBenchmark.run(arguments: Array(args.dropFirst()))
case "tagger-speed":
    do { try TaggerSpeedBenchmark.run(arguments: Array(args.dropFirst())) } catch {
        FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
        exit(1)
    }
case "sgemm-peak": MatmulBenchmark.peak(arguments: Array(args.dropFirst()))
case "peak-rss": PeakMemory.run(arguments: Array(args.dropFirst()))
default:
    print("""
    USAGE: swift run -c release Benchmarks <benchmark> [options]

    BENCHMARKS:
      matmul [--reps=N]   GFLOP/s of batch x 275 x 300 products: OpenBLAS direct, NNKit's BLAS path,
                          the portable Swift kernel, and a plain triple loop.
      corpora [DIR]       Load every corpus of ../shared/data (or DIR): sentence and token counts,
                          byte-exact writing and tag-scheme round trips, time per file.
      tagger-speed ...    The window tagger's training and tagging throughput (JSON lines), the
                          Swift side of Benchmarks/compare_pytorch.py.
      sgemm-peak [--threads N]   GFLOP/s of a 4096x275x300 product (the compute limit's reference).
      peak-rss -- CMD ... Peak resident memory of CMD, measured from a small process (JSON).
    """)
    if let a = args.first, !["-h", "--help"].contains(a) { exit(64) }
}
