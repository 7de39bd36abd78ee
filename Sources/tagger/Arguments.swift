import Foundation

/// Any other failure: printed as `Error: ...`, exit status 1.
struct CommandError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Minimal `--name value` / `--flag` / positional parsing in the shape of Swift Argument Parser:
/// options are declared by the command as it reads them, and anything left over is an error.
struct Arguments {
    /// The subcommand's help text, attached to usage errors.
    let usage: String
    private var remaining: [String]
    private var positionals: [String] = []
    private var consumed: Set<Int> = []

    init(_ arguments: [String], usage: String) {
        self.usage = usage
        remaining = []
        var afterDashes = false
        for a in arguments {
            if afterDashes { positionals.append(a); continue }
            if a == "--" { afterDashes = true; continue }
            remaining.append(a)
        }
    }

    var wantsHelp: Bool { remaining.contains("--help") || remaining.contains("-h") }

    /// The value of `--name VALUE` or `--name=VALUE`, or nil.
    mutating func option(_ name: String) throws -> String? {
        for (i, a) in remaining.enumerated() where !consumed.contains(i) {
            if a == name {
                guard i + 1 < remaining.count, !consumed.contains(i + 1) else { throw UsageError(message: "\(name) needs a value", usage: usage) }
                consumed.insert(i); consumed.insert(i + 1)
                return remaining[i + 1]
            }
            if a.hasPrefix(name + "=") {
                consumed.insert(i)
                return String(a.dropFirst(name.count + 1))
            }
        }
        return nil
    }

    /// Every value of a repeatable option.
    mutating func options(_ name: String) throws -> [String] {
        var out: [String] = []
        while let v = try option(name) { out.append(v) }
        return out
    }

    mutating func int(_ name: String) throws -> Int? {
        guard let v = try option(name) else { return nil }
        guard let n = Int(v) else { throw UsageError(message: "\(name) expects an integer, got '\(v)'", usage: usage) }
        return n
    }

    mutating func double(_ name: String) throws -> Double? {
        guard let v = try option(name) else { return nil }
        guard let n = Double(v), n.isFinite else { throw UsageError(message: "\(name) expects a number, got '\(v)'", usage: usage) }
        return n
    }

    mutating func choice(_ name: String, _ allowed: [String]) throws -> String? {
        guard let v = try option(name) else { return nil }
        guard allowed.contains(v) else { throw UsageError(message: "\(name) must be one of \(allowed.joined(separator: ", ")), got '\(v)'", usage: usage) }
        return v
    }

    /// True when `--name` is present.
    mutating func flag(_ name: String) -> Bool {
        for (i, a) in remaining.enumerated() where !consumed.contains(i) && a == name {
            consumed.insert(i)
            return true
        }
        return false
    }

    /// The positional arguments; fails on unknown options.
    mutating func finish(maxPositionals: Int) throws -> [String] {
        var pos: [String] = []
        for (i, a) in remaining.enumerated() where !consumed.contains(i) {
            if a.hasPrefix("-") && a != "-" { throw UsageError(message: "unknown option '\(a)'", usage: usage) }
            pos.append(a)
        }
        pos += positionals
        if pos.count > maxPositionals {
            throw UsageError(message: "unexpected argument '\(pos[maxPositionals])'", usage: usage)
        }
        return pos
    }
}

/// Writes to stderr.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
