import Foundation
import Testing

@testable import Regua

/// Rule files at the size limit, and the cost of reading them as they grow.
///
/// The front end must check a 4 MiB file in well under a second (in release builds); these tests
/// stay well under a second in debug builds too, by choosing what fills the 4 MiB and how big the
/// scaled files are.
@Suite("Scaling of the rule-file front end")
struct ScalingTests {
  /// A step line with a distinct id, cycling through actions, arguments and conditions.
  static func stepLine(_ index: Int, padding: String = "") -> String {
    let offset = "D+\(index % 3000)"
    switch index % 4 {
    case 0: return "  \(offset)  email reminder-\(index)\(padding)   when balance >= 500.00 as s\(index)\n"
    case 1: return "  \(offset)  call \"p\(padding)\"  unless tagged \"vip\" as s\(index)\n"
    case 2:
      return
        "  \(offset)  sms \"due-\(index)\(padding)\" when days-overdue > 3 and customer.kind == \"company\" as s\(index)\n"
    default: return "  \(offset)  task collections \"x\(padding)\" as s\(index)\n"
    }
  }

  /// A cadence of `steps` steps, with a `limit` line after every eighth.
  static func cadence(steps: Int) -> String {
    var text = "cadence \"big\" version 1\n  catch up 3 days\n"
    for index in 0..<steps {
      text += stepLine(index)
      if index % 8 == 7 { text += "  limit call 1 per 7 days\n" }
    }
    return text
  }

