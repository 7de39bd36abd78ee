import Foundation
import NNKit

/// The window network's first linear layer for tagging, with the products of frequent ids
/// computed once instead of once per window.
///
/// The hidden layer's input is the concatenation, over window positions p and tables t, of
/// the rows E_t[id] (Collobert et al. 2011, eq. 2), so its pre-activation is a sum of blocks:
///
///     h = b + Σ_p Σ_t W[:, block(p, t)] · E_t[id(p, t)]
///
/// For the first `cachedRows[t]` ids of each table — vocabularies are sorted by decreasing
/// frequency, so these are the most frequent words, and all of a small table such as caps —
/// every product W[:, block(p, t)] · E_t[id] is stored (an ids x hidden matrix per position and
/// table). A window then costs one vector addition per position and table; the rarer ids are
/// gathered and go through one matrix product per position and table. The result equals the
/// plain layer's up to float rounding (the sum is ordered differently).
///
/// With `fusesActivation` the network's HardTanh is applied in place at the end, so the output
/// is the hidden layer's activation and no second buffer is needed.
///
/// The products are taken from the weights at construction: rebuild after any update.
public final class PrecomputedFirstLayer {
    /// What copies share: the weights and the stored products (read only once built).
    private final class Store {
        let positions, hiddenUnits, tableCount: Int
        let cachedRows, dimensions, blockStart, offsets: [Int]
        let tables: [Matrix]
        let weight, bias: Matrix
        let clampRange: (Float, Float)
        /// Block (p, t) = p * tableCount + t at `blockStart[block]`: cachedRows[t] x hiddenUnits floats.
        let products: UnsafeMutablePointer<Float>

        init(network: WindowNetwork, maxCachedRows: Int) {
            let shape = network.shape
            positions = shape.windowSize
            hiddenUnits = shape.hiddenUnits
            tableCount = shape.tables.count
            dimensions = shape.tables.map(\.dimension)
            tables = network.lookup.tables.map(\.value)
            weight = network.hidden.weight.value
            bias = network.hidden.bias.value
            clampRange = (network.activation.minValue, network.activation.maxValue)
            cachedRows = shape.tables.map { min($0.vocabularySize, max(0, maxCachedRows)) }
            let width = dimensions.reduce(0, +)
            var offsets: [Int] = [], blockStart: [Int] = []
            var total = 0
            for p in 0..<positions {
                for t in 0..<tableCount {
                    offsets.append(p * width + dimensions[..<t].reduce(0, +))
                    blockStart.append(total)
                    total += cachedRows[t] * hiddenUnits
                }
            }
            self.offsets = offsets
            self.blockStart = blockStart
            products = .allocate(capacity: max(total, 1))
            for block in 0..<(positions * tableCount) {
                let t = block % tableCount
                PrecomputedFirstLayer.blockProduct(rows: tables[t], count: cachedRows[t], weight: weight, offset: offsets[block],
                                                   into: products + blockStart[block])
            }
        }

        deinit { products.deallocate() }
    }

    private let store: Store
    public var positions: Int { store.positions }
    public var hiddenUnits: Int { store.hiddenUnits }
    /// How many ids of each table have stored products.
    public var cachedRows: [Int] { store.cachedRows }
    /// Whether `forward` ends with the network's HardTanh (its output is then the activation).
    public let fusesActivation: Bool
    public private(set) var output = Matrix(rows: 0, cols: 0)
    private var pending: [[Int]]
    private var gathered = Matrix(rows: 0, cols: 0)
    private var partial = Matrix(rows: 0, cols: 0)

    /// Stores the products of the first `maxCachedRows` ids of every table (all ids of tables
    /// that are smaller): positions x Σ_t min(vocabulary_t, maxCachedRows) x hidden floats.
    public convenience init(network: WindowNetwork, maxCachedRows: Int = 2048, fusesActivation: Bool = false) {
        self.init(store: Store(network: network, maxCachedRows: maxCachedRows), fusesActivation: fusesActivation)
    }

    private init(store: Store, fusesActivation: Bool) {
        self.store = store
        self.fusesActivation = fusesActivation
        pending = [[Int]](repeating: [], count: store.positions * store.tableCount)
    }

