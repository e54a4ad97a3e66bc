import Foundation
import Testing

@Suite("regua test", .serialized)
struct TestCommandTests {
  @Test("the bundled rules pass and the last line counts them")
  func bundledRules() throws {
    let result = try ReguaBinary.run(["test", "Rules/"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let last = result.stdout.split(separator: "\n").last.map(String.init)
    #expect(last == "27 passed, 0 failed")
  }

  @Test("a copy of a rule file with one expectation changed fails at that line with the difference")
  func changedExpectation() throws {
    let original = try String(
      contentsOf: ReguaBinary.packageRoot.appendingPathComponent("Rules/b2b-standard.regua"), encoding: .utf8)
    let changed = original.replacingOccurrences(
      of: "  on D+14 expect skipped d+14-call limited", with: "  on D+14 expect call")
    #expect(changed != original)
    let path = try ReguaBinary.temporaryFile("b2b-standard.regua", changed)
    let line =
      try #require(
        changed.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  on D+14 expect call" })
      + 1
    let result = try ReguaBinary.run(["test", path])
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        """
          \(path):\(line):3: on D+14 (2026-03-24): expected `call`, but nothing fires
              d+14-call is skipped (limited): The D+14 call is held back by `limit call 1 per 7 days`
        """))
    #expect(result.stdout.hasSuffix("8 passed, 1 failed\n"))
  }

  @Test("a test file tests its sibling rule file, even when named alone")
  func siblingTestFile() throws {
    let rules = try ReguaBinary.temporaryFile("mini.regua", "cadence \"mini\"\n  D+1 email overdue\n")
    let directory = URL(fileURLWithPath: rules).deletingLastPathComponent()
    let tests = directory.appendingPathComponent("mini_test.regua").path
    try "test \"t\"\n  invoice 10.00 BRL due 2026-03-10\n  on D+1 expect email overdue\n  on D+2 expect nothing\n"
      .write(toFile: tests, atomically: true, encoding: .utf8)
    let result = try ReguaBinary.run(["test", tests, "--verbose"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout == "PASS t (\(tests):1)\n1 passed, 0 failed\n")
  }

  @Test("a file with errors fails the run and says its tests did not run")
  func brokenFile() throws {
    let path = try ReguaBinary.temporaryFile("broken.regua", "cadence \"x\"\n  D+1 emial x\n")
    let result = try ReguaBinary.run(["test", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("unknown action `emial`"))
    #expect(result.stdout.hasSuffix("1 file with errors: their tests did not run\n0 passed, 0 failed\n"))
  }
}
