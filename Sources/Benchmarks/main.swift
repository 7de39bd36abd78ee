import Foundation

/// Benchmarks, run by hand: `swift run -c release Benchmarks <name>`.
let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "matmul": MatmulBenchmark.run(arguments: Array(args.dropFirst()))
case "corpora": CorporaBenchmark.run(arguments: Array(args.dropFirst()))
default:
    print("""
    USAGE: swift run -c release Benchmarks <benchmark> [options]

    BENCHMARKS:
      matmul [--reps=N]   GFLOP/s of batch x 275 x 300 products: OpenBLAS direct, NNKit's BLAS path,
                          the portable Swift kernel, and a plain triple loop.
      corpora [DIR]       Load every corpus of ../shared/data (or DIR): sentence and token counts,
                          byte-exact writing and tag-scheme round trips, time per file.
    """)
    if let a = args.first, !["-h", "--help"].contains(a) { exit(64) }
}
