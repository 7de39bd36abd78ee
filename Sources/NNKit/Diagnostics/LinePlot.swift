import Foundation

/// A small line chart written as standalone SVG, for learning curves: one or two y axes
/// (loss on the left, learning rate on the right), a legend, ticks at round numbers. The
/// library writes the SVG itself so that every training run can leave a picture behind.
public struct LinePlot {
    public enum Axis: Sendable { case left, right }

    public struct Series {
        public var name: String
        public var points: [(x: Double, y: Double)]
        public var axis: Axis
        public var dashed: Bool
        public init(name: String, points: [(x: Double, y: Double)], axis: Axis = .left, dashed: Bool = false) {
            self.name = name
            self.points = points
            self.axis = axis
            self.dashed = dashed
        }
    }

    public var title: String
    public var xLabel: String
    public var leftLabel: String
    public var rightLabel: String
    public var series: [Series] = []
    /// Plot the left axis on a log scale (useful for losses spanning decades).
    public var logLeftAxis = false
    public var width = 760.0
    public var height = 440.0

    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf"]

    public init(title: String, xLabel: String, leftLabel: String, rightLabel: String = "") {
        self.title = title
        self.xLabel = xLabel
        self.leftLabel = leftLabel
        self.rightLabel = rightLabel
    }

    /// The SVG document.
    public func svg() -> String {
        let margin = (left: 70.0, right: series.contains { $0.axis == .right } ? 75.0 : 25.0, top: 40.0, bottom: 55.0)
        let plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom
        let finite = { (s: Series) in s.points.filter { $0.x.isFinite && $0.y.isFinite && (!(self.logLeftAxis && s.axis == .left) || $0.y > 0) } }
        let all = series.flatMap(finite)
        let xs = Self.range(all.map(\.x))
        func yRange(_ axis: Axis) -> (Double, Double) {
            let ys = series.filter { $0.axis == axis }.flatMap(finite).map { axis == .left && logLeftAxis ? log10($0.y) : $0.y }
            return Self.range(ys)
        }
        let left = yRange(.left), right = yRange(.right)
        func px(_ x: Double) -> Double { margin.left + (x - xs.0) / (xs.1 - xs.0) * plotW }
        func py(_ y: Double, _ axis: Axis) -> Double {
            let (lo, hi) = axis == .left ? left : right
            let v = axis == .left && logLeftAxis ? log10(y) : y
            return margin.top + plotH - (v - lo) / (hi - lo) * plotH
        }
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(f(width / 2))" y="22" text-anchor="middle" font-size="15">\(Self.escape(title))</text>
        <rect x="\(f(margin.left))" y="\(f(margin.top))" width="\(f(plotW))" height="\(f(plotH))" fill="none" stroke="#444"/>

        """
        for t in Self.ticks(xs.0, xs.1) {
            let x = px(t)
            out += "<line x1=\"\(f(x))\" y1=\"\(f(margin.top))\" x2=\"\(f(x))\" y2=\"\(f(margin.top + plotH))\" stroke=\"#eee\"/>"
            out += "<text x=\"\(f(x))\" y=\"\(f(margin.top + plotH + 18))\" text-anchor=\"middle\">\(Self.label(t))</text>\n"
        }
        for t in Self.ticks(left.0, left.1) {
            let y = margin.top + plotH - (t - left.0) / (left.1 - left.0) * plotH
            let text = logLeftAxis ? Self.label(pow(10, t)) : Self.label(t)
            out += "<line x1=\"\(f(margin.left))\" y1=\"\(f(y))\" x2=\"\(f(margin.left + plotW))\" y2=\"\(f(y))\" stroke=\"#eee\"/>"
            out += "<text x=\"\(f(margin.left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(text)</text>\n"
        }
        if series.contains(where: { $0.axis == .right }) {
            for t in Self.ticks(right.0, right.1) {
                let y = margin.top + plotH - (t - right.0) / (right.1 - right.0) * plotH
                out += "<text x=\"\(f(margin.left + plotW + 6))\" y=\"\(f(y + 4))\" text-anchor=\"start\" fill=\"#555\">\(Self.label(t))</text>\n"
            }
            out += "<text transform=\"translate(\(f(width - 12)),\(f(margin.top + plotH / 2))) rotate(90)\" text-anchor=\"middle\" fill=\"#555\">\(Self.escape(rightLabel))</text>\n"
        }
        out += "<text x=\"\(f(margin.left + plotW / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(Self.escape(xLabel))</text>\n"
        out += "<text transform=\"translate(16,\(f(margin.top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(Self.escape(leftLabel))\(logLeftAxis ? " (log scale)" : "")</text>\n"
        for (i, s) in series.enumerated() {
            let color = Self.palette[i % Self.palette.count]
            let pts = finite(s)
            let path = pts.map { "\(f(px($0.x))),\(f(py($0.y, s.axis)))" }.joined(separator: " ")
            let dash = s.dashed ? " stroke-dasharray=\"6,4\"" : ""
            if pts.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash) points=\"\(path)\"/>\n"
            }
            if pts.count <= 40 {
                for p in pts { out += "<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y, s.axis)))\" r=\"2.5\" fill=\"\(color)\"/>" }
                out += "\n"
            }
            let ly = margin.top + 16 + Double(i) * 18
            let lx = margin.left + plotW - 170
            out += "<line x1=\"\(f(lx))\" y1=\"\(f(ly - 4))\" x2=\"\(f(lx + 24))\" y2=\"\(f(ly - 4))\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>"
            out += "<text x=\"\(f(lx + 30))\" y=\"\(f(ly))\">\(Self.escape(s.name))\(s.axis == .right ? " (right axis)" : "")</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// Writes the SVG atomically.
    public func write(to url: URL) throws { try AtomicFile.write(svg(), to: url) }

    private func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func range(_ values: [Double]) -> (Double, Double) {
        guard var lo = values.min(), var hi = values.max() else { return (0, 1) }
        if hi - lo < 1e-12 { lo -= 0.5; hi += 0.5 }
        let pad = (hi - lo) * 0.05
        return (lo - pad, hi + pad)
    }

    /// Round tick values between lo and hi (about five).
    /// The tick positions the axes use (exposed for tests).
    public static func ticksForTesting(_ lo: Double, _ hi: Double) -> [Double] { ticks(lo, hi) }

    static func ticks(_ lo: Double, _ hi: Double) -> [Double] {
        let raw = (hi - lo) / 5
        let mag = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        var t = ceil(lo / step) * step
        var out: [Double] = []
        while t <= hi + 1e-12 && out.count < 20 { out.append(t); t += step }
        return out
    }

    static func label(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 1e5 || a < 1e-3 { return String(format: "%.0e", v) }
        if a >= 100 || v == v.rounded() { return String(format: "%.0f", v) }
        return String(format: "%.3g", v)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
