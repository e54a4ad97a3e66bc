import Foundation
import Regua
import Testing

/// Input is read with a bound before it is parsed: rule files and invoice documents, from files
/// and from standard input.
@Suite("Bounded input", .serialized)
struct BoundedInputTests {
  let plan = ["plan", "Rules/b2b-standard.regua", "--on", "2026-03-24", "--invoice"]

  @Test("an endless invoice on standard input fails at once, naming the limit")
  func endlessStandardInput() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try ReguaBinary.output(plan + ["-"], in: ReguaBinary.packageRoot, standardInput: "/dev/zero")
    #expect(clock.now - start < .seconds(5))
    #expect(result.status == 1)
    #expect(
      String(decoding: result.stderr, as: UTF8.self)
        == "<stdin>: error: the document is larger than 1 MiB (1048576 bytes), the most one document may be\n")
  }

  @Test("an endless invoice file fails the same way")
  func endlessFile() throws {
    let result = try ReguaBinary.run(plan + ["/dev/zero"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("/dev/zero: error: the document is larger than 1 MiB"))
  }

  @Test("an invoice of exactly the limit is read and parsed")
  func invoiceAtTheLimit() throws {
    let sample = try Data(contentsOf: ReguaBinary.packageRoot.appendingPathComponent("Rules/samples/b2b-invoice.json"))
    var padded = sample
    padded.append(Data(repeating: UInt8(ascii: " "), count: Bounds.documentBytes - sample.count))
    let path = try ReguaBinary.temporaryFile("padded.json", "")
    try padded.write(to: URL(fileURLWithPath: path))
    let result = try ReguaBinary.run(plan + [path])
    #expect(result.status == 0, "\(result.stderr)")
    padded.append(UInt8(ascii: " "))
    try padded.write(to: URL(fileURLWithPath: path))
    #expect(try ReguaBinary.run(plan + [path]).stderr.contains("larger than 1 MiB"))
  }

  @Test("a rule file past the limit is one diagnostic, read no further than the limit")
  func largeRuleFile() throws {
    let path = try ReguaBinary.temporaryFile("big.regua", "")
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    // 64 MiB, sparse: reading it whole would show in time and memory.
    try handle.truncate(atOffset: 64 * 1024 * 1024)
    try handle.close()
    let result = try ReguaBinary.run(["check", path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("\(path):1:1: error: the file is larger than 4 MiB\n"))
    #expect(result.stderr.hasSuffix("1 error in 1 file\n"))
  }

  @Test("a rule file that is not UTF-8 names the offset of the first invalid byte, and check goes on")
  func notUTF8() throws {
    let bad = try ReguaBinary.temporaryFile("latin1.regua", "")
    try Data("cadence \"c\"\n  D+1 email \"caf".utf8 + [0xE9, 0x22, 0x0A]).write(to: URL(fileURLWithPath: bad))
    let result = try ReguaBinary.run(["check", bad, "Rules/b2b-standard.regua"])
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix("\(bad):2:17: error: the file is not UTF-8: invalid byte 0xE9 at byte offset 28\n"),
      "\(result.stderr)")
    #expect(result.stderr.hasSuffix("1 error in 1 of 2 files\n"))
  }
}
