#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#endif
import Foundation

/// The system's CBLAS, resolved at run time with `dlopen`, so that the package has no
/// link-time dependency on any BLAS.
///
/// Search order: `NNKIT_BLAS_LIBRARY` (a path, if set), then on Linux
/// `libopenblas.so.0`, `libopenblas.so`, `libblas.so.3`; on macOS the Accelerate
/// framework. `NNKIT_BLAS=off` skips the search and every product uses the portable
/// Swift kernel (`SwiftGemm`). A missing library is not an error.
public final class BLAS: @unchecked Sendable {
    // CBLAS enumerations (cblas.h).
    public static let rowMajor: Int32 = 101
    public static let noTrans: Int32 = 111
    public static let trans: Int32 = 112

    public typealias SgemmFn = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32,
        Float, UnsafePointer<Float>?, Int32,
        UnsafePointer<Float>?, Int32,
        Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    public typealias SgemvFn = @convention(c) (
        Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
        UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    public typealias SgerFn = @convention(c) (
        Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
        UnsafePointer<Float>?, Int32, UnsafeMutablePointer<Float>?, Int32) -> Void
    typealias SetThreadsFn = @convention(c) (Int32) -> Void
    typealias GetThreadsFn = @convention(c) () -> Int32

    /// The library the routines came from, or nil when the Swift kernel is used.
    public let libraryPath: String?
    /// `cblas_sgemm` itself, for callers that measure it directly.
    public let sgemm: SgemmFn?
    /// `cblas_sgemv` and `cblas_sger`: products with a single row or column (batch 1) skip the
    /// packing that sgemm does.
    let sgemv: SgemvFn?
    let sger: SgerFn?
    private let setThreadsFn: SetThreadsFn?
    private let getThreadsFn: GetThreadsFn?

    /// The process-wide instance, resolved once.
    public static let shared = BLAS(environment: ProcessInfo.processInfo.environment)

    /// True when products go through the system's BLAS.
    public var isAvailable: Bool { sgemm != nil }

    /// A one-line account of the compute path, for logs and `tagger --version`.
    public var summary: String {
        if let p = libraryPath { return "BLAS: \(p)" + (threads.map { " (\($0) threads)" } ?? "") }
        return "BLAS: none (portable Swift kernel)"
    }

    init(environment env: [String: String]) {
        if let flag = env["NNKIT_BLAS"]?.lowercased(), ["off", "0", "false", "no", "swift"].contains(flag) {
            libraryPath = nil; sgemm = nil; sgemv = nil; sger = nil; setThreadsFn = nil; getThreadsFn = nil
            return
        }
        var candidates: [String] = []
        if let custom = env["NNKIT_BLAS_LIBRARY"], !custom.isEmpty { candidates.append(custom) }
        #if os(macOS)
        candidates.append("/System/Library/Frameworks/Accelerate.framework/Accelerate")
        #else
        candidates += ["libopenblas.so.0", "libopenblas.so", "libblas.so.3", "libcblas.so.3"]
        #endif
        for path in candidates {
            guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let sym = dlsym(handle, "cblas_sgemm") else { dlclose(handle); continue }
            libraryPath = path
            sgemm = unsafeBitCast(sym, to: SgemmFn.self)
            sgemv = dlsym(handle, "cblas_sgemv").map { unsafeBitCast($0, to: SgemvFn.self) }
            sger = dlsym(handle, "cblas_sger").map { unsafeBitCast($0, to: SgerFn.self) }
            setThreadsFn = dlsym(handle, "openblas_set_num_threads").map { unsafeBitCast($0, to: SetThreadsFn.self) }
            getThreadsFn = dlsym(handle, "openblas_get_num_threads").map { unsafeBitCast($0, to: GetThreadsFn.self) }
            warmUp()
            return
        }
        libraryPath = nil; sgemm = nil; sgemv = nil; sger = nil; setThreadsFn = nil; getThreadsFn = nil
    }

    /// One multi-threaded product at load time. Measured with OpenBLAS 0.3.21 on this project's
    /// machine: a process whose first sgemm runs single-threaded stays at ~10 GFLOP/s on one
    /// thread for 4096x275x300 products, while after one multi-threaded call the same
    /// single-threaded products reach ~33 GFLOP/s (also from Python via ctypes, so it is the
    /// library's state, not ours). A 128x275x300 product on two threads (~1 ms) is enough.
    private func warmUp() {
        guard let sgemm, let set = setThreadsFn else { return }
        let before = threads ?? 1
        let (m, k, n) = (128, 275, 300)
        let a = [Float](repeating: 0.5, count: m * k), b = [Float](repeating: 0.5, count: k * n)
        var c = [Float](repeating: 0, count: m * n)
        set(Int32(max(2, before)))
        c.withUnsafeMutableBufferPointer { pc in
            sgemm(Self.rowMajor, Self.noTrans, Self.noTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), b, Int32(n), 0, pc.baseAddress, Int32(n))
        }
        set(Int32(before))
    }

    /// The BLAS library's thread count, when it lets us read it (OpenBLAS).
    public var threads: Int? { getThreadsFn.map { Int($0()) } }

    /// Sets the BLAS library's thread count (OpenBLAS); returns false when it cannot be set.
    @discardableResult
    public func setThreads(_ n: Int) -> Bool {
        guard let f = setThreadsFn else { return false }
        f(Int32(max(1, n)))
        return true
    }
}