  /// Thread CPU time of `body`, so that other tests running in parallel do not count.
  static func cpuTime(_ body: () -> Void) -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
  }

  /// The ratio of the least CPU time `body` takes on the large input to the least it takes on
  /// the small one, over runs that alternate between the two.
  static func costRatio(small: String, large: String, runs: Int = 5, _ body: (String) -> Void) -> Double {
    var smallBest = Double.infinity
    var largeBest = Double.infinity
    for _ in 0..<runs {
      smallBest = min(smallBest, cpuTime { body(small) })
      largeBest = min(largeBest, cpuTime { body(large) })
    }
    return largeBest / max(smallBest, 1e-9)
  }

  @Test("a 4 MiB file of steps compiles, every step kept")
  func fourMebibytesOfSteps() throws {
    // 12,000 short steps (a cost quadratic in the steps shows at once), then steps with long
    // arguments and comments to fill 4 MiB with few lines, so a debug build stays fast.
    let padding = String(repeating: "x", count: 3000)
    let comment = "  # " + String(repeating: "-", count: 800) + "\n"
    var text = "cadence \"big\"\n"
    var steps = 0
    while true {
      let line =
        steps < 12_000 ? ScalingTests.stepLine(steps) : ScalingTests.stepLine(steps, padding: padding) + comment
      guard text.utf8.count + line.utf8.count <= Lexer.maximumFileSize else { break }
      text += line
      steps += 1
    }
    #expect(text.utf8.count > Lexer.maximumFileSize - 5000)
    let file = compile(text)
    #expect(file.diagnostics.isEmpty)
    let cadence = try #require(file.cadences.first)
    #expect(cadence.steps.count == steps)
    #expect(cadence.steps.last?.id == "s\(steps - 1)")
  }

  @Test("a byte more than 4 MiB is one clear error")
  func overTheLimit() {
    let text = "cadence \"big\"\n" + String(repeating: "  # \(String(repeating: "-", count: 95))\n", count: 43_000)
    #expect(text.utf8.count > Lexer.maximumFileSize)
    let file = compile(text)
    #expect(file.diagnostics.map(\.message) == ["the file is larger than 4 MiB"])
  }

  /// Lines as long as allowed, full of two-byte letters, combining accents, emoji sequences and
  /// flags in strings and comments; and one line over the limit.
  static func wideFile(lines: Int) -> String {
    let letters = String(repeating: "ç", count: 1900)
    let accents = String(repeating: "e\u{301}", count: 1300)
    let emoji = String(repeating: "👩‍👩‍👧🇧🇷", count: 70)
    var text = "cadence \"wide\"\n"
    for index in 0..<lines {
      switch index % 4 {
      case 0: text += "  D+\(index) email \"\(letters)\" as s\(index)\n"
      case 1: text += "  # \(accents)\n"
      case 2: text += "  D+\(index) sms " + String(repeating: "\"é\" ", count: 780) + "as s\(index)\n"
      default: text += "  D+\(index) call \"\(emoji)\" as s\(index)   # \(emoji)\n"
      }
    }
    return text
  }

  @Test("long lines full of non-ASCII characters compile, and an over-long one is reported where it starts")
  func longNonASCIILines() throws {
    var text = ScalingTests.wideFile(lines: 400)
    text += "  D+1 email \"" + String(repeating: "ç", count: 2100) + "\" as too-long\n"
    text += "  D+2 emial \"ç\" \"é\" x\n"
    #expect(text.utf8.allSatisfy { $0 < 0x80 } == false)
    let file = compile(text)
    #expect(
      file.diagnostics.map(\.description) == [
        "402:1: error: the line is longer than 4096 bytes", "403:7: error: unknown action `emial`",
      ])
    let syntax = RuleCompiler.parse(SourceFile(path: "wide.regua", text: ScalingTests.wideFile(lines: 400)))
    #expect(syntax.diagnostics.isEmpty)
    let steps = try #require(syntax.syntax.cadences.first).items.compactMap { item -> StepSyntax? in
      if case .step(let step) = item.kind { return step }
      return nil
    }
    #expect(steps.count == 300)
    // Columns count characters: the id follows `  D+N sms `, 780 times `"é" ` and `as `.
    let sms = try #require(steps.first { $0.action == .sms })
    #expect(sms.explicitID?.range.start.column == 2 + 2 + String(sms.offset.days).count + 1 + 3 + 1 + 780 * 4 + 3 + 1)
  }

  /// Columns from ``LineColumns`` must equal counting the characters of the prefix, for every
  /// offset, whatever the text: checked on lines mixing the characters whose boundaries depend on
  /// context (combining marks, ZWJ sequences, flags, CR, Hangul, a lone continuation byte).
  @Test("character columns equal counting the prefix, for every offset")
  func columnsMatchPrefixCounts() {
    let pieces = [
      "a", " ", "\"", "ç", "e\u{301}", "\u{301}", "👩‍👩‍👧", "🇧🇷", "🇧", "\r", "\t", "한", "\u{1100}\u{1161}", "x\u{200D}", "#",
      "\u{0915}\u{094D}\u{0937}",
    ]
    var generator = SeededRandom(seed: 7)
    for _ in 0..<200 {
      let line = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
        pieces.randomElement(using: &generator) ?? ""
      }
      .joined()
      let bytes = Array(line.utf8)
      bytes.withUnsafeBufferPointer { buffer in
        var columns = LineColumns(buffer)
        for offset in 0...bytes.count {
          let expected = String(decoding: bytes[..<offset], as: UTF8.self).count + 1
          #expect(columns.column(at: offset) == expected, "offset \(offset) of \(bytes)")
        }
      }
    }
  }

  /// The lexer counts the bytes it reads and decodes and the tokens it makes. This is exact and
  /// cannot flake, and it catches a column computation that decodes each token's line prefix
  /// again (quadratic on long non-ASCII lines): with lines of a fixed total size, that work grows
  /// with the line length, while reading each byte a bounded number of times does not.
  @Test("the lexer's work is proportional to the bytes, however long and non-ASCII the lines")
  func lexerWorkIsLinear() {
    func work(_ text: String) -> (work: Int, bytes: Int) {
      var lexer = Lexer()
      _ = lexer.tokenize(SourceFile(path: "w.regua", text: text))
      return (lexer.work, text.utf8.count)
    }
    // The same number of `"é"` tokens, on 64 short lines or on 4 long ones.
    let short = (0..<64).map { "  D+\($0) sms " + String(repeating: "\"é\" ", count: 50) + "\n" }.joined()
    let long = (0..<4).map { "  D+\($0) sms " + String(repeating: "\"é\" ", count: 800) + "\n" }.joined()
    for text in [short, long, ScalingTests.wideFile(lines: 40)] {
      let (work, bytes) = work(text)
      #expect(work <= 3 * bytes, "work \(work) for \(bytes) bytes")
    }
    let small = work(ScalingTests.wideFile(lines: 40))
    let large = work(ScalingTests.wideFile(lines: 160))
    #expect(Double(large.work) / Double(small.work) < 4.5)
  }

  /// Wall-clock ratios flake on a busy machine, so this compares the *thread CPU time* of
  /// compiling 500 and 2,000 steps (with a `limit` after every eighth), the least of five
  /// alternating runs each. Linear work gives a ratio near 4; the bound of 7 leaves room for
  /// noise and cache effects, while a cost quadratic in the steps — copying the item list on
  /// every line, or checking each limit against every step, as the front end once did — gives 10
  /// or more even in a debug build, where the quadratic copies are the same memcpy and retains
  /// as in release.
  @Test("compiling 4 times the steps costs about 4 times as much")
  func compileCostIsLinearInSteps() {
    let ratio = ScalingTests.costRatio(
      small: ScalingTests.cadence(steps: 500), large: ScalingTests.cadence(steps: 2000)
    ) { text in
      let file = compile(text)
      #expect(file.isValid)
    }
    #expect(ratio < 7, "compiling 4× the steps cost \(ratio)× as much")
  }

  /// The same measure as above for 2,000 and 8,000 lines of a `test` block, every other one
  /// broken, the least of three runs: a block's items, and its error flag, are updated in place.
  /// (Copying the item list on every line, as the parser once did, gives a ratio above 9.)
  @Test("parsing a test block 4 times as long costs about 4 times as much")
  func testBlockCostIsLinear() {
    func block(_ lines: Int) -> String {
      "test \"long\"\n  invoice 100.00 BRL due 2026-03-10\n"
        + (0..<lines).map { $0 % 2 == 0 ? "  history reminder-for-step-\($0) on D+1\n" : "  on D+1 expect\n" }.joined()
    }
    let ratio = ScalingTests.costRatio(small: block(2000), large: block(8000), runs: 3) { text in
      let (syntax, diagnostics) = RuleCompiler.parse(SourceFile(path: "t.regua", text: text))
      #expect(syntax.tests.first?.hasErrors == true)
      let items = syntax.tests.first?.items ?? []
      let errorLines = items.filter { if case .error = $0.kind { true } else { false } }.count
      #expect(diagnostics.count == errorLines)
      #expect(items.count == text.split(separator: "\n").count - 1)
    }
    #expect(ratio < 7, "parsing 4× the lines cost \(ratio)× as much")
  }

  /// Long lines cost in proportion to their length: the same bytes as lines of 500 bytes or of
  /// 4,000, full of non-ASCII strings, compile in about the same CPU time (a cost quadratic in
  /// the line's length, as counting each token's column from the line's start was, makes the
  /// long lines several times as costly).
  @Test("compiling long non-ASCII lines costs the same as short ones of the same total size")
  func lineLengthDoesNotMatter() {
    func file(tokensPerLine: Int, lines: Int) -> String {
      "cadence \"wide\"\n"
        + (0..<lines).map { "  D+\($0) sms " + String(repeating: "\"é\" ", count: tokensPerLine) + "as s\($0)\n" }
        .joined()
    }
    let ratio = ScalingTests.costRatio(
      small: file(tokensPerLine: 100, lines: 128), large: file(tokensPerLine: 800, lines: 16)
    ) { text in
      let file = compile(text)
      #expect(file.isValid)
    }
    #expect(ratio < 2.5, "4× longer lines of the same total size cost \(ratio)× as much")
  }
}
