import Foundation
import Regua
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `regua plan --invoices -` driven as a co-process: each plan must come out while standard
/// input is still open, as soon as its line is written.
@Suite("Live pipe")
struct LivePipeTests {
  /// Nothing came on the pipe in time.
  struct Timeout: Error {}

  /// The next line from `descriptor`, without its `\n`, waiting at most `seconds` for it;
  /// `nil` at the end of the pipe.
  static func readLine(_ descriptor: Int32, pending: inout [UInt8], seconds: Int32 = 20) throws -> String? {
    let deadline = ContinuousClock.now + .seconds(Int(seconds))
    while true {
      if let newline = pending.firstIndex(of: 0x0A) {
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        return line
      }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { throw Timeout() }
      var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
      let ready = poll(&request, 1, max(1, milliseconds))
      if ready < 0, errno == EINTR { continue }
      guard ready > 0 else { throw Timeout() }
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self) }
      pending += chunk[..<count]
    }
  }

  @Test("a plan comes out as soon as its line is written, before standard input ends")
  func planPerLine() throws {
    let url = try #require(ReguaBinary.url)
    let root = ReguaBinary.packageRoot
    let rules = root.appendingPathComponent("Rules/b2b-standard.regua")
    let samples = try String(contentsOf: root.appendingPathComponent("Rules/samples/portfolio.jsonl"), encoding: .utf8)
      .split(separator: "\n").prefix(2).map(String.init)
    try #require(samples.count == 2)
    let evaluator = try Evaluator(try Cadence(contentsOf: rules))
    let date = try CivilDate(parsing: "2026-04-01")
    let expected = try samples.map { try evaluator.plan(for: try Invoice(json: Data($0.utf8)), on: date).jsonLine }

    let process = Process()
    process.executableURL = url
    process.arguments = ["plan", rules.path, "--invoices", "-", "--on", "2026-04-01", "--json"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    var pending: [UInt8] = []
    let descriptor = output.fileHandleForReading.fileDescriptor
    for (line, plan) in zip(samples, expected) {
      try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
      #expect(try LivePipeTests.readLine(descriptor, pending: &pending) == plan)
    }
    try input.fileHandleForWriting.close()
    #expect(try LivePipeTests.readLine(descriptor, pending: &pending) == nil)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }
}
