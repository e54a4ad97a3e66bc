/// Makes a valid rule file look as different as it can while meaning the same, or (with
/// `shufflingSteps`) something else that still compiles: for the formatter's property tests.
///
/// It re-spaces tokens, re-indents body lines with spaces or tabs, writes offsets the long way
/// (`D+014`, `D+0`), adds comments on their own lines and at the ends of lines, and blank lines;
/// and it may shuffle each cadence's steps.
struct Scrambler {
  var random: SeededRandom
  var shufflingSteps: Bool
  /// Whether to add blank lines (which start new paragraphs, so the layout may change).
  var addingBlankLines = true

  mutating func scramble(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    if shufflingSteps { shuffleSteps(&lines) }
    var output: [String] = []
    var timelineIndent: Int?
    var shallowest: Int?
    var comment = 0
    for line in lines {
      let indent = line.prefix { $0 == " " }.count
      let trimmed = line.dropFirst(indent)
      if Int.random(in: 0..<5, using: &random) == 0 {
        comment += 1
        output.append(String(repeating: " ", count: Int.random(in: 0...4, using: &random)) + "# note \(comment)")
      }
      if addingBlankLines, Int.random(in: 0..<7, using: &random) == 0 {
        output += Array(repeating: "", count: Int.random(in: 1...3, using: &random))
      }
      guard !trimmed.isEmpty else {
        output.append(Bool.random(using: &random) ? "" : "   ")
        continue
      }
      if trimmed.hasPrefix("#") {
        output.append(line)
        continue
      }
      if indent == 0 { shallowest = nil }
      if let deeper = timelineIndent, indent > 2 {
        // A timeline entry is literal text: only its indentation and spacing change.
        let words = trimmed.split(separator: " ").joined(separator: spaces())
        output.append(String(repeating: " ", count: deeper + Int.random(in: 1...3, using: &random)) + words)
        continue
      }
      timelineIndent = nil
      var tokens = Scrambler.tokens(of: String(trimmed))
      if indent > 0, let first = tokens.first, let long = Scrambler.longOffset(first, random: &random) {
        tokens[0] = long
      }
      var code = tokens.joined(separator: spaces())
      if !code.contains("#"), Int.random(in: 0..<3, using: &random) == 0 {
        comment += 1
        code += spaces() + "# trailing \(comment)"
      }
      if indent == 0 {
        output.append(code)
      } else {
        // After a timeline, a line indented deeper than it would be read as one of its entries.
        let leads = ["  ", " ", "   ", "\t", "    "].filter { lead in
          shallowest.map { Scrambler.width(lead) <= $0 } ?? true
        }
        let lead = leads[Int.random(in: 0..<leads.count, using: &random)]
        if tokens.first == "timeline" {
          timelineIndent = Scrambler.width(lead)
          shallowest = min(shallowest ?? .max, Scrambler.width(lead))
        }
        output.append(lead + code)
      }
    }
    return output.joined(separator: "\n") + "\n"
  }

  /// How many characters of indentation `lead` is, as the lexer counts them.
  private static func width(_ lead: String) -> Int { lead.count }

  private mutating func spaces() -> String {
    String(repeating: " ", count: Int.random(in: 1...3, using: &random))
  }

  /// Permutes the step lines of each cadence among their places.
  private mutating func shuffleSteps(_ lines: inout [String]) {
    var block: [Int] = []
    func flush() {
      let shuffled = block.map { lines[$0] }.shuffled(using: &random)
      for (index, line) in zip(block, shuffled) { lines[index] = line }
      block = []
    }
    var inCadence = false
    for (index, line) in lines.enumerated() {
      if !line.hasPrefix(" ") && !line.isEmpty && !line.hasPrefix("#") {
        flush()
        inCadence = line.hasPrefix("cadence")
      } else if inCadence, let first = line.split(separator: " ").first, first.first.map("DIP".contains) == true,
        first.dropFirst().first.map("+-0123456789".contains) == true
      {
        block.append(index)
      }
    }
    flush()
  }

  /// `D+14` as `D+014`, `D0` as `D+0` or `D-0`; `nil` for a word that is not an offset.
  private static func longOffset(_ word: String, random: inout SeededRandom) -> String? {
    guard let base = word.first, "DIP".contains(base) else { return nil }
    let rest = word.dropFirst()
    if rest == "0" { return Bool.random(using: &random) ? "\(base)+0" : "\(base)-0" }
    guard let sign = rest.first, sign == "+" || sign == "-", rest.dropFirst().allSatisfy(\.isNumber) else { return nil }
    return "\(base)\(sign)0\(rest.dropFirst())"
  }

  /// The tokens of a line of code, a quoted string and a trailing comment each one token.
  static func tokens(of code: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    var inString = false
    var escaped = false
    for (offset, character) in code.enumerated() {
      if inString {
        current.append(character)
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inString = false
        }
        continue
      }
      switch character {
      case "\"":
        current.append(character)
        inString = true
      case "#":
        if !current.isEmpty { tokens.append(current) }
        tokens.append(String(code.dropFirst(offset)))
        return tokens
      case " ", "\t":
        if !current.isEmpty { tokens.append(current) }
        current = ""
      default:
        current.append(character)
      }
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }
}
