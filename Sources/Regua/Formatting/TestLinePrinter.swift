/// The canonical spelling of a test's lines, and the aligned columns of a timeline's entries.
enum TestLinePrinter {
  /// A test line at the body's indentation, a timeline with its entries nested under it.
  static func printed(_ item: TestItemSyntax) -> PrintedLine {
    var line = PrintedLine(trivia: item.trivia, indent: 2, prefix: code(item.kind), options: nil)
    if case .timeline(_, _, let entries, _) = item.kind {
      line.nested = timeline(entries)
    }
    return line
  }

  /// Words after `expect` that a value must not be mistaken for.
  private static let expectationKeywords: Set<String> = ["nothing", "no", "skipped", "next", "balance"]

  static func code(_ kind: TestLineSyntax) -> String {
    let word = SyntaxPrinter.word
    let date = SyntaxPrinter.date
    switch kind {
    case .cadence(let name, _):
      return "cadence \(word(name))"
    case .invoice(let amount, let currency, let due, let issued, let id, _):
      var parts = ["invoice", amount]
      if let currency { parts.append(currency) }
      parts += ["due", date(due)]
      if let issued { parts += ["issued", date(issued)] }
      if let id { parts += ["id", word(id)] }
      return parts.joined(separator: " ")
    case .customer(let kind, let segment, let id, _):
      var parts = ["customer"]
      if let kind { parts.append(kind) }
      if let segment { parts += ["segment", word(segment)] }
      if let id { parts += ["id", word(id)] }
      return parts.joined(separator: " ")
    case .optOut(let channels, _):
      return (["opt-out"] + channels).joined(separator: " ")
    case .prefers(let channels, _):
      return (["prefers"] + channels).joined(separator: " ")
    case .timeZone(let zone, _):
      return "timezone \(SyntaxPrinter.quoted(zone))"
    case .tagged(let tags, _):
      return (["tagged"] + tags.map(word)).joined(separator: " ")
    case .status(let status, _):
      return "status \(status)"
    case .payment(let amount, let on, _):
      return "payment \(amount) on \(date(on))"
    case .promise(let by, let made, _):
      return "promise by \(date(by))" + (made.map { " made \(date($0))" } ?? "")
    case .history(let step, let on, let channel, _):
      return "history \(word(step)) on \(date(on))" + (channel.map { " channel \($0)" } ?? "")
    case .conversation(let on, let channel, _):
      return "conversation on \(date(on))" + (channel.map { " channel \($0)" } ?? "")
    case .expectation(let on, let expectation, _):
      return "on \(date(on)) expect \(self.expectation(expectation))"
    case .timeline(let from, let to, _, _):
      return (["timeline"] + (from.map { ["from", date($0)] } ?? []) + (to.map { ["to", date($0)] } ?? []))
        .joined(separator: " ")
    case .error(let line):
      return line.text
    }
  }

  private static func expectation(_ expectation: ExpectationSyntax) -> String {
    let word = SyntaxPrinter.word
    switch expectation {
    case .fires(let words):
      // `expect "nothing"` expects an action named so: it keeps its quotes.
      return words.enumerated().map { index, value in
        index == 0 && expectationKeywords.contains(value) ? SyntaxPrinter.quoted(value) : word(value)
      }.joined(separator: " ")
    case .doesNotFire(let words):
      return (["no"] + words.map(word)).joined(separator: " ")
    case .nothing:
      return "nothing"
    case .skipped(let step, let reason):
      return (["skipped", word(step)] + (reason.map { [$0] } ?? [])).joined(separator: " ")
    case .next(let date):
      return "next " + (date.map(SyntaxPrinter.date) ?? "none")
    case .balance(let component, let amount):
      return (["balance"] + (component.map { [$0] } ?? []) + [amount]).joined(separator: " ")
    }
  }

  /// A timeline's entries in columns: date, offset, action, then the rest. An entry that does not
  /// have that shape keeps its words, single-spaced (entries are compared with white space
  /// folded, so either way it means the same).
  private static func timeline(_ entries: [TimelineEntrySyntax]) -> [PrintedLine] {
    let fields = entries.map { entry -> [String]? in
      let words = entry.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard words.count >= 3, !words[0].hasPrefix("#") else { return nil }
      var actionLength = 1
      if words[2] == "refer", words.count >= 5, words[3] == "to", words[4] == "agency" { actionLength = 3 }
      if words[2] == "write", words.count >= 4, words[3] == "off" { actionLength = 2 }
      let action = words[2..<(2 + actionLength)].joined(separator: " ")
      return [words[0], words[1], action, words[(2 + actionLength)...].joined(separator: " ")]
    }
    let widths = (0..<3).map { column in fields.compactMap { $0?[column].count }.max() ?? 0 }
    return zip(entries, fields).map { entry, fields in
      var text: String
      if let fields {
        text =
          (0..<3).map { fields[$0] + String(repeating: " ", count: widths[$0] - fields[$0].count) }
          .joined(separator: "  ") + "  " + fields[3]
        while text.last == " " { text.removeLast() }
      } else {
        text = entry.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
      }
      return PrintedLine(trivia: entry.trivia, indent: 4, prefix: text, options: nil)
    }
  }
}
