/// Stops the program with `message` when `condition` is false — in every build configuration.
///
/// Swift's `precondition` drops its message in optimized builds; a shape mismatch must still say
/// which shapes and which operation, so NNKit checks its arguments with this instead. The
/// message is only built when the check fails.
@inline(__always)
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
