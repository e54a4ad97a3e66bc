/// A literal value in a condition.
public enum Literal: Sendable, Hashable, CustomStringConvertible {
  /// `true` or `false`.
  case boolean(Bool)
  /// A whole number compared with a whole-number field (`30` in `days-overdue >= 30`).
  case integer(Int)
  /// A number compared with money: an amount in the invoice's currency, exactly (`500.00`).
  case amount(ExactDecimal)
  /// An amount with its currency (`500.00 BRL`): false against another currency's amount.
  case money(ExactDecimal, Currency)
  /// Text (`"smb"`).
  case text(String)

  /// The literal as written canonically.
  public var description: String {
    switch self {
    case .boolean(let value): return value ? "true" : "false"
    case .integer(let value): return String(value)
    case .amount(let value): return value.description
    case .money(let value, let currency): return "\(value) \(currency.code)"
    case .text(let value): return value.quotedForRules
    }
  }
}

/// A checked, typed condition expression. It always terminates and has no side effects.
public indirect enum Expression: Sendable, Hashable {
  /// A literal value.
  case literal(Literal)
  /// A field of the schema.
  case field(Field)
  /// `tagged "x"`: the invoice or the customer has tag x.
  case tagged(String)
  /// `not e`.
  case not(Expression)
  /// `a and b`.
  case and(Expression, Expression)
  /// `a or b`.
  case or(Expression, Expression)
  /// `a OP b`, both sides of one type.
  case comparison(Expression, ComparisonOperator, Expression)
  /// `a in [x, y]`.
  case membership(Expression, [Literal])

  /// Every whole number compared with `days-overdue`, for finding the days a condition can change.
  var daysOverdueThresholds: [Int] {
    switch self {
    case .literal, .field, .tagged: return []
    case .not(let e): return e.daysOverdueThresholds
    case .and(let a, let b), .or(let a, let b): return a.daysOverdueThresholds + b.daysOverdueThresholds
    case .comparison(let a, _, let b):
      if case .field(.daysOverdue) = a, case .literal(.integer(let k)) = b { return [k] }
      if case .field(.daysOverdue) = b, case .literal(.integer(let k)) = a { return [k] }
      return []
    case .membership(.field(.daysOverdue), let list):
      return list.compactMap { if case .integer(let k) = $0 { return k } else { return nil } }
    case .membership: return []
    }
  }
}

/// A condition of a step or a policy: a boolean ``Expression`` with its canonical text.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
  /// The checked expression.
  public var expression: Expression
  /// A problem found while a condition was built in Swift (an amount string that is not a
  /// number); reported when the cadence is built. Not part of the condition's value.
  var problem: String?

  /// Wraps a checked boolean expression.
  public init(_ expression: Expression) {
    self.expression = expression
  }

  init(problem: String) {
    self.expression = .literal(.boolean(false))
    self.problem = problem
  }

  /// Conditions are equal when their expressions are.
  public static func == (lhs: Condition, rhs: Condition) -> Bool { lhs.expression == rhs.expression }

  /// Hashes the expression.
  public func hash(into hasher: inout Hasher) { hasher.combine(expression) }

  /// The condition written canonically, as in a rule file: `balance >= 500.00 and not tagged "vip"`.
  public var description: String { ExpressionPrinter.print(expression) }
}

/// Writes expressions canonically, with the fewest parentheses that keep their meaning.
///
/// The text is written into one buffer, so the cost is linear in its length however deep the
/// expression; asked to, the printer also records where each sub-expression is written
/// (``Spans``), so a reader of the text can point into it instead of repeating it.
enum ExpressionPrinter {
  static func print(_ expression: Expression) -> String {
    var writer = Writer(recordsSpans: false)
    writer.write(expression, context: 0)
    return writer.text
  }

  /// The expression's text and where each of its sub-expressions is written in it.
  static func printWithSpans(_ expression: Expression) -> (text: String, spans: Spans) {
    var writer = Writer(recordsSpans: true)
    writer.write(expression, context: 0)
    return (writer.text, writer.spans)
  }

  /// Where each sub-expression is written, in preorder (a node, then its operands left to
  /// right; a comparison's and a list's too): offsets in Unicode scalars, parentheses around a
  /// sub-expression excluded.
  struct Spans {
    /// The span of each node, in preorder.
    var ranges: [Range<Int>] = []
    /// For each node, the preorder index just past its subtree: its next sibling's index.
    var ends: [Int] = []
  }

  private struct Writer {
    let recordsSpans: Bool
    var text = ""
    var scalars = 0
    var spans = Spans()

    init(recordsSpans: Bool) {
      self.recordsSpans = recordsSpans
    }

    mutating func append(_ piece: String) {
      text += piece
      if recordsSpans { scalars += piece.unicodeScalars.count }
    }

    /// Precedence: or 1, and 2, not 3, comparison 4, primaries 5.
    mutating func write(_ expression: Expression, context: Int) {
      let precedence: Int
      switch expression {
      case .literal, .field, .tagged: precedence = 5
      case .not: precedence = 3
      case .and: precedence = 2
      case .or: precedence = 1
      case .comparison, .membership: precedence = 4
      }
      if precedence < context { append("(") }
      let index = spans.ranges.count
      let start = scalars
      if recordsSpans {
        spans.ranges.append(start..<start)
        spans.ends.append(index + 1)
      }
      switch expression {
      case .literal(let literal): append(literal.description)
      case .field(let field): append(field.rawValue)
      case .tagged(let tag): append("tagged \(tag.quotedForRules)")
      case .not(let e):
        append("not ")
        write(e, context: 3)
      case .and(let a, let b):
        write(a, context: 2)
        append(" and ")
        write(b, context: 3)
      case .or(let a, let b):
        write(a, context: 1)
        append(" or ")
        write(b, context: 2)
      case .comparison(let a, let op, let b):
        write(a, context: 5)
        append(" \(op.rawValue) ")
        write(b, context: 5)
      case .membership(let a, let list):
        write(a, context: 5)
        append(" in [" + list.map(\.description).joined(separator: ", ") + "]")
      }
      if recordsSpans {
        spans.ranges[index] = start..<scalars
        spans.ends[index] = spans.ranges.count
      }
      if precedence < context { append(")") }
    }
  }
}

extension String {
  /// The string as a rule-file string literal, with `"` and `\` escaped.
  var quotedForRules: String {
    var result = "\""
    for character in self {
      switch character {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default: result.append(character)
      }
    }
    return result + "\""
  }
}
