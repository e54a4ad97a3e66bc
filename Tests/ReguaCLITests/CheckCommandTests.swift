import Foundation
import Testing

@Suite("regua check")
struct CheckCommandTests {
  static let warned = "cadence \"t\"\n  D+45 suspend service\n"
  static let broken = "cadence \"t\"\n  D+1 emial x\n"

  @Test("warnings name their code and do not fail the check; --strict makes them errors")
  func strict() throws {
    let path = try ReguaBinary.temporaryFile("warned.regua", Self.warned)
    let plain = try ReguaBinary.run(["check", path])
    #expect(plain.status == 0)
    #expect(plain.stderr.contains("warning: `d+45-suspend` has no `as` id"))
    #expect(plain.stderr.contains("[unnamed-action]"))
    #expect(plain.stdout == "1 file, 1 cadence, 0 tests: 1 warning\n")
    let strict = try ReguaBinary.run(["check", "--strict", path])
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("error: `d+45-suspend` has no `as` id"))
    #expect(strict.stderr.hasSuffix("1 error in 1 file\n"))
  }

  @Test("the summary counts the files that have errors among those checked")
  func summary() throws {
    let broken = try ReguaBinary.temporaryFile("broken.regua", Self.broken)
    let good = try ReguaBinary.temporaryFile("good.regua", "cadence \"g\"\n  D+1 email x\n")
    let warned = try ReguaBinary.temporaryFile("warned.regua", Self.warned)
    let result = try ReguaBinary.run(["check", broken, good, warned])
    #expect(result.status == 1)
    #expect(result.stderr.hasSuffix("1 error and 1 warning in 1 of 3 files\n"))
  }

  @Test("--error-format json prints one object per problem, with positions for people and editors")
  func json() throws {
    let path = try ReguaBinary.temporaryFile(
      "broken.regua", "cadence \"é\"\n  D+1 emial x\n" + Self.warned)
    let result = try ReguaBinary.run(["check", "--error-format", "json", path])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let objects = try result.stderr.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
    #expect(objects.map { $0["code"] as? String } == ["unknown-action", "unnamed-action"])
    let first = try #require(objects.first)
    #expect(first["severity"] as? String == "error")
    #expect(first["line"] as? Int == 2)
    #expect(first["column"] as? Int == 7)
    #expect(first["utf16Column"] as? Int == 7)
    // `cadence "é"\n` is 13 bytes, `  D+1 ` 6 more.
    #expect(first["offset"] as? Int == 19)
    #expect(first["help"] as? String == "did you mean `email`?")
  }

  @Test("an unknown error format is a usage error")
  func unknownFormat() throws {
    let result = try ReguaBinary.run(["check", "--error-format", "xml", "Rules"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("`--error-format` is `human` or `json`"))
  }

  /// A FIFO named `x.regua` in a directory blocked `check DIR` and `fmt DIR` on its read forever.
  @Test(
    "a directory walk reads regular files only: a FIFO or a dangling link named *.regua is passed over",
    arguments: ["check", "fmt"])
  func walkSkipsSpecialFiles(command: String) throws {
    let file = try ReguaBinary.temporaryFile("a.regua", "cadence \"m\"\n  D+1 email a\n")
    let directory = (file as NSString).deletingLastPathComponent
    #expect(mkfifo((directory as NSString).appendingPathComponent("pipe.regua"), 0o600) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: (directory as NSString).appendingPathComponent("gone.regua"), withDestinationPath: "/nonexistent")
    let result = try ReguaBinary.run([command, directory])
    #expect(result.status == 0, "\(result.stderr)")
    if command == "check" { #expect(result.stdout == "1 file, 1 cadence, 0 tests: no problems\n") }
  }
}
