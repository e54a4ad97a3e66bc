/// Compares an expected timeline, written in timeline notation, with an actual one, and shows
/// the difference side by side.
///
/// Lines are compared with runs of white space folded, so alignment does not matter. Blank lines
/// and lines starting with `#` in the expectation are ignored.
public struct TimelineComparison: Sendable, Hashable {
  /// The expected lines, folded.
  public let expected: [String]
  /// The actual lines, folded.
  public private(set) var actual: [String]

  /// Compares an expectation (one entry per line) with actual timeline lines.
  public init(expected: String, actual: [String]) {
    self.init(
      expected: expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), actual: actual)
  }

  /// Compares expected lines with actual lines.
  public init(expected: [String], actual: [String]) {
    self.expected = expected.map(\.foldingWhitespace).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    self.actual = actual.map(\.foldingWhitespace).filter { !$0.isEmpty }
  }

  /// Compares expected lines with a simulated timeline's entries. An entry with the total owed
  /// (a cadence with charges: `… owed 1020.00`) matches an expected line that states it, or one
  /// that leaves it out.
  public init(expected: [String], actual entries: [TimelineEntry]) {
    self.init(expected: expected, actual: entries.lines)
    var actual = self.actual
    for index in actual.indices where entries[index].owed != nil {
      var bare = entries[index]
      bare.owed = nil
      let line = bare.line.foldingWhitespace
      if self.expected.indices.contains(index), self.expected[index] == line { actual[index] = line }
    }
    self.actual = actual
  }

  /// Whether the timelines are the same.
  public var matches: Bool { expected == actual }

  /// The index of the first line that differs, or `nil` when they match.
  public var firstDifference: Int? {
    let count = max(expected.count, actual.count)
    return (0..<count).first { index in
      expected.indices.contains(index) != actual.indices.contains(index)
        || (expected.indices.contains(index) && expected[index] != actual[index])
    }
  }

  /// The two timelines side by side, the first difference marked with `>`, or `nil` when they
  /// match; each line escaped with ``SafeText/escaped(_:)``:
  ///
  /// ```
  /// the timeline differs at entry 2:
  ///      expected                         | actual
  ///    1 2026-03-07 D-3 email reminder    | 2026-03-07 D-3 email reminder
  /// >  2 2026-03-24 D+14 call             | (nothing)
  /// ```
  public var report: String? {
    guard let first = firstDifference else { return nil }
    let rows = max(expected.count, actual.count)
    let expected = self.expected.map(SafeText.escaped)
    let actual = self.actual.map(SafeText.escaped)
    let width = max(8, expected.map(\.count).max() ?? 0, "(nothing)".count)
    let number = String(rows).count
    func cell(_ lines: [String], _ index: Int) -> String {
      lines.indices.contains(index) ? lines[index] : "(nothing)"
    }
    func pad(_ text: String, _ size: Int) -> String {
      text.count >= size ? text : text + String(repeating: " ", count: size - text.count)
    }
    var lines = ["the timeline differs at entry \(first + 1):"]
    lines.append("  " + String(repeating: " ", count: number) + " " + pad("expected", width) + " | actual")
    for index in 0..<rows {
      let differs = cell(expected, index) != cell(actual, index)
      let marker = index == first ? ">" : (differs ? "*" : " ")
      let label = String(repeating: " ", count: number - String(index + 1).count) + String(index + 1)
      lines.append("\(marker) \(label) \(pad(cell(expected, index), width)) | \(cell(actual, index))")
    }
    return lines.joined(separator: "\n")
  }
}
