import Testing

@testable import Regua

@Suite("Rendering diagnostics safely")
struct DiagnosticRendererTests {
  /// The echoed source line and the caret line of a rendered diagnostic, without their gutters.
  func sourceAndCaret(_ rendered: String) throws -> (source: String, caret: String) {
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    try #require(lines.count >= 3)
    let source = try #require(lines[1].firstRange(of: " | ")).upperBound
    let caret = try #require(lines[2].firstRange(of: " | ")).upperBound
    return (String(lines[1][source...]), String(lines[2][caret...]))
  }

  func diagnostic(line: Int = 1, column: Int, width: Int) -> Diagnostic {
    .error(
      .unknownName, "a problem",
      at: SourceRange(
        start: SourcePosition(line: line, column: column), end: SourcePosition(line: line, column: column + width)))
  }

  @Test("the echoed line, the message and the path are escaped, and the caret stays under its character")
  func escapes() throws {
    let file = compile(cadence("  D+1 email \"a\u{202E}b\""))
    let rendered = DiagnosticRenderer().render(try #require(file.diagnostics.first), in: file.source)
    #expect(
      rendered == """
        test.regua:2:15: error: bidirectional control character `\\u{202E}` (right-to-left override)
         2 |   D+1 email "a\\u{202E}b"
           |               ^~~~~~~~
           = help: remove it: it makes the line display in another order than it is read

        """)

    let hostile = SourceFile(path: "evil\u{1B}]0;title\u{7}.regua", text: "ab\u{1B}[2Jcd emial\u{202E}")
    let output = DiagnosticRenderer().render(diagnostic(column: 10, width: 5), in: hostile)
    #expect(!output.unicodeScalars.contains { $0 != "\n" && SafeText.isUnsafe($0) })
    #expect(output.hasPrefix("evil\\u{1B}]0;title\\u{7}.regua:1:10: error: a problem\n"))
    let (source, caret) = try sourceAndCaret(output)
    #expect(source == "ab\\u{1B}[2Jcd emial\\u{202E}")
    #expect(caret == String(repeating: " ", count: 14) + "^~~~~")
  }

  @Test("tabs show as four spaces, and the caret counts them")
  func tabs() throws {
    let file = compile(cadence("\tD+1 emial x"))
    let (source, caret) = try sourceAndCaret(
      DiagnosticRenderer().render(try #require(file.diagnostics.first), in: file.source))
    #expect(source == "    D+1 emial x")
    #expect(caret == "        ^~~~~")
  }

  @Test("a 4000-byte line is cut to a window around the column, with the caret under the right character")
  func longLine() throws {
    let line = String(repeating: "x", count: 1990) + "target" + String(repeating: "y", count: 2004)
    #expect(line.utf8.count == 4000)
    let (source, caret) = try sourceAndCaret(
      DiagnosticRenderer().render(diagnostic(column: 1991, width: 6), in: SourceFile(path: "p", text: line)))
    #expect(source.count <= DiagnosticRenderer.maximumSourceWidth)
    #expect(source.hasPrefix("…x") && source.hasSuffix("y…"))
    let target = try #require(source.firstRange(of: "target"))
    let offset = source.distance(from: source.startIndex, to: target.lowerBound)
    #expect(caret == String(repeating: " ", count: offset) + "^~~~~~")
  }

  @Test(
    "the window keeps the start or the end of a long line when the range is there",
    arguments: [(1, false, true), (3995, true, false), (4001, true, false)])
  func windowEnds(column: Int, cutBefore: Bool, cutAfter: Bool) throws {
    let line = String(repeating: "z", count: 4000)
    let (source, caret) = try sourceAndCaret(
      DiagnosticRenderer().render(diagnostic(column: column, width: 1), in: SourceFile(path: "p", text: line)))
    #expect(source.count <= DiagnosticRenderer.maximumSourceWidth)
    #expect(source.hasPrefix("…") == cutBefore)
    #expect(source.hasSuffix("…") == cutAfter)
    let expectedOffset = cutBefore ? source.count - (4000 - column + 1) : column - 1
    #expect(caret == String(repeating: " ", count: expectedOffset) + "^")
  }

  @Test("a line of control characters is cut by its escaped width")
  func longEscapedLine() throws {
    let line = String(repeating: "\u{1B}", count: 4000)
    let (source, caret) = try sourceAndCaret(
      DiagnosticRenderer().render(diagnostic(column: 2000, width: 1), in: SourceFile(path: "p", text: line)))
    #expect(source.count <= DiagnosticRenderer.maximumSourceWidth)
    let offset = caret.prefix { $0 == " " }.count
    #expect(String(Array(source)[offset...]).hasPrefix("\\u{1B}"))
    #expect(caret.hasSuffix("^~~~~~"))
  }

  @Test("a rule file with a 4000-byte line renders its diagnostic in lines of normal width")
  func compiledLongLine() throws {
    let file = compile(cadence("  D+1 emial " + String(repeating: "a", count: 3986)))
    let rendered = DiagnosticRenderer().render(try #require(file.diagnostics.first), in: file.source)
    #expect(rendered.split(separator: "\n").allSatisfy { $0.count <= DiagnosticRenderer.maximumSourceWidth + 10 })
    let (source, caret) = try sourceAndCaret(rendered)
    #expect(source.hasPrefix("  D+1 emial aaa") && source.hasSuffix("a…"))
    #expect(caret == "      ^~~~~")
  }
}
