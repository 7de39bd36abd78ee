/// A seedable pseudo-random generator: same seed, same numbers on every platform.
///
/// xoshiro256** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
/// generators"), seeded through SplitMix64 as its authors recommend. Every derived
/// quantity (floats, bounded integers, normals, shuffles) is computed here with plain
/// integer and IEEE arithmetic, never with the standard library's unspecified
/// algorithms, so results do not change with the Swift version or the platform.
/// The state is four words and can be saved and restored (`state`).
public struct RandomGenerator: RandomNumberGenerator, Sendable, Equatable {
    public var state: (UInt64, UInt64, UInt64, UInt64) {
        get { (s0, s1, s2, s3) }
        set { (s0, s1, s2, s3) = newValue }
    }
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
    }

    /// A generator from saved state words.
    public init(state: [UInt64]) {
        require(state.count == 4, "RandomGenerator: a saved state has 4 words, got \(state.count)")
        (s0, s1, s2, s3) = (state[0], state[1], state[2], state[3])
        if (s0 | s1 | s2 | s3) == 0 { s0 = 1 }
    }

    public var stateWords: [UInt64] { [s0, s1, s2, s3] }

    public static func == (a: RandomGenerator, b: RandomGenerator) -> Bool { a.stateWords == b.stateWords }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = RandomGenerator.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = RandomGenerator.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1), 24 random bits.
    @inline(__always)
    public mutating func nextFloat() -> Float { Float(next() >> 40) * (1.0 / 16_777_216.0) }

    /// Uniform in [0, 1), 53 random bits.
    @inline(__always)
    public mutating func nextDouble() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    /// Uniform in [low, high).
    public mutating func uniform(_ low: Float, _ high: Float) -> Float { low + (high - low) * nextFloat() }

    /// Normal with the given mean and standard deviation (Box-Muller, computed in Double).
    public mutating func normal(mean: Float = 0, standardDeviation: Float = 1) -> Float {
        var u1 = nextDouble()
        while u1 <= 0 { u1 = nextDouble() }
        let u2 = nextDouble()
        let z = (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
        return mean + standardDeviation * Float(z)
    }

    /// Uniform integer in 0..<bound, unbiased (Lemire's multiply-and-reject).
    public mutating func int(below bound: Int) -> Int {
        require(bound > 0, "RandomGenerator.int(below:): bound must be positive, got \(bound)")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// Fisher-Yates shuffle in place.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = int(below: i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }

    /// A permutation of 0..<n.
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }

    /// `k` distinct values of 0..<n in random order (partial Fisher-Yates).
    public mutating func sample(_ k: Int, from n: Int) -> [Int] {
        require(k <= n, "RandomGenerator.sample: cannot draw \(k) distinct values from \(n)")
        var p = Array(0..<n)
        for i in 0..<k { p.swapAt(i, i + int(below: n - i)) }
        return Array(p[0..<k])
    }
}

// log and cos for normals come from the C library: bit-identical wherever the same libm
// runs (glibc here); uniforms, integers and shuffles are exact everywhere.
#if canImport(Darwin)
import Darwin
@inline(__always) func _log(_ x: Double) -> Double { Darwin.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#else
import Glibc
@inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#endif

extension Matrix {
    /// A matrix of uniform values in [low, high).
    public static func uniform(rows: Int, cols: Int, low: Float, high: Float, rng: inout RandomGenerator) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        m.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = rng.uniform(low, high) }
        }
        return m
    }

    /// A matrix of normal values.
    public static func normal(rows: Int, cols: Int, mean: Float = 0, standardDeviation: Float = 1,
                              rng: inout RandomGenerator) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        m.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = rng.normal(mean: mean, standardDeviation: standardDeviation) }
        }
        return m
    }
}
