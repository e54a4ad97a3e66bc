import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One run of the built `regua` binary, measured from outside: the CPU time the kernel charged
/// it, its peak resident memory, and what it wrote.
///
/// Standard output and standard error go to files, so a large output can neither block the
/// child nor need to be held while it runs. CPU time comes from `wait4`; the peak memory is the
/// child's `VmHWM` (`/proc/PID/status`), read while it runs: it is a high-water mark, so the last
/// reading before the child exits is its peak up to a few milliseconds. (`ru_maxrss` cannot be
/// used: Linux carries the parent's high-water mark over `exec`, and the test runner is larger
/// than what is measured.)
struct MeasuredRun {
  /// The exit status.
  var status: Int32
  /// User and system CPU seconds.
  var cpuSeconds: Double
  /// The peak resident memory, in bytes; 0 where it cannot be read.
  var peakBytes: Int
  /// Everything written to standard output.
  var output: Data
  /// Everything written to standard error.
  var errors: String

  /// Whether this platform can measure a child (Linux).
  static var isSupported: Bool {
    #if os(Linux)
      return ReguaBinary.url != nil
    #else
      return false
    #endif
  }

  /// Whether the binary runs under a sanitizer, whose shadow memory and slower code make time
  /// and memory figures meaningless (CI sets these variables for its sanitizer runs).
  static var isSanitized: Bool {
    let environment = ProcessInfo.processInfo.environment
    return environment["LSAN_OPTIONS"] != nil || environment["TSAN_OPTIONS"] != nil
      || environment["ASAN_OPTIONS"] != nil
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `regua` with `arguments` (paths absolute), standard input read from `stdin` (a
  /// path; `/dev/null` by default).
  static func run(_ arguments: [String], stdin: String = "/dev/null") throws -> MeasuredRun {
    #if os(Linux)
      guard let url = ReguaBinary.url else { throw Failure(description: "the regua binary is not built") }
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("regua-run-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: directory) }
      let outPath = directory.appendingPathComponent("out").path
      let errPath = directory.appendingPathComponent("err").path

      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

      let argv = ([url.path] + arguments).map { strdup($0) } + [nil]
      defer { for pointer in argv { free(pointer) } }
      var environment = ProcessInfo.processInfo.environment
      environment["NO_COLOR"] = "1"
      let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
      defer { for pointer in envp { free(pointer) } }

      var pid: pid_t = 0
      let spawned = posix_spawn(&pid, url.path, &actions, nil, argv, envp)
      guard spawned == 0 else { throw Failure(description: "posix_spawn failed: \(spawned)") }

      var status: Int32 = 0
      var usage = rusage()
      var peak = 0
      while true {
        let reaped = wait4(pid, &status, WNOHANG, &usage)
        if reaped == pid { break }
        if reaped < 0, errno != EINTR { throw Failure(description: "wait4 failed: \(errno)") }
        peak = max(peak, highWaterMark(of: pid))
        usleep(2_000)
      }
      let cpu =
        Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_stime.tv_usec) / 1e6
      let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
      return MeasuredRun(
        status: exit, cpuSeconds: cpu, peakBytes: peak, output: try Data(contentsOf: URL(fileURLWithPath: outPath)),
        errors: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    #else
      throw Failure(description: "measured runs need Linux")
    #endif
  }

  /// The `VmHWM` line of `/proc/PID/status` in bytes, 0 when it cannot be read (the process
  /// has exited).
  static func highWaterMark(of pid: Int32) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes * 1024
  }

  /// The least CPU time and the largest peak of `runs` runs (the least time is the one the
  /// machine disturbed least; the peak is the same in every run, up to sampling).
  static func best(of runs: Int, _ arguments: [String], stdin: String = "/dev/null") throws -> MeasuredRun {
    var best = try run(arguments, stdin: stdin)
    for _ in 1..<max(1, runs) {
      let next = try run(arguments, stdin: stdin)
      best.cpuSeconds = min(best.cpuSeconds, next.cpuSeconds)
      best.peakBytes = max(best.peakBytes, next.peakBytes)
    }
    return best
  }
}
