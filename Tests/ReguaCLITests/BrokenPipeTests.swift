import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `regua` says when its standard output goes away under it.
@Suite("A closed output is an error in words")
struct BrokenPipeTests {
  @Test(
    "writing to a pipe nobody reads, with SIGPIPE ignored, says `broken pipe` and exits 1",
    arguments: [["--help"], ["render", "Rules/consumer.regua", "--format", "svg"]])
  func brokenPipe(arguments: [String]) throws {
    let url = try #require(ReguaBinary.url)
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    close(ends[0])
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // Some job runners, and Python's subprocess with restore_signals=False, start programs with
    // SIGPIPE ignored.
    process.arguments = ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", url.path] + arguments
    process.currentDirectoryURL = ReguaBinary.packageRoot
    // Under AddressSanitizer, `regua` leaves by `exit(1)` from inside a write, with the objects
    // of the frames above still allocated, and LeakSanitizer would append them to standard
    // error: what is tested here is the message, so leak checking is off for this child.
    var environment = ProcessInfo.processInfo.environment
    environment["ASAN_OPTIONS"] = [environment["ASAN_OPTIONS"], "detect_leaks=0"].compactMap { $0 }
      .joined(separator: ":")
    process.environment = environment
    process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    #expect(stderr == "error: cannot write to standard output: broken pipe\n")
  }
}
