/// The canonical spelling of the pieces of a line: offsets, words, strings and expressions.
///
/// One spelling per meaning: an offset as `D+14` (never `D+014`, `D+0` is `D0`), a value bare
/// when it can be (`reminder`) and quoted when it must be (`"due today"`, `"when"`), operators
/// between single spaces, parentheses where they were written.
enum SyntaxPrinter {
  /// An offset as canonically written (``Offset/description``): `D+14`, `D-3`, `D0`, `I+14`.
  static func offset(_ offset: OffsetSyntax) -> String {
    offset.offset.description
  }

  /// A test's date: an offset canonically written, an ISO date as it is.
  static func date(_ date: DateSyntax) -> String {
    (try? DateReference(parsing: date.text))?.description ?? date.text
  }

  /// A quoted string, with `"`, `\`, new lines and tabs escaped.
  static func quoted(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  /// A step's argument (or a calendar, an id): bare when it is a bare argument and not a reserved
  /// word, quoted otherwise.
  /// `after conversation wait 7 days for call`, as the formatter writes it.
  static func conversationWait(days: Int, channel: String?) -> String {
    "after conversation wait \(days) \(Self.days(days))" + (channel.map { " for \($0)" } ?? "")
  }

  static func argument(_ value: String) -> String {
    // `fallback` bare would start the step option.
    value.isBareArgument && !TokenCursor.isReserved(value) && value != "fallback" ? value : quoted(value)
  }

  /// A step id after `as`: bare when the lexer reads it as one word that is not reserved.
  static func id(_ value: String) -> String {
    TokenCursor.isReserved(value) ? quoted(value) : word(value)
  }

  /// A word of a test line: bare when the lexer reads it as one word, quoted otherwise.
  static func word(_ value: String) -> String {
    let isWord = !value.isEmpty && value.utf8.allSatisfy(Lexer.isWordByte)
    return isWord ? value : quoted(value)
  }

  /// An expression with single spaces around operators and its parentheses as written.
  static func expression(_ expression: ExpressionSyntax) -> String {
    switch expression {
    case .name(let name, _): return name
    case .number(let number, _): return number
    case .money(let number, let currency, _): return "\(number) \(currency)"
    case .string(let value, _): return quoted(value)
    case .boolean(let value, _): return value ? "true" : "false"
    case .tagged(let tag, _): return "tagged \(quoted(tag))"
    case .not(let operand, _): return "not \(Self.expression(operand))"
    case .and(let a, let b): return "\(Self.expression(a)) and \(Self.expression(b))"
    case .or(let a, let b): return "\(Self.expression(a)) or \(Self.expression(b))"
    case .comparison(let a, let op, let b, _): return "\(Self.expression(a)) \(op.rawValue) \(Self.expression(b))"
    case .membership(let a, let list, _):
      return "\(Self.expression(a)) in [\(list.map(Self.expression).joined(separator: ", "))]"
    case .parenthesized(let inner, _): return "(\(Self.expression(inner)))"
    }
  }

  /// `day` or `days`, as the number asks.
  static func days(_ count: Int) -> String { count == 1 ? "day" : "days" }

  /// A `window` line in canonical spelling: `window call 08:00-21:00 mon-fri`.
  static func window(channel: String, from: LocalTime, to: LocalTime, days: WeekdaySet) -> String {
    let spelled = days.ruleSpelling
    return "window \(channel) \(from)-\(to)" + (spelled.isEmpty ? "" : " " + spelled)
  }
}
