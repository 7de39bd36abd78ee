import Testing
import NNKit
import NNTestSupport

@Suite struct MatrixTests {
    @Test func constructionIndexingAndShape() {
        var m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.cols == 3 && m.count == 6)
        #expect(m[1, 2] == 6)
        m[0, 1] = 9
        #expect(m.storage == [1, 9, 3, 4, 5, 6])
        #expect(m.row(1) == [4, 5, 6])
        #expect(m.shape.description == "2x3")
        #expect(Matrix.identity(3).storage == [1, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(m.transposed == Matrix([[1, 4], [9, 5], [3, 6]]))
        #expect(m.reshaped(rows: 3, cols: 2).storage == m.storage)
    }

    @Test func valueSemantics() {
        let a = Matrix([[1, 2]])
        var b = a
        b[0, 0] = 5
        #expect(a[0, 0] == 1)
        #expect(b[0, 0] == 5)
    }

    @Test func resizeKeepsAllocationAndZeroes() {
        var m = Matrix(rows: 4, cols: 4, repeating: 2)
        m.resize(rows: 2, cols: 3, zero: true)
        #expect(m.shape == Shape(rows: 2, cols: 3) && m.storage.allSatisfy { $0 == 0 })
        m.resize(rows: 5, cols: 5)
        #expect(m.count == 25)
    }

    @Test func rowAndColumnOperations() {
        var m = Matrix([[1, 2, 3], [6, 5, 4]])
        #expect(m.rowSums().storage == [6, 15])
        #expect(m.columnSums().storage == [7, 7, 7])
        #expect(m.argmaxPerRow() == [2, 0])
        #expect(Matrix([[3, 3, 1]]).argmaxPerRow() == [0])
        m.addRowVector(Matrix(row: [10, 20, 30]))
        #expect(m.storage == [11, 22, 33, 16, 25, 34])
        m.scale(by: 0.5)
        #expect(m[0, 0] == 5.5)
        let doubled = m.map { $0 * 2 }
        #expect(doubled[1, 2] == 34)
        #expect((doubled - m) == m)
        #expect(Matrix.zip(m, m, *)[0, 0] == 30.25)
        #expect(Matrix([[3, 4]]).squaredNorm() == 25)
        #expect(Matrix([[1, 2], [3, 4]]).sum() == 10)
        #expect(!Matrix([[1, .nan]]).allFinite)
    }

    @Test func gatherAndScatterAddRows() {
        let table = Matrix([[0, 1], [10, 11], [20, 21]])
        var g = Matrix(rows: 0, cols: 0)
        g.gatherRows(of: table, indices: [2, 0, 2])
        #expect(g == Matrix([[20, 21], [0, 1], [20, 21]]))
        var acc = Matrix(rows: 3, cols: 2)
        g.scatterAddRows(into: &acc, indices: [2, 0, 2])
        #expect(acc == Matrix([[0, 1], [0, 0], [40, 42]]))
    }

    @Test func descriptionShowsShapeAndValues() {
        let text = Matrix([[1, 2]]).description
        #expect(text.contains("Matrix 1x2") && text.contains("1.0000"))
    }
}
