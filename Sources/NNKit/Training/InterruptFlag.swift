import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if os(Linux)
import Synchronization
#endif

/// Turns Ctrl-C (SIGINT) into a flag that a training loop polls between updates, so that it can
/// write a checkpoint and exit cleanly instead of dying mid-write. A second Ctrl-C exits at once.
///
/// The flag is an atomic (a plain global could be read once and kept in a register by the
/// optimizer, and the loop would never see the signal).
public enum InterruptFlag {
    #if os(Linux)
    private static let flag = Atomic<Int>(0)
    private static func load() -> Int { flag.load(ordering: .relaxed) }
    private static func store(_ v: Int) { flag.store(v, ordering: .relaxed) }
    #else
    // Without the Synchronization module (before macOS 15): a word behind a pointer that escapes,
    // read through an opaque call each time.
    nonisolated(unsafe) private static let word: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    @inline(never) private static func load() -> Int { word.pointee }
    @inline(never) private static func store(_ v: Int) { word.pointee = v }
    #endif
    nonisolated(unsafe) private static var installed = false

    /// Installs the SIGINT handler (once per process).
    public static func install() {
        guard !installed else { return }
        installed = true
        _ = load()
        // A parent may have started us with SIGINT blocked (the mask is inherited through
        // fork and exec); a handler alone would then never run.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGINT) { _ in
            if InterruptFlag.load() != 0 { _exit(130) }
            InterruptFlag.store(1)
        }
    }

    /// True once Ctrl-C was pressed.
    public static var isRaised: Bool { load() != 0 }

    /// Clears the flag (after handling it), or raises it (for tests).
    public static func reset() { store(0) }
    public static func raise() { store(1) }
}