    /// A layer sharing these stored products with buffers of its own, for another thread.
    public func copy() -> PrecomputedFirstLayer { PrecomputedFirstLayer(store: store, fusesActivation: fusesActivation) }

    /// Bytes held by the stored products.
    public var storedBytes: Int { 4 * hiddenUnits * positions * cachedRows.reduce(0, +) }

    /// out (count x hidden) = rows[0..<count] (count x d) · W[:, offset..<offset+d]ᵀ.
    fileprivate static func blockProduct(rows: Matrix, count: Int, weight: Matrix, offset: Int, into out: UnsafeMutablePointer<Float>) {
        guard count > 0 else { return }
        let d = rows.cols, h = weight.rows
        rows.withUnsafeBufferPointer { a in
            weight.withUnsafeBufferPointer { w in
                sgemm(transposeA: false, transposeB: true, m: count, n: h, k: d, alpha: 1, a: a.baseAddress!, lda: d,
                      b: w.baseAddress! + offset, ldb: weight.cols, beta: 0, c: out, ldc: h)
            }
        }
    }

    /// The pre-activation of the hidden layer (its activation with `fusesActivation`) for a batch
    /// of windows (the id layout of `WindowBuilder`: column p * tables + t), one row per window.
    @discardableResult
    public func forward(_ windows: Matrix) -> Matrix {
        let store = self.store
        let n = windows.rows, h = store.hiddenUnits, tc = store.tableCount, positions = store.positions
        let (tables, cachedRows, products, blockStart) = (store.tables, store.cachedRows, store.products, store.blockStart)
        require(windows.cols == positions * tc, "PrecomputedFirstLayer.forward: windows are \(n)x\(windows.cols), expected \(positions * tc) id columns")
        output.resize(rows: n, cols: h)
        for k in pending.indices { pending[k].removeAll(keepingCapacity: true) }
        windows.withUnsafeBufferPointer { ids in
            store.bias.withUnsafeBufferPointer { b in
                output.withUnsafeMutableBufferPointer { out in
                    for r in 0..<n {
                        let row = out.baseAddress! + r * h
                        row.update(from: b.baseAddress!, count: h)
                        for block in 0..<(positions * tc) {
                            let t = block % tc
                            let id = Int(ids[r * windows.cols + block])
                            require(id >= 0 && id < tables[t].rows, "PrecomputedFirstLayer.forward: id \(id) outside table \(t) of \(tables[t].rows) rows")
                            if id < cachedRows[t] {
                                let src = products + blockStart[block] + id * h
                                for j in 0..<h { row[j] += src[j] }
                            } else {
                                pending[block].append(r)
                            }
                        }
                    }
                }
            }
        }
        // The rarer ids: one product per position and table on their gathered embeddings.
        for block in 0..<(positions * tc) where !pending[block].isEmpty {
            let t = block % tc
            let rows = pending[block]
            let d = store.dimensions[t]
            gathered.resize(rows: rows.count, cols: d)
            windows.withUnsafeBufferPointer { ids in
                tables[t].withUnsafeBufferPointer { table in
                    gathered.withUnsafeMutableBufferPointer { g in
                        for (k, r) in rows.enumerated() {
                            let id = Int(ids[r * windows.cols + block])
                            (g.baseAddress! + k * d).update(from: table.baseAddress! + id * d, count: d)
                        }
                    }
                }
            }
            partial.resize(rows: rows.count, cols: h)
            partial.withUnsafeMutableBufferPointer { out in
                Self.blockProduct(rows: gathered, count: rows.count, weight: store.weight, offset: store.offsets[block], into: out.baseAddress!)
            }
            partial.withUnsafeBufferPointer { src in
                output.withUnsafeMutableBufferPointer { out in
                    for (k, r) in rows.enumerated() {
                        let row = out.baseAddress! + r * h, from = src.baseAddress! + k * h
                        for j in 0..<h { row[j] += from[j] }
                    }
                }
            }
        }
        if fusesActivation {
            let (lo, hi) = store.clampRange
            output.withUnsafeMutableBufferPointer { y in
                for i in 0..<y.count { y[i] = y[i] < lo ? lo : (y[i] > hi ? hi : y[i]) }
            }
        }
        return output
    }
}
