import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns Ctrl-C (SIGINT) into a flag that a training loop polls between updates, so that it can
/// write a checkpoint and exit cleanly instead of dying mid-write. A second Ctrl-C exits at once.
public enum InterruptFlag {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0
    nonisolated(unsafe) private static var installed = false

    /// Installs the SIGINT handler (once per process).
    public static func install() {
        guard !installed else { return }
        installed = true
        signal(SIGINT) { _ in
            if InterruptFlag.flag != 0 { _exit(130) }
            InterruptFlag.flag = 1
        }
    }

    /// True once Ctrl-C was pressed.
    public static var isRaised: Bool { flag != 0 }

    /// Clears the flag (after handling it), or raises it (for tests).
    public static func reset() { flag = 0 }
    public static func raise() { flag = 1 }
}
