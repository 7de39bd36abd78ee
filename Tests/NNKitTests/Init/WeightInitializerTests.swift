import Foundation
import Testing
import NNKit
import NNTestSupport

@Suite struct WeightInitializerTests {
    static func moments(_ m: Matrix) -> (mean: Double, std: Double) {
        let n = Double(m.count)
        let mean = m.sum() / n
        let variance = m.storage.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
        return (mean, variance.squareRoot())
    }

    static func make(_ i: WeightInitializer, fanIn: Int, fanOut: Int, seed: UInt64 = 7) throws -> Matrix {
        var rng = RandomGenerator(seed: seed)
        return try i.makeMatrix(fanIn: fanIn, fanOut: fanOut, rng: &rng)
    }

    /// On 400 x 500 = 200 000 values the sample standard deviation is within ~0.3% of σ and
    /// the sample mean within ~0.01 σ, so 2% and 0.01 σ·4 leave no room for a wrong formula.
    @Test func lecunGlorotAndHeHaveTheMomentsTheirPapersPrescribe() throws {
        let (fanIn, fanOut) = (500, 400)
        let cases: [(WeightInitializer, Double)] = [
            (.lecunUniform, 1 / Double(fanIn).squareRoot()),
            (.glorotUniform, (6 / Double(fanIn + fanOut)).squareRoot() / 3.0.squareRoot()),
            (.heNormal, (2 / Double(fanIn)).squareRoot()),
        ]
        for (initializer, sigma) in cases {
            let m = try Self.make(initializer, fanIn: fanIn, fanOut: fanOut)
            #expect(m.shape == Shape(rows: fanOut, cols: fanIn))
            let (mean, std) = Self.moments(m)
            #expect(abs(mean) < 0.01 * sigma, "\(initializer): mean \(mean)")
            #expect(abs(std / sigma - 1) < 0.02, "\(initializer): std \(std), expected \(sigma)")
        }
        let lecun = try Self.make(.lecunUniform, fanIn: fanIn, fanOut: fanOut)
        let lecunBound = Float((3 / Double(fanIn)).squareRoot())
        #expect(lecun.storage.allSatisfy { abs($0) <= lecunBound } && lecun.storage.map { abs($0) }.max()! > 0.99 * lecunBound)
        let glorot = try Self.make(.glorotUniform, fanIn: fanIn, fanOut: fanOut)
        let bound = Float((6 / Double(fanIn + fanOut)).squareRoot())
        #expect(glorot.storage.allSatisfy { abs($0) <= bound })
        #expect(glorot.storage.map { abs($0) }.max()! > 0.99 * bound)
        // He is Gaussian: about 4.55% of the values lie beyond 2σ (a uniform has none beyond √3σ).
        let he = try Self.make(.heNormal, fanIn: fanIn, fanOut: fanOut)
        let sigma = Float((2 / Double(fanIn)).squareRoot())
        let tail = Double(he.storage.filter { abs($0) > 2 * sigma }.count) / Double(he.count)
        #expect(abs(tail - 0.0455) < 0.003)
    }

