import CLibWebSockets

/// Names threads for the kernel, so that `top -H`, perf and /proc/PID/task/*/comm tell the server's threads apart:
/// Foundation's `Thread.name` does not reach the kernel on Linux. Here because this is the module that sees C
/// (glibc hides `pthread_setname_np` from Swift's Glibc module).
public enum ThreadName {
    /// Names the calling thread; `name` must fit the kernel's limit of 15 bytes.
    public static func setCurrent(_ name: String) {
        precondition(name.utf8.count <= 15, "a thread name is at most 15 bytes")
        _ = clws_set_thread_name(name)
    }
}
