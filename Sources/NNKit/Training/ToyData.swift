import Foundation

/// Small synthetic classification sets for demos and tests.
public enum ToyData {
    /// The two-dimensional spiral of CS231n's "Putting it together: minimal neural network
    /// case study": `classes` interleaved arms of `pointsPerClass` points, with noise.
    /// Returns inputs (`N x 2`) and class labels.
    public static func spiral(pointsPerClass: Int, classes: Int, noise: Float = 0.2,
                              rng: inout RandomGenerator) -> (inputs: Matrix, labels: [Int]) {
        var x = Matrix(rows: pointsPerClass * classes, cols: 2)
        var labels: [Int] = []
        labels.reserveCapacity(pointsPerClass * classes)
        for c in 0..<classes {
            for i in 0..<pointsPerClass {
                let r = Float(i) / Float(max(1, pointsPerClass - 1))
                let t = Float(c) * 4 + 4 * r + rng.normal(standardDeviation: noise)
                let row = c * pointsPerClass + i
                x[row, 0] = r * sinf(t)
                x[row, 1] = r * cosf(t)
                labels.append(c)
            }
        }
        return (x, labels)
    }

    /// The four points of exclusive-or, with labels 0 and 1.
    public static func xor() -> (inputs: Matrix, labels: [Int]) {
        (Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), [0, 1, 1, 0])
    }
}