    @Test func sparseInitializationConnectsEachUnitToExactlyKInputs() throws {
        let m = try Self.make(.sparse(k: 15), fanIn: 100, fanOut: 300)
        for r in 0..<m.rows { #expect(m.row(r).filter { $0 != 0 }.count == 15) }
        let nonzero = m.storage.filter { $0 != 0 }
        let (mean, std) = Self.moments(Matrix(row: nonzero))
        #expect(abs(mean) < 0.05 && abs(std - 1) < 0.05)
        // Different units choose different inputs.
        #expect(m.row(0).map { $0 != 0 } != m.row(1).map { $0 != 0 })
        let narrow = try Self.make(.sparse(k: 15), fanIn: 6, fanOut: 4)
        for r in 0..<4 { #expect(narrow.row(r).allSatisfy { $0 != 0 }) }
    }

    static func gramError(_ m: Matrix, transposeFirst: Bool) -> Float {
        var g = Matrix(rows: 0, cols: 0)
        if transposeFirst { Matrix.gemm(m, transposeA: true, m, into: &g) } else { Matrix.gemm(m, m, transposeB: true, into: &g) }
        return g.maxAbsDifference(.identity(g.rows))
    }

    @Test func orthogonalMatricesHaveAllSingularValuesOne() throws {
        let square = try Self.make(.orthogonal, fanIn: 64, fanOut: 64)
        #expect(Self.gramError(square, transposeFirst: true) < 1e-5)
        #expect(Self.gramError(square, transposeFirst: false) < 1e-5)
        let tall = try Self.make(.orthogonal, fanIn: 20, fanOut: 50)
        #expect(Self.gramError(tall, transposeFirst: true) < 1e-5)
        let wide = try Self.make(.orthogonal, fanIn: 50, fanOut: 20)
        #expect(Self.gramError(wide, transposeFirst: false) < 1e-5)
        #expect(try Self.make(.orthogonal, fanIn: 64, fanOut: 64, seed: 8) != square)
    }

    @Test func identityZerosAndPretrained() throws {
        #expect(try Self.make(.identity, fanIn: 3, fanOut: 3) == .identity(3))
        #expect(try Self.make(.identity, fanIn: 3, fanOut: 2) == Matrix([[1, 0, 0], [0, 1, 0]]))
        #expect(try Self.make(.zeros, fanIn: 3, fanOut: 2) == Matrix(rows: 2, cols: 3))
        let values = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(try Self.make(.pretrained(values), fanIn: 3, fanOut: 2) == values)
        #expect(throws: InitializationError.shapeMismatch(source: "pre-trained values", found: Shape(rows: 2, cols: 3), expected: Shape(rows: 3, cols: 2))) {
            try Self.make(.pretrained(values), fanIn: 2, fanOut: 3)
        }
    }

    @Test func initializersArePickedByName() throws {
        for name in ["zeros", "lecunUniform", "glorotUniform", "heNormal", "orthogonal", "identity"] {
            #expect(try WeightInitializer.named(name).description == name)
        }
        #expect(try WeightInitializer.named("sparse") == .sparse(k: 15))
        #expect(try WeightInitializer.named("sparse:4") == .sparse(k: 4))
        #expect(try WeightInitializer.named("file:/tmp/x.txt") == .file("/tmp/x.txt"))
        #expect(throws: UnknownNameError.self) { try WeightInitializer.named("xavier-ish") }
    }

    @Test func filesInTheThreeFormatsLoad() throws {
        let w2v = try MatrixFile.parse("3 2\nthe 0.1 0.2\nof -1 2.5\n, 3 4\n")
        #expect(w2v.format == .word2vec && w2v.words == ["the", "of", ","] && w2v.matrix == Matrix([[0.1, 0.2], [-1, 2.5], [3, 4]]))
        let glove = try MatrixFile.parse("the 0.1 0.2 0.3\nof 1 2 3\n")
        #expect(glove.format == .glove && glove.words == ["the", "of"] && glove.matrix.shape == Shape(rows: 2, cols: 3))
        let plain = try MatrixFile.parse("1 2\n3 4\n\n5 6\n")
        #expect(plain.format == .plain && plain.words == nil && plain.matrix == Matrix([[1, 2], [3, 4], [5, 6]]))

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnkit-init-\(UInt32.random(in: 0...UInt32.max)).txt").path
        try "1 2 3\n4 5 6\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Self.make(.file(path), fanIn: 3, fanOut: 2) == Matrix([[1, 2, 3], [4, 5, 6]]))
        #expect(throws: InitializationError.shapeMismatch(source: path, found: Shape(rows: 2, cols: 3), expected: Shape(rows: 3, cols: 2))) {
            try Self.make(.file(path), fanIn: 2, fanOut: 3)
        }
    }

    @Test func malformedFilesNameTheFileAndLine() {
        func message(_ text: String) -> String {
            do { _ = try MatrixFile.parse(text, path: "vectors.txt"); return "no error" } catch { return "\(error)" }
        }
        #expect(message("the 1 2\nof 3\n") == "vectors.txt:2: 1 values, expected 2 as on the first row")
        #expect(message("1 2\n3 x\n") == "vectors.txt:2: value 2 'x' is not a finite number")
        #expect(message("5 2\na 1 2\nb 3 4\n") == "vectors.txt:1: header says 5 words, the file has 2")
        #expect(message("\n\n") == "vectors.txt: no values in the file")
        #expect(throws: InitializationError.self) { try MatrixFile.load(path: "/nonexistent/vectors.txt") }
    }
}
