import Foundation
import Testing

@Suite("regua fmt")
struct FmtCommandTests {
  static let messy = "cadence   \"t\"\n    D+014 email \"reminder\"   # soon\n\n\n  D0 sms x\n"
  static let tidy = "cadence \"t\"\n  D+14 email reminder  # soon\n\n  D0   sms x\n"

  @Test("rewrites a file in place and names it; a second run changes nothing")
  func rewritesInPlace() throws {
    let path = try ReguaBinary.temporaryFile("messy.regua", Self.messy)
    let first = try ReguaBinary.run(["fmt", path])
    #expect(first.status == 0)
    #expect(first.stdout == "formatted \(path)\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.tidy)
    let second = try ReguaBinary.run(["fmt", path])
    #expect(second.status == 0)
    #expect(second.stdout.isEmpty)
  }

  @Test("--check changes nothing, names the files that are not formatted and exits 1")
  func check() throws {
    let messy = try ReguaBinary.temporaryFile("messy.regua", Self.messy)
    let tidy = try ReguaBinary.temporaryFile("tidy.regua", Self.tidy)
    let result = try ReguaBinary.run(["fmt", "--check", messy, tidy])
    #expect(result.status == 1)
    #expect(result.stderr == "not formatted: \(messy)\n")
    #expect(try String(contentsOfFile: messy, encoding: .utf8) == Self.messy)
    #expect(try ReguaBinary.run(["fmt", "--check", tidy]).status == 0)
  }

  @Test("`-` formats standard input onto standard output")
  func standardInput() throws {
    let result = try ReguaBinary.run(["fmt", "-"], stdin: Self.messy)
    #expect(result.status == 0)
    #expect(result.stdout == Self.tidy)
  }

  @Test("a file with errors is left alone and its errors are printed")
  func errors() throws {
    let text = "cadence \"t\"\n  D+1   emial x\n"
    let path = try ReguaBinary.temporaryFile("broken.regua", text)
    let result = try ReguaBinary.run(["fmt", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("error: unknown action `emial`"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
  }

  @Test("the bundled rule files are formatted")
  func bundledRules() throws {
    let result = try ReguaBinary.run(["fmt", "--check", "Rules"])
    #expect(result.status == 0, "\(result.stderr)")
  }
}
