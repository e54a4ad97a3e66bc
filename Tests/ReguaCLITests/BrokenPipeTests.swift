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
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    close(ends[0])
    // Under AddressSanitizer, `regua` leaves by `exit(1)` from inside a write, with the objects
    // of the frames above still allocated, and LeakSanitizer would append them to standard
    // error: what is tested here is the message, so leak checking is off for this child.
    let options = [ProcessInfo.processInfo.environment["ASAN_OPTIONS"], "detect_leaks=0"].compactMap { $0 }
    // Some job runners, and Python's subprocess with restore_signals=False, start programs with
    // SIGPIPE ignored.
    let ending = try ReguaBinary.run(
      arguments, output: FileHandle(fileDescriptor: ends[1], closeOnDealloc: true), prelude: "trap '' PIPE",
      environment: ["ASAN_OPTIONS": options.joined(separator: ":")])
    #expect(ending.exited)
    #expect(ending.status == 1)
    #expect(ending.stderr == "error: cannot write to standard output: broken pipe\n")
  }
}
